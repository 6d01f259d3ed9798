// Copies ffmpeg.wasm into public/ffmpeg/ so the browser loads it from the app's own origin:
// Turbopack cannot bundle it, and nothing may come from a CDN. Runs on postinstall and prebuild.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "public", "ffmpeg");

// Both packages resolve to a file inside dist/esm (@ffmpeg/ffmpeg to its node stub), so its folder is the one to copy.
const esmDir = (specifier) => path.dirname(fileURLToPath(import.meta.resolve(specifier)));

function copyChanged(fromDir, toDir) {
  mkdirSync(toDir, { recursive: true });
  let copied = 0;
  for (const name of readdirSync(fromDir)) {
    const from = path.join(fromDir, name);
    const to = path.join(toDir, name);
    const source = statSync(from);
    // Type declarations would be picked up by tsc (tsconfig includes **/*.ts) and the browser needs none.
    if (!source.isFile() || /\.d\.m?ts$/.test(name)) continue;
    const existing = statSync(to, { throwIfNoEntry: false });
    if (existing && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) continue;
    copyFileSync(from, to);
    copied += 1;
  }
  return copied;
}

const coreDir = esmDir("@ffmpeg/core");
const ffmpegDir = esmDir("@ffmpeg/ffmpeg");
const copied = copyChanged(coreDir, path.join(target, "core")) + copyChanged(ffmpegDir, path.join(target, "ffmpeg"));

// The loader keys its Cache API entry by core version and uses the size when a response has no length.
const coreVersion = JSON.parse(readFileSync(path.join(coreDir, "..", "..", "package.json"), "utf8")).version;
const manifest = `${JSON.stringify({ coreVersion, wasmBytes: statSync(path.join(coreDir, "ffmpeg-core.wasm")).size })}\n`;
const manifestPath = path.join(target, "manifest.json");
if (statSync(manifestPath, { throwIfNoEntry: false }) === undefined || readFileSync(manifestPath, "utf8") !== manifest) {
  writeFileSync(manifestPath, manifest);
}
console.log(`ffmpeg.wasm ${coreVersion}: ${copied ? `copied ${copied} file(s)` : "up to date"} in public/ffmpeg/`);
