import "server-only";

import {
  SESSION_MAX_BYTES,
  sessionIdSchema,
  snapshotMediaIds,
  type SavedConversation,
  type SnapshotData,
} from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";
import { conversationNotFound } from "@/lib/server/db/conversations";
import type { Snapshot } from "@/lib/server/db/snapshots";
import { playgroundStore } from "@/lib/server/db/store";

// What the session routes do, between the validated request and the repositories: shares
// (public, immutable, removable with their token) and saved conversations (private to an owner).

/** Room for the title and the JSON around the data in a request body. */
export const SESSION_BODY_MAX_BYTES = SESSION_MAX_BYTES + 64 * 1024;

export interface CreatedShare {
  id: string;
  url: string;
  deleteToken: string;
}

const shareUrl = (id: string) => `/s/${id}`;

const shareNotFound = () => new PlaygroundError("not_found", "There is no shared session at this link; check that it was copied whole.");

export async function shareSession(input: { title: string; data: SnapshotData }): Promise<CreatedShare> {
  const { snapshots } = await playgroundStore();
  const { snapshot, deleteToken } = await snapshots.create({ ...input, mediaIds: snapshotMediaIds(input.data) });
  return { id: snapshot.id, url: shareUrl(snapshot.id), deleteToken };
}

export async function readShare(id: string): Promise<Snapshot> {
  if (!sessionIdSchema.safeParse(id).success) throw shareNotFound();
  const found = await (await playgroundStore()).snapshots.get(id);
  if (found.status === "removed") throw new PlaygroundError("gone", "This shared session was removed by its owner.");
  if (found.status === "missing") throw shareNotFound();
  return found.snapshot;
}

export async function removeShare(id: string, deleteToken: string | null): Promise<void> {
  if (!sessionIdSchema.safeParse(id).success) throw shareNotFound();
  if (!deleteToken) {
    throw new PlaygroundError("forbidden", "Removing a shared session needs the delete token it was created with (header X-Delete-Token).");
  }
  const result = await (await playgroundStore()).snapshots.revoke(id, deleteToken);
  if (result === "missing") throw shareNotFound();
  if (result === "wrong_token") throw new PlaygroundError("forbidden", "That delete token does not belong to this shared session.");
}

/** Ids that cannot exist are answered like unknown ones, without a query. */
export async function ownConversation(ownerId: string, id: string): Promise<SavedConversation> {
  const found = sessionIdSchema.safeParse(id).success ? await (await playgroundStore()).conversations.get(ownerId, id) : null;
  if (!found) throw conversationNotFound();
  return found;
}
