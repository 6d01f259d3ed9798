import "server-only";

import { randomUUID } from "node:crypto";
import type { z } from "zod";

import { PlaygroundError } from "@/lib/core/errors";
import { accessConfig } from "@/lib/server/access";
import { accessRefusal } from "@/lib/server/access-guard";
import { requestClient, type Client } from "@/lib/server/client-address";
import { describeIssues, errorResponse, NO_STORE, readJson } from "@/lib/server/http";
import { ownerCookie, requestOwner, type Owner } from "@/lib/server/owner";
import { checkHost, checkSameSite } from "@/lib/server/request-origin";
import { enforceRateLimit, type LimitedAction } from "@/lib/server/route-limits";

// The one way a route is written. In order: the host name, where a change comes from, access, the
// body's type, the rate limit; then path params, query and body through zod; then the handler.
// Refusals are thrown PlaygroundErrors, answered as our JSON error with their headers and the
// request's id (errorId, also in the log). A response that sets no caching of its own gets no-store.

type RawParams = Record<string, string | string[]>;
export interface RouteContext {
  params: Promise<RawParams>;
}
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** Anyone, the password holder, or anyone while `openWhen` says so (a public share and its media). */
export type Access = "open" | "password" | { openWhen: (params: RawParams, request: Request) => Promise<boolean> };

/** What a request body may be: JSON (read by `body`), an upload, what OpenAI clients send, a login form, a zip, nothing. */
export type BodyKind = "json" | "upload" | "openai" | "form" | "zip" | "none";

export interface RouteSpec {
  params?: z.ZodType;
  /** The refusal for params that do not parse (e.g. a 404 for an id that cannot exist); by default a 400. */
  badParams?: (raw: RawParams, issues: readonly z.core.$ZodIssue[]) => PlaygroundError;
  query?: z.ZodType;
  body?: z.ZodType;
  maxBodyBytes?: number;
  accepts?: BodyKind;
  access?: Access;
  owner?: boolean;
  limit?: LimitedAction;
}

