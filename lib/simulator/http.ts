import type { IncomingMessage, ServerResponse } from "node:http";

// HTTP plumbing shared by the simulator's routes: vLLM-shaped errors, JSON replies, body reading.

const ERROR_TYPES: Record<number, string> = {
  400: "BadRequestError",
  404: "NotFoundError",
  405: "MethodNotAllowedError",
  413: "RequestEntityTooLargeError",
  422: "UnprocessableEntityError",
  500: "InternalServerError",
};

/** An error answered with the body a newer vLLM sends: `{"error":{message,type,param,code}}`. */
export class SimulatorHttpError extends Error {
  readonly status: number;
  /** A different body, for servers that answer in their own shape (FastAPI's `detail`). */
  private readonly body: unknown;

  constructor(status: number, message: string, body?: unknown) {
    super(message);
    this.name = "SimulatorHttpError";
    this.status = status;
    this.body = body;
  }

  toBody(): unknown {
    if (this.body !== undefined) return this.body;
    const type = ERROR_TYPES[this.status] ?? "BadRequestError";
    return { error: { message: this.message, type, param: null, code: this.status } };
  }
}

/**
 * A request that fails vLLM's schema validation: 400 with type "Bad Request" and the field named in
 * `param`, the message in pydantic's words (vllm api_server.py's validation handler).
 */
export function validationError(detail: string, param: string | null = null): SimulatorHttpError {
  const message = `1 validation error for ChatCompletionRequest\n${detail}`;
  return new SimulatorHttpError(400, message, { error: { message, type: "Bad Request", param, code: 400 } });
}

/** An error answered FastAPI style, `{"detail": "…"}`, as NIM and vLLM-Omni generators do. */
export const detailError = (status: number, message: string) => new SimulatorHttpError(status, message, { detail: message });

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": String(bytes.length),
    "Cache-Control": "no-cache",
  });
  res.end(bytes);
}

export function sendError(res: ServerResponse, error: SimulatorHttpError): void {
  sendJson(res, error.status, error.toBody());
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": String(bytes.length) });
  res.end(bytes);
}

// Inline base64 videos make bodies large; past this the real server would refuse too.
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SimulatorHttpError(413, "Request body is too large.");
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimulatorHttpError(400, "The request body is not valid JSON.");
  }
}
