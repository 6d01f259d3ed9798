import type { IncomingMessage, ServerResponse } from "node:http";

// What a stand-in upstream needs to read a multipart request, check its fields and answer JSON.

export type Form = { fields: Record<string, string>; files: string[] };

export const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));

export async function readForm(req: IncomingMessage, body: string): Promise<Form> {
  const parsed = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
  const fields: Record<string, string> = {};
  const files: string[] = [];
  for (const [name, value] of parsed.entries()) {
    if (typeof value === "string") fields[name] = value;
    else files.push(name);
  }
  return { fields, files };
}

/** Null when `got` equals `want` as JSON, else a sentence saying how they differ. */
export const mismatch = (what: string, got: unknown, want: unknown) =>
  JSON.stringify(got) === JSON.stringify(want) ? null : `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
export const first = (...checks: (string | null)[]) => checks.find((check) => check !== null) ?? null;
