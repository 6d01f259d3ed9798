// The playground's production server: Next.js behind scripts/front-door.mjs, which gives route code
// the peer's address and answers what Next cannot. Used by `npm start`, the e2e suite, the benchmarks
// and the Docker image (next to the standalone build, whose config it reads as Next's server.js does).
// Listens on HOST (default 127.0.0.1) and PORT (default 3000).
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

import { frontDoor, markPeerStamping } from "./front-door.mjs";

const dir = path.resolve(import.meta.dirname, "..");
const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
process.env.NODE_ENV = "production";

// The standalone output has no next.config.ts: the build wrote the resolved config down.
if (existsSync(path.join(dir, "server.js"))) {
  const { config } = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname, port });
markPeerStamping();
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  if (frontDoor(req, res)) return;
  handle(req, res).catch((error) => {
    console.error("[playground] request failed:", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
    res.end("Internal Server Error");
  });
});
server.on("error", (error) => {
  console.error(`The playground cannot listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => console.log(`NIM Playground on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    // Finish what is in flight, then stop; a stream that never ends does not hold the exit up for long.
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
