import type { Metadata } from "next";

import { GeneratePage } from "@/components/generation/generate-page";

export const metadata: Metadata = { title: "Generate · NIM Playground" };

export default function Generate() {
  return <GeneratePage />;
}
