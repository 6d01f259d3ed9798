import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { GENERATED_HANDLER } from "@/lib/server/route";

import type { Route } from "./route-server";

// Every route handler the app has, found by walking app/api/**/route.ts, so a test over "all
// routes" also covers the ones added after it was written.

const API_DIR = fileURLToPath(new URL("../../app/api", import.meta.url));
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * One exported method of one route file; `pattern` as the file's folder names it, e.g. /api/media/[id].
 * The 405s and OPTIONS that `methods` adds count only with `generated`.
 */
export async function discoverApiRoutes(options: { generated?: boolean } = {}): Promise<Route[]> {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
  const routes: Route[] = [];
  for (const file of files.sort()) {
    const pattern = `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, "");
    const exports = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = exports[method];
      if (typeof handler !== "function") continue;
      if (!options.generated && GENERATED_HANDLER in handler) continue;
      routes.push({ method, pattern, handler: handler as Route["handler"] });
    }
  }
  return routes;
}

/** A concrete path for a pattern: each [param], [...param] and [[...param]] filled by `fill`. */
export function fillPattern(pattern: string, fill: (param: string) => string): string {
  return pattern.replace(/\[\[\.\.\.([^\]]+)\]\]|\[(?:\.\.\.)?([^\]]+)\]/g, (_, optional: string | undefined, param: string) =>
    fill(optional ?? param),
  );
}
