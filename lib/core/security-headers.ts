// The response headers every page and route gets. The CSP keeps everything on the app's own origin
// while still letting ffmpeg.wasm run (module worker from /ffmpeg, wasm compiled from a blob: URL).

function contentSecurityPolicy(development: boolean): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Next's hydration data is inline; 'wasm-unsafe-eval' allows WebAssembly and nothing else.
    "script-src": ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'", "blob:", ...(development ? ["'unsafe-eval'"] : [])],
    "worker-src": ["'self'", "blob:"],
    "connect-src": ["'self'", "blob:", "data:", ...(development ? ["ws:"] : [])],
    // People attach media by URL; the browser shows those previews directly.
    "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
    "media-src": ["'self'", "data:", "blob:", "https:", "http:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * Stored media, however they are opened: nothing loads, nothing runs, no origin (the app-wide policy
 * above would let a document of ours run inline script). proxy.ts sets it, since Next keeps the
 * app-wide header over a route's own.
 */
export const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

export function securityHeaders(development: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(development) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ];
}
