import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getMedia, HEAD as headMedia } from "@/app/api/media/[id]/route";
import { POST as postMedia } from "@/app/api/media/route";
import { MEDIA_CONTENT_SECURITY_POLICY } from "@/lib/core/security-headers";
import { imageEnd } from "@/lib/media/server/image-structure";
import { playgroundStore } from "@/lib/server/db/store";

import {
  box,
  bytes,
  concat,
  makeGif,
  makeJpeg,
  makeMp4,
  makePng,
  makeWebm,
  makeWebp,
  makeZip,
  pngChunk,
  text,
} from "./support/media-fixtures";
import { serveRoutes } from "./support/route-server";

// Polyglots: files that are an image or video to one reader and a page, script or archive to
// another. Whatever is not a whole image or video is refused with 415; what is stored is only ever
// served as its sniffed media type, with nosniff and a sandbox policy, so no browser runs it.

let app: { url: string; close(): Promise<void> };
const dataDir = mkdtempSync(path.join(tmpdir(), "playground-security-uploads-"));

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PLAYGROUND_PASSWORD;
  process.env.PLAYGROUND_DATA_DIR = dataDir;
  app = await serveRoutes([
    { method: "POST", pattern: "/api/media", handler: postMedia },
    { method: "GET", pattern: "/api/media/[id]", handler: getMedia as never },
    { method: "HEAD", pattern: "/api/media/[id]", handler: headMedia as never },
  ]);
});
afterAll(async () => {
  await app.close();
  await (await playgroundStore()).close();
});

