import { describe, expect, it } from "vitest";

import {
  accessConfig,
  accessRule,
  accessTokenNonce,
  accessTokenValid,
  basicAuthPassword,
  classifyPath,
  issueAccessToken,
  loginRedirectPath,
  safeNextPath,
  secretsEqual,
  unauthorizedError,
  type AccessConfig,
} from "@/lib/server/access";
import { errorResponse } from "@/lib/server/http";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const locked: AccessConfig = { password: "open-sesame", publicShares: true };
const decide = (method: string, pathname: string, config = locked) => accessRule(method, pathname, config);

describe("accessConfig", () => {
  it("is open without a password and keeps shares public unless told otherwise", () => {
    expect(accessConfig({})).toEqual({ password: null, publicShares: true });
    expect(accessConfig({ PLAYGROUND_PASSWORD: "" }).password).toBeNull();
    expect(accessConfig({ PLAYGROUND_PASSWORD: "pw", PLAYGROUND_PUBLIC_SHARES: "false" })).toEqual({ password: "pw", publicShares: false });
    expect(accessConfig({ PLAYGROUND_PASSWORD: "pw", PLAYGROUND_PUBLIC_SHARES: "true" }).publicShares).toBe(true);
  });
});

describe("classifyPath", () => {
  it.each([
    ["GET", "/_next/static/chunks/main.js", "static"],
    ["GET", "/ffmpeg/ffmpeg-core.wasm", "static"],
    ["GET", "/samples/cup.jpg", "static"],
    ["GET", "/icon.svg", "static"],
    ["GET", "/favicon.ico", "static"],
    ["GET", "/api/health", "open"],
    ["POST", "/api/health", "api"],
    ["GET", "/login", "login"],
    ["POST", "/api/login", "login"],
    ["POST", "/api/logout", "login"],
    ["GET", "/s/abc123", "share-page"],
    ["HEAD", "/s/abc123", "share-page"],
    ["POST", "/s/abc123", "page"],
    ["GET", "/s/abc/extra", "page"],
    ["GET", "/api/sessions/abc123", "share-api"],
    ["DELETE", "/api/sessions/abc123", "api"],
    ["POST", "/api/sessions", "api"],
    ["GET", "/api/media/m_1", "share-media"],
    ["POST", "/api/media", "api"],
    ["GET", "/api/backends", "api"],
    ["GET", "/api", "api"],
    ["GET", "/", "page"],
    ["GET", "/generate", "page"],
    ["GET", "/apix", "page"],
  ])("%s %s is %s", (method, pathname, kind) => {
    expect(classifyPath(method, pathname)).toBe(kind);
  });
});

describe("accessRule", () => {
  it("opens everything when no password is set", () => {
    expect(decide("GET", "/api/backends", { password: null, publicShares: true })).toBe("open");
    expect(decide("GET", "/", { password: null, publicShares: false })).toBe("open");
  });

  it("asks for the password on pages and API routes", () => {
    for (const [method, path] of [
      ["GET", "/"],
      ["GET", "/compare"],
      ["GET", "/api/backends"],
      ["POST", "/api/sessions"],
      ["DELETE", "/api/sessions/abc"],
    ]) {
      expect(decide(method!, path!), `${method} ${path}`).toBe("password");
    }
  });

  it("keeps health, login and static files open", () => {
    for (const path of ["/api/health", "/login", "/_next/static/x.js", "/icon.svg"]) expect(decide("GET", path)).toBe("open");
    expect(decide("POST", "/api/login")).toBe("open");
  });

  it("opens shares, and media only after the pin check, unless shares are private", () => {
    expect(decide("GET", "/s/abc")).toBe("open");
    expect(decide("GET", "/api/sessions/abc")).toBe("open");
    expect(decide("GET", "/api/media/m_1")).toBe("shared-media");
    const closed = { ...locked, publicShares: false };
    expect(decide("GET", "/s/abc", closed)).toBe("password");
    expect(decide("GET", "/api/sessions/abc", closed)).toBe("password");
    expect(decide("GET", "/api/media/m_1", closed)).toBe("password");
  });
});

describe("basicAuthPassword", () => {
  it("reads the password after the first colon", () => {
    expect(basicAuthPassword(basic("me", "pa:ss"))).toBe("pa:ss");
    expect(basicAuthPassword(`basic ${Buffer.from(":x").toString("base64")}`)).toBe("x");
  });

  it.each([null, "", "Basic", "Basic ", "Bearer abc", "Basic !!!", `Basic ${Buffer.from("nocolon").toString("base64")}`, "Basic a b"])(
    "refuses %j",
    (header) => expect(basicAuthPassword(header)).toBeNull(),
  );
});

describe("access cookie", () => {
  it("holds a random value signed with the password", () => {
    const token = issueAccessToken("pw");
    expect(accessTokenNonce(token, "pw")).toBe(token.split(".")[0]);
    expect(accessTokenNonce(token, "other")).toBeNull();
    expect(token).not.toBe(issueAccessToken("pw"));
    expect(accessTokenValid(token, "pw")).toBe(true);
    expect(accessTokenValid(token, "other")).toBe(false);
    const [nonce, signature] = token.split(".");
    expect(accessTokenValid(`${nonce}x.${signature}`, "pw")).toBe(false);
    expect(accessTokenValid(`${token}.more`, "pw")).toBe(false);
    for (const bad of [null, "", ".", "abc", `.${signature}`]) expect(accessTokenValid(bad, "pw")).toBe(false);
  });
});

describe("secretsEqual", () => {
  it("compares any lengths without throwing", () => {
    expect(secretsEqual("open-sesame", "open-sesame")).toBe(true);
    expect(secretsEqual("open", "open-sesame")).toBe(false);
    expect(secretsEqual("", "x")).toBe(false);
    expect(secretsEqual("é", "é")).toBe(true);
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/generate", "/generate"],
    ["/s/abc?x=1#t", "/s/abc?x=1#t"],
    [null, "/"],
    ["", "/"],
    ["generate", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
    ["/a\nb", "/"],
    ["/login?next=/x", "/"],
    ["/api/backends", "/"],
    ["/../..//evil.example", "/"],
    ["/./\\evil.example", "/"],
  ])("%j → %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it("builds the login redirect with the sanitised path", () => {
    expect(loginRedirectPath("/compare", "?a=1")).toBe(`/login?next=${encodeURIComponent("/compare?a=1")}`);
  });
});

describe("unauthorizedError", () => {
  it("is 401 JSON with a Basic challenge", async () => {
    const response = errorResponse(unauthorizedError());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Basic realm="NIM Playground"');
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "This playground is protected: log in at /login or send the password with HTTP Basic auth." },
    });
  });
});
