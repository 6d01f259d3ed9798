import { PlaygroundShell } from "@/components/conversations/playground-shell";

// Rendered per request: the shell reads ?c=<id> (the saved chat to reopen) while rendering.
export const dynamic = "force-dynamic";

export default function Home() {
  return <PlaygroundShell />;
}
