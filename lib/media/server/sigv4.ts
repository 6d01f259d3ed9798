import { createHash, createHmac } from "node:crypto";

// AWS Signature Version 4 (header form), enough for S3-compatible object stores. Written against
// the AWS documentation so no SDK is needed; sigv4.test.ts checks it against the documented vector.

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  url: URL;
  /** Headers to sign besides host and x-amz-date (which are added). */
  headers: Record<string, string>;
  /** Hex sha256 of the body (the empty string's for no body). */
  payloadHash: string;
  region: string;
  service: string;
  credentials: AwsCredentials;
  now?: Date;
}

export const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: Buffer | string, text: string) => createHmac("sha256", key).update(text, "utf8").digest();

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** "20150830T123600Z" */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function canonicalUri(pathname: string): string {
  // S3 signs the path as sent, each segment encoded once; decode first so nothing is encoded twice.
  return (
    pathname
      .split("/")
      .map((segment) => uriEncode(decodeURIComponent(segment)))
      .join("/") || "/"
  );
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

export interface SignatureParts {
  method: string;
  url: URL;
  /** Exactly the signed headers, any case. */
  headers: Record<string, string>;
  payloadHash: string;
  amzDate: string;
  region: string;
  service: string;
  secretAccessKey: string;
}

export function canonicalRequest({
  method,
  url,
  headers,
  payloadHash,
}: Pick<SignatureParts, "method" | "url" | "headers" | "payloadHash">): { text: string; signedHeaders: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = entries.map(([name]) => name).join(";");
  const text = [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url),
    entries.map(([n, v]) => `${n}:${v}\n`).join(""),
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { text, signedHeaders };
}

/** The hex signature and what went into it; the fake S3 server uses this to check requests. */
export function computeSignature(parts: SignatureParts): { signature: string; signedHeaders: string; scope: string } {
  const day = parts.amzDate.slice(0, 8);
  const scope = `${day}/${parts.region}/${parts.service}/aws4_request`;
  const { text, signedHeaders } = canonicalRequest(parts);
  const stringToSign = ["AWS4-HMAC-SHA256", parts.amzDate, scope, sha256Hex(text)].join("\n");
  let key = hmac(`AWS4${parts.secretAccessKey}`, day);
  for (const part of [parts.region, parts.service, "aws4_request"]) key = hmac(key, part);
  return { signature: createHmac("sha256", key).update(stringToSign, "utf8").digest("hex"), signedHeaders, scope };
}

/** The headers to send: the given ones plus host, x-amz-date, the session token and Authorization. */
export function signRequest(input: SignInput): Record<string, string> {
  const date = amzDate(input.now ?? new Date());
  const headers: Record<string, string> = { ...input.headers, host: input.url.host, "x-amz-date": date };
  if (input.credentials.sessionToken) headers["x-amz-security-token"] = input.credentials.sessionToken;
  const { signature, signedHeaders, scope } = computeSignature({
    method: input.method,
    url: input.url,
    headers,
    payloadHash: input.payloadHash,
    amzDate: date,
    region: input.region,
    service: input.service,
    secretAccessKey: input.credentials.secretAccessKey,
  });
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}