const HTML = text(`<!DOCTYPE html><html><body><script>fetch("/api/conversations").then(r=>r.text()).then(alert)</script></body></html>`);
const SVG = text(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>`);
const JAR = makeZip({ "META-INF/MANIFEST.MF": "Manifest-Version: 1.0\r\nMain-Class: Payload\r\n", "Payload.class": "\xca\xfe\xba\xbe" });
const PNG_SIGNATURE_AND_IHDR = 33;
const startOfScan = (jpeg: Uint8Array) => Buffer.from(jpeg).indexOf(Buffer.from([0xff, 0xda]));

const blobsStored = () => {
  const dir = path.join(dataDir, "media", "blobs");
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;
};

function upload(body: Uint8Array<ArrayBuffer>, filename: string, claimedType: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([body], { type: claimedType }), filename);
  return fetch(`${app.url}/api/media`, { method: "POST", body: form });
}

const POLYGLOTS: [string, Uint8Array<ArrayBuffer>, string, string, RegExp][] = [
  [
    "a PNG header, then HTML",
    concat(makePng(4, 4).subarray(0, PNG_SIGNATURE_AND_IHDR), HTML),
    "cat.png",
    "image/png",
    /starts like a PNG image but is not a whole one/,
  ],
  [
    "a JPEG header up to its frame size, then HTML",
    concat(makeJpeg(8, 8).subarray(0, startOfScan(makeJpeg(8, 8))), HTML),
    "cat.jpg",
    "image/jpeg",
    /starts like a JPEG image but is not a whole one/,
  ],
  [
    "a whole PNG with HTML appended",
    concat(makePng(4, 4), HTML),
    "cat.png",
    "image/png",
    /PNG image has another file \(markup or an archive\) appended/,
  ],
  [
    "a whole JPEG with SVG appended after whitespace",
    concat(makeJpeg(8, 8), text("\r\n  "), SVG),
    "cat.jpg",
    "image/jpeg",
    /JPEG image has another file/,
  ],
  ["a GIFAR: a whole GIF with a JAR appended", concat(makeGif(2, 2), JAR), "cat.gif", "image/gif", /GIF image has another file/],
  [
    "a GIF with a JAR behind junk (readers find a ZIP from its end)",
    concat(makeGif(2, 2), text("padding!"), JAR),
    "cat.gif",
    "image/gif",
    /GIF image has another file/,
  ],
  ["a WebP with HTML appended", concat(makeWebp("VP8", 4, 4), HTML), "cat.webp", "image/webp", /WEBP image has another file/],
  [
    "an MP4 ftyp box with a <script> payload, claimed as image/png",
    concat(box("ftyp", text("isom"), bytes(0, 0, 2, 0), text("isomiso2mp41")), HTML),
    "cat.png",
    "image/png",
    /MP4 file has no movie header/,
  ],
  ["a WebM header with HTML after it", concat(makeWebm().subarray(0, 40), HTML), "clip.webm", "video/webm", /WEBM file has no video track/],
  [
    "an SVG with script, as image/svg+xml named .png",
    SVG,
    "cat.png",
    "image/svg+xml",
    /JPEG, PNG, WebP or GIF images.*recognised by their content/,
  ],
  ["an HTML file named .png", HTML, "cat.png", "image/png", /JPEG, PNG, WebP or GIF images.*recognised by their content/],
];

describe("POST /api/media refuses polyglots", () => {
  it.each(POLYGLOTS)("%s: 415 JSON with a sentence, nothing stored", async (_, body, filename, claimedType, message) => {
    const before = blobsStored();
    const response = await upload(body, filename, claimedType);
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("unsupported_media");
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/\.$/);
    expect(blobsStored()).toBe(before);
  });
});

describe("what is stored is served as inert media", () => {
  const ACCEPTED: [string, Uint8Array<ArrayBuffer>, string][] = [
    [
      "a PNG carrying <script> in a text chunk (a whole image)",
      concat(
        makePng(5, 5).subarray(0, PNG_SIGNATURE_AND_IHDR),
        pngChunk("tEXt", concat(text("Comment\0"), HTML)),
        makePng(5, 5).subarray(PNG_SIGNATURE_AND_IHDR),
      ),
      "image/png",
    ],
    ["a PNG claimed as text/html", makePng(3, 3, [9, 9, 9]), "image/png"],
    ["a JPEG with a motion-photo MP4 after its end", concat(makeJpeg(16, 8), makeMp4({ frames: 4 })), "image/jpeg"],
    ["a GIF", makeGif(3, 2), "image/gif"],
    ["a WebP", makeWebp("VP8L", 4, 4), "image/webp"],
    ["an MP4", makeMp4({ frames: 6 }), "video/mp4"],
    ["a WebM", makeWebm(), "video/webm"],
  ];

  it.each(ACCEPTED)("%s: its sniffed type, nosniff, inline, and a sandbox that runs nothing", async (_, body, mime) => {
    const response = await upload(body, "page.html", "text/html");
    expect(response.status, await response.clone().text()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    for (const method of ["GET", "HEAD"]) {
      const served = await fetch(`${app.url}/api/media/${id}`, { method });
      expect(served.status).toBe(200);
      expect(Object.fromEntries(served.headers)).toMatchObject({
        "content-type": mime,
        "x-content-type-options": "nosniff",
        "content-disposition": "inline",
        "content-security-policy": MEDIA_CONTENT_SECURITY_POLICY,
      });
      if (method === "GET") expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(body))).toBe(true);
    }
  });

  it("the sandbox policy lets nothing load or run and no page frame the file", () => {
    const directives = MEDIA_CONTENT_SECURITY_POLICY.split(";").map((directive) => directive.trim());
    expect(directives).toEqual(expect.arrayContaining(["default-src 'none'", "sandbox", "frame-ancestors 'none'"]));
  });
});

describe("imageEnd", () => {
  it("finds the end of whole images, progressive JPEG scans and stuffed bytes included", () => {
    for (const [image, format] of [
      [makePng(7, 3), "png"],
      [makeGif(4, 4), "gif"],
      [makeWebp("VP8X", 9, 9), "webp"],
      [makeJpeg(8, 8), "jpeg"],
    ] as const) {
      expect(imageEnd(image, format), format).toBe(image.length);
    }
    const jpeg = makeJpeg(8, 8);
    const scan = startOfScan(jpeg);
    // Two scans with a table between them, 0xFF stuffed as FF 00 and a restart marker in the data.
    const secondScan = concat(
      bytes(0xff, 0xc4, 0, 4, 0, 0),
      bytes(0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0),
      bytes(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56),
    );
    const progressive = concat(jpeg.subarray(0, jpeg.length - 2), secondScan, bytes(0xff, 0xd9));
    expect(imageEnd(progressive, "jpeg")).toBe(progressive.length);
    expect(imageEnd(jpeg.subarray(0, scan + 12), "jpeg")).toBeNull();
    expect(imageEnd(makePng(7, 3).subarray(0, 50), "png")).toBeNull();
    expect(imageEnd(concat(text("GIF89a"), bytes(1, 0, 1, 0, 0, 0, 0), text("<html>")), "gif")).toBeNull();
  });
});
