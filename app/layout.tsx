import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { Providers } from "@/components/providers";
import { parseTheme, THEME_COOKIE } from "@/lib/core/theme";

import "./globals.css";

export const metadata: Metadata = {
  title: "NIM Playground",
  description: "Chat with NVIDIA NIM vision-language models and watch them reason.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so that its scripts carry the request's CSP nonce (proxy.ts).
  await connection();
  // Read here, not by a script after load, so a chosen theme is there at the first paint.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body className="font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
