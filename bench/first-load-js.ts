// First-load JavaScript per page, from the build's own stats (.next/diagnostics/route-bundle-stats.json),
// gzipped here; cross-checked against the <script> tags of the page as the server sends it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface ChunkSize {
  file: string;
  rawKb: number;
  gzipKb: number;
}

export interface PageFirstLoad {
  route: string;
  rawKb: number;
  gzipKb: number;
  /** Largest first, gzipped. */
  chunks: ChunkSize[];
  /** The chunks the served HTML loads as module scripts (noModule polyfills excluded), when a server was given. */
  served?: { chunks: number; gzipKb: number; missingFromStats: string[] };
}

interface RouteBundleStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

const kb = (bytes: number) => bytes / 1024;
// Level 9, as the usual bundle-size tools report it.
const gzipBytes = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function chunkSize(projectDir: string, file: string): ChunkSize {
  const bytes = readFileSync(path.join(projectDir, file));
  return { file: path.basename(file), rawKb: kb(bytes.length), gzipKb: kb(gzipBytes(bytes)) };
}

/** The same-origin script chunks of a served page, without `noModule` ones (modern browsers skip them). */
export function scriptChunks(html: string): string[] {
  const chunks: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1] ?? "";
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src?.startsWith("/_next/static/") && !/\bnomodule\b/i.test(attributes)) chunks.push(src);
  }
  return chunks;
}

async function servedFirstLoad(projectDir: string, serverUrl: string, route: string, statsFiles: Set<string>) {
  const response = await fetch(new URL(route, serverUrl));
  if (!response.ok) throw new Error(`GET ${route}: HTTP ${response.status}`);
  const sources = scriptChunks(await response.text());
  let gzip = 0;
  for (const src of sources) gzip += gzipBytes(readFileSync(path.join(projectDir, ".next", src.replace(/^\/_next\//, ""))));
  const missingFromStats = sources.map((src) => path.basename(src)).filter((file) => !statsFiles.has(file));
  return { chunks: sources.length, gzipKb: kb(gzip), missingFromStats };
}

/** First-load JS of `routes` in the build at `projectDir`; with `serverUrl`, also what its pages load. */
export async function measureFirstLoadJs(options: { projectDir: string; routes?: string[]; serverUrl?: string }): Promise<PageFirstLoad[]> {
  const { projectDir, routes = ["/", "/compare", "/generate"], serverUrl } = options;
  const statsFile = path.join(projectDir, ".next", "diagnostics", "route-bundle-stats.json");
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteBundleStats[];
  const pages: PageFirstLoad[] = [];
  for (const route of routes) {
    const entry = stats.find((candidate) => candidate.route === route);
    if (!entry) throw new Error(`${statsFile} has no route ${route}; is the build current?`);
    const chunks = entry.firstLoadChunkPaths.map((file) => chunkSize(projectDir, file)).sort((a, b) => b.gzipKb - a.gzipKb);
    const page: PageFirstLoad = {
      route,
      rawKb: kb(entry.firstLoadUncompressedJsBytes),
      gzipKb: chunks.reduce((sum, chunk) => sum + chunk.gzipKb, 0),
      chunks,
    };
    if (serverUrl) page.served = await servedFirstLoad(projectDir, serverUrl, route, new Set(chunks.map((chunk) => chunk.file)));
    pages.push(page);
  }
  return pages;
}
