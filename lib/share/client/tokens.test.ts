import { describe, expect, it } from "vitest";

import { forgetSharedLink, readSharedLinks, rememberSharedLink, SHARE_TOKENS_KEY, type SharedLink } from "@/lib/share/client/tokens";

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value) };
}

const link = (id: string, createdAt: string): SharedLink => ({
  id,
  title: `Title ${id}`,
  createdAt,
  deleteToken: `token-${id}`,
  conversationId: null,
});

describe("shared link tokens", () => {
  it("remembers links by id, newest first, and forgets them", () => {
    const store = memoryStore();
    rememberSharedLink(store, link("a", "2025-01-01T00:00:00.000Z"));
    rememberSharedLink(store, link("b", "2025-02-01T00:00:00.000Z"));
    expect(readSharedLinks(store).map((l) => l.id)).toEqual(["b", "a"]);
    expect(JSON.parse(store.getItem(SHARE_TOKENS_KEY)!)).toHaveProperty("a.deleteToken", "token-a");
    forgetSharedLink(store, "b");
    expect(readSharedLinks(store).map((l) => l.id)).toEqual(["a"]);
  });

  it("survives what another version or a person left in storage", () => {
    expect(readSharedLinks(memoryStore({ [SHARE_TOKENS_KEY]: "not json" }))).toEqual([]);
    expect(readSharedLinks(memoryStore({ [SHARE_TOKENS_KEY]: JSON.stringify({ x: { id: "y", deleteToken: 1 } }) }))).toEqual([]);
  });
});
