import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/openapi.json/route";

import { discoverApiRoutes } from "./support/api-routes";

// GET /api/openapi.json describes every route the app has, with the schemas the routes validate with.

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> };
        responses: Record<string, unknown>;
      }
    >
  >;
}

const documentOf = async () =>
  (await (await GET(new Request("http://127.0.0.1/api/openapi.json"), { params: Promise.resolve({}) })).json()) as Document;
const asOpenApiPath = (pattern: string) => pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document", async () => {
    expect((await documentOf()).openapi).toBe("3.1.0");
  });

  it("describes every route handler, and only those", async () => {
    const document = await documentOf();
    const described = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = (await discoverApiRoutes())
      .filter((route) => route.method !== "HEAD" && route.method !== "OPTIONS" && !route.pattern.includes("[[...")) // the catch-all 404
      .filter((route) => !route.pattern.includes("/v1/") || route.method === "POST")
      .map((route) => `${route.method} ${asOpenApiPath(route.pattern)}`);
    expect(described.sort()).toEqual([...new Set(routes)].sort());
  });

  it("carries the chat request schema the route validates with", async () => {
    const chat = (await documentOf()).paths["/api/chat"]?.post;
    const schema = chat?.requestBody?.content["application/json"]?.schema;
    expect(schema?.required).toEqual(expect.arrayContaining(["backend", "messages"]));
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(["params", "media", "reasoning"]));
    expect(chat?.responses["400"]).toBeDefined();
  });

  it("names every event type the chat stream carries, tool calls and notices included", async () => {
    const chat = (await documentOf()).paths["/api/chat"]?.post;
    const description = (chat?.responses["200"] as { description: string }).description;
    for (const type of ["start", "notice", "reasoning", "answer", "tool_call", "usage", "done", "error"]) {
      expect(description).toMatch(new RegExp(`\\b${type}\\b`));
    }
  });
});
