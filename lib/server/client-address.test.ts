import { afterEach, describe, expect, it } from "vitest";

import { addressKey, parseTrustProxy, PEER_HEADER, plainAddress, requestClient, STAMPING_FLAG } from "@/lib/server/client-address";
import { STAMPING_FLAG as DOOR_FLAG, PEER_HEADER as DOOR_PEER } from "@/scripts/front-door.mjs";

const flags = globalThis as Record<symbol, unknown>;
const stamping = (on: boolean) => void (on ? (flags[STAMPING_FLAG] = true) : delete flags[STAMPING_FLAG]);
const client = (headers: Record<string, string>, trust?: string) =>
  requestClient(new Headers(headers), trust === undefined ? {} : { PLAYGROUND_TRUST_PROXY: trust });

afterEach(() => stamping(false));

describe("the front door and the route code", () => {
  it("name the same header and flag", () => {
    expect([DOOR_PEER, DOOR_FLAG]).toEqual([PEER_HEADER, STAMPING_FLAG]);
  });
});

describe("parseTrustProxy", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["false", 0],
    ["no", 0],
    ["1", 1],
    ["true", 1],
    ["TRUE", 1],
    ["yes", 1],
    ["2", 2],
    [" 3 ", 3],
    ["10", 10],
  ])("%j → %d proxies", (raw, hops) => expect(parseTrustProxy(raw)).toBe(hops));

  it.each(["11", "-1", "1.5", "maybe", "10.0.0.0/8"])("refuses %j naming the variable", (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(/^PLAYGROUND_TRUST_PROXY must be true, false or how many proxies/);
  });
});

describe("requestClient", () => {
  it("is the peer the server stamped, whatever the client wrote", () => {
    stamping(true);
    expect(client({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" })).toEqual({
      address: "203.0.113.9",
      key: "ip:203.0.113.9",
    });
  });

  it("believes no peer header unless the server stamps them, and then knows nobody", () => {
    expect(client({ [PEER_HEADER]: "203.0.113.9" })).toEqual({ address: null, key: "unknown" });
  });

  it("behind N trusted proxies, is the N-th entry from the right of X-Forwarded-For and the peer", () => {
    stamping(true);
    const headers = { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.1" };
    expect(client(headers, "1").address).toBe("10.0.0.1");
    expect(client(headers, "2").address).toBe("198.51.100.7");
    // More proxies trusted than entries: the left-most there is.
    expect(client(headers, "9").address).toBe("6.6.6.6");
    expect(client({ [PEER_HEADER]: "10.0.0.2" }, "1").address).toBe("10.0.0.2");
  });

  it("without a stamp but behind a trusted proxy, is the entry the nearest proxy wrote", () => {
    expect(client({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }, "1").address).toBe("198.51.100.7");
  });

  it("reads ports, brackets and IPv4-mapped IPv6, and keys IPv6 by its /64", () => {
    stamping(true);
    expect(client({ [PEER_HEADER]: "::ffff:192.0.2.4" }).key).toBe("ip:192.0.2.4");
    expect(client({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "[2001:db8:1:2:3:4:5:6]:443" }, "1")).toEqual({
      address: "2001:db8:1:2:3:4:5:6",
      key: "ip6:2001:db8:1:2::/64",
    });
    expect(client({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "not-an-address" }, "1")).toEqual({ address: null, key: "unknown" });
  });
});

describe("addressKey and plainAddress", () => {
  it("groups an IPv6 subscriber's /64 however the address is written", () => {
    expect(addressKey("2001:db8::1")).toBe("ip6:2001:db8:0:0::/64");
    expect(addressKey("2001:0db8:0000:0000:ffff::1")).toBe(addressKey("2001:db8::2"));
    expect(addressKey("2001:db8:0:1::1")).not.toBe(addressKey("2001:db8::1"));
    expect(addressKey("::1")).toBe("ip6:0:0:0:0::/64");
  });

  it.each([
    ["192.0.2.1:8080", "192.0.2.1"],
    ["[::1]", "::1"],
    ["[2001:DB8::1]:80", "2001:db8::1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["unknown", null],
    ["", null],
  ])("%j → %j", (raw, address) => expect(plainAddress(raw)).toBe(address));
});
