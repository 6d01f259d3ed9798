import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import aws4 from "aws4";

// A tiny path-style S3 in memory: PUT, GET (with Range), HEAD and DELETE. Every request's SigV4
// signature is checked (with aws4) against the one secret it knows, so a badly signed request gets 403.

export interface FakeS3 {
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** "bucket/key" → bytes */
  objects: Map<string, Buffer>;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

function xmlError(res: ServerResponse, status: number, code: string, withBody = true): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(withBody ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>` : undefined);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startFakeS3({
  region = "us-east-1",
  accessKeyId = "AKIDFAKE",
  secretAccessKey = "fake/secret+KEY",
} = {}): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: FakeS3["requests"] = [];

  // The signature is recomputed with aws4, an independent signer, over the headers the request says it signed.
  function authorized(req: IncomingMessage): boolean {
    const match = AUTH.exec(String(req.headers.authorization ?? ""));
    const date = String(req.headers["x-amz-date"] ?? "");
    if (!match || match[1] !== accessKeyId || match[3] !== region || date.slice(0, 8) !== match[2]) return false;
    const names = match[4]!.split(";");
    if (!names.includes("host") || !names.includes("x-amz-content-sha256") || !names.includes("x-amz-date")) return false;
    const headers = Object.fromEntries(names.map((name) => [name, String(req.headers[name] ?? "")]));
    // aws4 leaves Range out unless told; the SDK signs it.
    const request = {
      method: req.method!,
      host: headers.host,
      path: req.url!,
      service: "s3",
      region,
      headers,
      extraHeadersToInclude: Object.fromEntries(names.map((name) => [name, true])),
    };
    const expected = aws4.sign(request, { accessKeyId, secretAccessKey });
    return expected.headers?.Authorization === req.headers.authorization;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    const key = decodeURIComponent(url.pathname.slice(1));
    requests.push({ method: req.method!, path: key });
    const body = await readBody(req);
    if (!authorized(req)) return xmlError(res, 403, "SignatureDoesNotMatch", req.method !== "HEAD");
    const object = objects.get(key);
    switch (req.method) {
      case "PUT": {
        const declared = req.headers["x-amz-content-sha256"];
        if (declared !== "UNSIGNED-PAYLOAD" && createHash("sha256").update(body).digest("hex") !== declared)
          return xmlError(res, 400, "XAmzContentSHA256Mismatch");
        objects.set(key, body);
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return void res.end();
      }
      case "HEAD":
        if (!object) return xmlError(res, 404, "NoSuchKey", false);
        res.writeHead(200, { "content-length": object.length });
        return void res.end();
      case "GET": {
        if (!object) return xmlError(res, 404, "NoSuchKey");
        const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ""));
        if (!range) {
          res.writeHead(200, { "content-length": object.length });
          return void res.end(object);
        }
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : object.length - 1, object.length - 1);
        if (start >= object.length) return xmlError(res, 416, "InvalidRange");
        res.writeHead(206, { "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${object.length}` });
        return void res.end(object.subarray(start, end + 1));
      }
      case "DELETE":
        objects.delete(key);
        res.writeHead(204);
        return void res.end();
      default:
        return xmlError(res, 405, "MethodNotAllowed");
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => xmlError(res, 500, "InternalError"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
