import { describe, expect, it } from "vitest";

import { PlaygroundError } from "@/lib/core/errors";
import type { Env } from "@/lib/server/client-address";
import { checkSameSite, hostAllowed, hostName, parseAllowedHosts, requestOrigin } from "@/lib/server/request-origin";

const URL_ = "http://127.0.0.1:3000/api/x";
const allowed = (headers: Record<string, string>, env: Env = {}) => hostAllowed(new Headers(headers), URL_, env);

describe("hostName and parseAllowedHosts", () => {
  it.each([
    ["Example.COM:3000", "example.com"],
    ["example.com.", "example.com"],
    ["[::1]:3000", "[::1]"],
    ["[2001:db8::1]", "[2001:db8::1]"],
    ["10.0.0.5", "10.0.0.5"],
  ])("%j is %j", (host, name) => expect(hostName(host)).toBe(name));

  it("reads names and .domains, and refuses anything else naming the variable", () => {
    expect(parseAllowedHosts(" playground.example.com, .lab.example.com ,HOST:8080")).toEqual([
      "playground.example.com",
      ".lab.example.com",
      "host",
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    for (const bad of ["https://x.example", "x.example/path", "*", "a b"])
      expect(() => parseAllowedHosts(bad)).toThrow(/^PLAYGROUND_ALLOWED_HOSTS is a comma-separated list/);
  });
});

describe("hostAllowed", () => {
  it("answers localhost, IP addresses and the listen name, no other name by default", () => {
    for (const host of ["localhost:3000", "LOCALHOST", "127.0.0.1:3000", "[::1]:3000", "192.168.1.20:3000", "[fd00::5]"])
      expect(allowed({ host }), host).toBe(true);
    for (const host of ["evil.example", "rebound.evil.example:3000", "127.0.0.1.nip.io", "[not-an-ip]"])
      expect(allowed({ host }), host).toBe(false);
    expect(allowed({ host: "playground.lan:3000" })).toBe(false);
    expect(allowed({ host: "playground.lan:3000" }, { HOST: "playground.lan" })).toBe(true);
  });

  it("answers the names in PLAYGROUND_ALLOWED_HOSTS, a leading dot taking the domain and all under it", () => {
    const env = { PLAYGROUND_ALLOWED_HOSTS: "playground.example.com,.lab.example.com" };
    for (const host of ["playground.example.com", "lab.example.com", "gpu1.lab.example.com:8443"])
      expect(allowed({ host }, env), host).toBe(true);
    for (const host of ["example.com", "evillab.example.com", "playground.example.com.evil.example"])
      expect(allowed({ host }, env), host).toBe(false);
  });

  it("reads X-Forwarded-Host only behind a trusted proxy", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" };
    expect(allowed(headers)).toBe(true);
    expect(allowed(headers, { PLAYGROUND_TRUST_PROXY: "1" })).toBe(false);
    expect(allowed(headers, { PLAYGROUND_TRUST_PROXY: "1", PLAYGROUND_ALLOWED_HOSTS: "evil.example" })).toBe(true);
  });
});

describe("requestOrigin", () => {
  it("is the Host over http unless a trusted proxy says otherwise", () => {
    const headers = new Headers({ host: "playground.lan:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(requestOrigin(headers, URL_, {}).href).toBe("http://playground.lan:3000/");
    expect(requestOrigin(headers, URL_, { PLAYGROUND_TRUST_PROXY: "true" }).href).toBe("https://evil.example/");
  });
});

describe("checkSameSite", () => {
  const check = (headers: Record<string, string>, env: Env = {}) => {
    try {
      checkSameSite(new Request(URL_, { method: "POST", headers }), env);
      return "ok";
    } catch (error) {
      return (error as PlaygroundError).code;
    }
  };

  it("lets scripts (no Origin) and the playground's own pages through", () => {
    expect(check({})).toBe("ok");
    expect(check({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" })).toBe("ok");
    expect(check({ host: "playground.example.com", origin: "https://playground.example.com" })).toBe("ok");
    expect(check({ "sec-fetch-site": "none" })).toBe("ok");
  });

  it("refuses another site's page, by Sec-Fetch-Site or by Origin", () => {
    expect(check({ "sec-fetch-site": "cross-site" })).toBe("cross_site");
    expect(check({ host: "127.0.0.1:3000", origin: "https://evil.example" })).toBe("cross_site");
    expect(check({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" })).toBe("cross_site");
    expect(check({ host: "127.0.0.1:3000", origin: "null" })).toBe("cross_site");
    expect(check({ host: "app.example.com", origin: "https://evil.example.com" })).toBe("cross_site");
  });

  it("compares with the host a trusted proxy was asked for", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "playground.example.com", origin: "https://playground.example.com" };
    expect(check(headers)).toBe("cross_site");
    expect(check(headers, { PLAYGROUND_TRUST_PROXY: "1" })).toBe("ok");
  });
});
