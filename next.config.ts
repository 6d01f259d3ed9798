import type { NextConfig } from "next";

import { securityHeaders } from "./lib/core/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Compression would hold back server-sent events until a buffer fills; streams must flow at once.
  compress: false,
  reactStrictMode: true,
  // Only the Docker build sets NEXT_OUTPUT: `next start` (npm start, e2e, bench) warns it "does not work" with standalone.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
  turbopack: { root: import.meta.dirname },
  // The HTTP client of every upstream call, loaded from node_modules as the tests load it, not bundled per route.
  serverExternalPackages: ["undici"],
  async headers() {
    const [policy, ...others] = securityHeaders(process.env.NODE_ENV === "development");
    // The pass-through sets the sandbox policy itself (Next keeps a header set here over a route's own).
    return [
      { source: "/:path*", headers: others },
      { source: "/:path((?!api/backends/[^/]+/v1/).*)", headers: [policy!] },
    ];
  },
};

export default nextConfig;
