import { preload } from "react-dom";

import { PlaygroundShell } from "@/components/conversations/playground-shell";
import { conversationUrl, isSessionId } from "@/lib/conversations/constants";

// Rendered per request: the shell reads ?c=<id> (the saved chat to reopen) while rendering.
export const dynamic = "force-dynamic";

export default async function Home({ searchParams }: { searchParams: Promise<{ c?: string | string[] }> }) {
  // The saved chat downloads beside the page's scripts; the shell's own request then takes that response.
  const id = (await searchParams).c;
  if (typeof id === "string" && isSessionId(id)) preload(conversationUrl(id), { as: "fetch", crossOrigin: "anonymous" });
  return <PlaygroundShell />;
}
