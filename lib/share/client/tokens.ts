// The delete tokens of the links this browser created, kept in localStorage by snapshot id: the
// server stores only their hash, so losing one means the link can no longer be revoked from here.

export interface SharedLink {
  id: string;
  title: string;
  createdAt: string;
  deleteToken: string;
  /** The saved conversation it was made from, when there was one. */
  conversationId: string | null;
}

export const SHARE_TOKENS_KEY = "nim-playground.shared-links.v1";
const CHANGE_EVENT = "nim-playground:shared-links";

type Store = Pick<Storage, "getItem" | "setItem">;

function isLink(value: unknown): value is SharedLink {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === "string" && typeof v.deleteToken === "string" && typeof v.title === "string" && typeof v.createdAt === "string";
}

function readMap(store: Store): Record<string, SharedLink> {
  try {
    const parsed = JSON.parse(store.getItem(SHARE_TOKENS_KEY) ?? "{}") as unknown;
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, SharedLink] => isLink(entry[1]) && entry[0] === entry[1].id),
    );
  } catch {
    return {};
  }
}

/** Newest first. */
export function readSharedLinks(store: Store): SharedLink[] {
  return Object.values(readMap(store)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function rememberSharedLink(store: Store, link: SharedLink): void {
  store.setItem(SHARE_TOKENS_KEY, JSON.stringify({ ...readMap(store), [link.id]: link }));
  announce();
}

export function forgetSharedLink(store: Store, id: string): void {
  const rest = { ...readMap(store) };
  delete rest[id];
  store.setItem(SHARE_TOKENS_KEY, JSON.stringify(rest));
  announce();
}

function announce() {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** For useSyncExternalStore: changes from this tab and, through `storage`, from other tabs. */
export function subscribeSharedLinks(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SHARE_TOKENS_KEY) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}
