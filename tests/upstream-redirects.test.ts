import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getBackend } from "@/lib/backends/server/backends";
import { checkBackend } from "@/lib/backends/server/status";
import { upstreamFetch } from "@/lib/backends/server/upstream-fetch";

import { useConfig } from "./support/config";
import { sseBody, startScriptedUpstream, type ScriptedUpstream } from "./support/scripted-upstream";
import { chatTurn } from "./support/upstream-calls";

// A model server that redirects: within itself the request follows; to another host it stops
// there, with a sentence, and the other host never sees the request or the key.

const KEY = "nvapi-redirect-test-key";
let home: ScriptedUpstream;
let elsewhere: ScriptedUpstream;

beforeAll(async () => {
  [home, elsewhere] = await Promise.all([startScriptedUpstream(), startScriptedUpstream()]);
  process.env.REDIRECT_TEST_KEY = KEY;
  elsewhere.handle((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end('{"data":[{"id":"stolen"}]}'));
  home.handle((req, res) => {
    if (req.url?.startsWith("/away/")) return void res.writeHead(307, { location: `${elsewhere.url}${req.url.slice(5)}` }).end();
    if (req.url === "/here/v1/health/ready") return void res.writeHead(302, { location: "/ready-now" }).end();
    if (req.url === "/ready-now") return void res.writeHead(200).end();
    if (req.url === "/here/v1/chat/completions") return void res.writeHead(308, { location: "/real/v1/chat/completions" }).end();
    if (req.url === "/real/v1/chat/completions") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      return void res.end(sseBody([{ content: "On the left." }]));
    }
    res.writeHead(404).end();
  });
  useConfig({
    backends: [
      { id: "away", label: "Redirects away", kind: "chat", baseUrl: `${home.url}/away/v1`, model: "m", apiKeyEnv: "REDIRECT_TEST_KEY" },
      { id: "here", label: "Redirects within", kind: "chat", baseUrl: `${home.url}/here/v1`, model: "m", apiKeyEnv: "REDIRECT_TEST_KEY" },
    ],
  });
});
afterAll(async () => {
  await Promise.all([home.close(), elsewhere.close()]);
});

const REFUSAL =
  /^The model server at http:\/\/127\.0\.0\.1:\d+ redirected to another host \(http:\/\/127\.0\.0\.1:\d+\); the playground follows redirects only within the same server/;

describe("redirects from a model server", () => {
  it("stops at a redirect to another host, in a status check and in a chat, and the other host sees nothing", async () => {
    const status = await checkBackend(await getBackend("away"));
    expect(status).toMatchObject({ status: "error", statusMessage: expect.stringMatching(REFUSAL) });
    const events = await chatTurn("away");
    expect(events.at(-1)).toMatchObject({ type: "error", message: expect.stringMatching(REFUSAL) });
    expect(elsewhere.requests).toEqual([]);
  });

  it("follows redirects within the same server, the method and body kept for 307/308", async () => {
    expect(await checkBackend(await getBackend("here"))).toMatchObject({ status: "ready" });
    const events = await chatTurn("here");
    expect(events.find((event) => event.type === "done")).toMatchObject({ answer: "On the left." });
    const followed = home.requests.find((request) => request.url === "/real/v1/chat/completions")!;
    expect(followed.method).toBe("POST");
    expect(JSON.parse(followed.body)).toMatchObject({ model: "m", stream: true });
  });

  it("gives the caller the redirect itself when it asks for manual redirects", async () => {
    const response = await upstreamFetch(`${home.url}/away/v1/models`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(elsewhere.requests).toEqual([]);
  });
});
