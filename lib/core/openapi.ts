import { z } from "zod";

// An OpenAPI 3.1 description built from the same zod schemas the routes validate with, so the
// document cannot drift from what the server accepts.

export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. /api/media/{id}. */
  path: string;
  summary: string;
  body?: z.ZodType;
  /** A request body that is not JSON (e.g. an upload), by media type. */
  rawBody?: Record<string, { schema: Record<string, unknown> }>;
  query?: z.ZodObject;
  /** Status → what it answers. */
  responses: Record<number, string>;
  /** text/event-stream and other non-JSON answers, by media type. */
  produces?: string;
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string", description: "A sentence a person can act on." } },
    },
  },
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });

function parametersOf(op: ApiOperation): Record<string, unknown>[] {
  const params: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
    params.push({
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(field as z.ZodType),
    });
  }
  return params;
}

function operationOf(op: ApiOperation): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(op.responses)) {
    const code = Number(status);
    responses[status] =
      code >= 400
        ? { description, content: { "application/json": { schema: ERROR_SCHEMA } } }
        : { description, ...(op.produces && code < 300 ? { content: { [op.produces]: {} } } : {}) };
  }
  const body = op.body
    ? { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } }
    : op.rawBody
      ? { required: true, content: op.rawBody }
      : undefined;
  const parameters = parametersOf(op);
  return { summary: op.summary, ...(parameters.length ? { parameters } : {}), ...(body ? { requestBody: body } : {}), responses };
}

export function openApiDocument(info: { title: string; version: string; description: string }, operations: readonly ApiOperation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationOf(op);
  return { openapi: "3.1.0", info, paths };
}
