import { Playground } from "@/components/playground/playground";

export default function Home() {
  return <Playground />;
}