type Parsed<S extends RouteSpec, K extends "params" | "query" | "body"> = S extends { [key in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;

export interface RouteInput<S extends RouteSpec> {
  request: Request;
  params: Parsed<S, "params">;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
  owner: S extends { owner: true } ? Owner : undefined;
  client: Client;
  requestId: string;
}

const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

const ACCEPTED: Record<Exclude<BodyKind, "none">, { test: (type: string) => boolean; hint: string }> = {
  json: { test: (type) => type === "application/json", hint: "This route takes a JSON body: send it with Content-Type: application/json." },
  upload: {
    test: (type) => type === "multipart/form-data" || type === "application/octet-stream" || /^(image|video)\/[\w.+-]+$/.test(type),
    hint: "Send the file as multipart/form-data (field 'file') or as the raw body with its media type, e.g. Content-Type: video/mp4.",
  },
  openai: {
    test: (type) => type === "application/json" || type === "multipart/form-data",
    hint: "The pass-through takes JSON or multipart/form-data bodies, as OpenAI clients send them.",
  },
  zip: {
    test: (type) => type === "application/zip" || type === "application/x-zip-compressed" || type === "application/octet-stream",
    hint: "Send the .nimdemo file as the raw body with Content-Type: application/zip.",
  },
  form: {
    test: (type) => type === "application/x-www-form-urlencoded" || type === "application/json",
    hint: 'Log in with the form at /login, or post {"password": …} with Content-Type: application/json.',
  },
};

const hasBody = (request: Request) => Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");

function checkContentType(request: Request, accepts: BodyKind): void {
  if (accepts === "none" || !WITH_BODY.has(request.method)) return;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (accepts === "openai" && type === "" && !hasBody(request)) return;
  if (!ACCEPTED[accepts].test(type)) throw new PlaygroundError("unsupported_media", ACCEPTED[accepts].hint);
}

async function checkAccess(access: Access, request: Request, params: RawParams, client: Client): Promise<void> {
  if (access === "open" || accessConfig().password === null) return;
  if (typeof access === "object" && (await access.openWhen(params, request))) return;
  const refusal = await accessRefusal(request.headers, client);
  if (refusal) throw refusal;
}

function parse<V>(
  schema: z.ZodType | undefined,
  value: V,
  refuse: (value: V, issues: readonly z.core.$ZodIssue[]) => PlaygroundError,
): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw refuse(value, result.error.issues);
  return result.data;
}

const badRequest = (_: unknown, issues: readonly z.core.$ZodIssue[]) => new PlaygroundError("bad_request", describeIssues(issues));

/** Our headers on the way out: a fresh Response, since some (redirects) have read-only headers. */
function finish(response: Response, cookie: string | null, requestId: string): Response {
  const headers = new Headers(response.headers);
  if (!headers.has("cache-control")) headers.set("Cache-Control", NO_STORE["Cache-Control"]);
  // The id an error body's errorId, a chat stream's start event and the log carry (the pass-through keeps the upstream's).
  if (!headers.has("x-request-id")) headers.set("X-Request-Id", requestId);
  if (cookie) headers.append("Set-Cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function route<const S extends RouteSpec>(spec: S, handler: (input: RouteInput<S>) => Promise<Response>): RouteHandler {
  const accepts = spec.accepts ?? (spec.body ? "json" : "none");
  return async (request, context) => {
    const requestId = randomUUID();
    let owner: Owner | undefined;
    let response: Response;
    try {
      checkHost(request);
      if (CHANGES.has(request.method)) checkSameSite(request);
      const client = requestClient(request.headers);
      const rawParams = await context.params;
      await checkAccess(spec.access ?? "password", request, rawParams, client);
      checkContentType(request, accepts);
      if (spec.limit) await enforceRateLimit(spec.limit, client);
      const params = parse(spec.params, rawParams, spec.badParams ?? badRequest);
      const query = parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), badRequest);
      const body = spec.body ? await readJson(request, spec.body, { maxBytes: spec.maxBodyBytes }) : undefined;
      if (spec.owner) owner = await requestOwner(request);
      response = await handler({ request, params, query, body, owner, client, requestId } as RouteInput<S>);
    } catch (error) {
      response = errorResponse(error, requestId);
      // A refused upload or oversized body is left unread: close the connection rather than drain it.
      if (accepts === "upload" || accepts === "zip" || response.status === 413) response.headers.set("Connection", "close");
    }
    return finish(response, owner?.isNew ? ownerCookie(owner, request) : null, requestId);
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Marks the handlers `methods` adds (405s and OPTIONS), so tests can tell them from a route's own. */
export const GENERATED_HANDLER = Symbol.for("nim-playground.generated-handler");

type Handlers = Partial<Record<Method | "HEAD", RouteHandler>>;

/**
 * A route file's exports: its handlers, a JSON 405 naming the allowed methods for every other one
 * (Next's own 405 is empty), and OPTIONS listing them. HEAD follows GET unless given.
 */
export function methods<H extends Handlers>(handlers: H): Record<Method | "OPTIONS", RouteHandler> & Pick<H, "HEAD" & keyof H> {
  const given: Handlers = handlers;
  const allowed = [...METHODS.filter((method) => given[method]), ...(given.GET || given.HEAD ? ["HEAD"] : []), "OPTIONS"];
  const allow = { Allow: allowed.join(", ") };
  const refuse: RouteHandler = async (request) => {
    const error = new PlaygroundError(
      "method_not_allowed",
      `${request.method} is not allowed here; this route takes ${allowed.join(", ")}.`,
      undefined,
      allow,
    );
    const requestId = randomUUID();
    return finish(errorResponse(error, requestId), null, requestId);
  };
  const options: RouteHandler = async () => new Response(null, { status: 204, headers: { ...allow, ...NO_STORE } });
  const generated = { [GENERATED_HANDLER]: true };
  const out: Partial<Record<Method | "HEAD" | "OPTIONS", RouteHandler>> = { OPTIONS: Object.assign(options, generated) };
  if (given.HEAD) out.HEAD = given.HEAD;
  for (const method of METHODS) out[method] = given[method] ?? Object.assign(refuse, generated);
  return out as Record<Method | "OPTIONS", RouteHandler> & Pick<H, "HEAD" & keyof H>;
}
