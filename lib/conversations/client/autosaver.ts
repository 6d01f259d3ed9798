import type { SavedSessionData } from "@/lib/conversations/data";
import { resolveConflict } from "@/lib/conversations/merge";
import type { SavedConversation } from "@/lib/conversations/schema";
import { PlaygroundError } from "@/lib/core/errors";

// Saves the open conversation: debounced after edits, at once when asked (a reply started or
// finished), one request at a time, retried while the server is away, and reconciled when another
// tab saved first (see resolveConflict). Plain TypeScript so the tricky paths have unit tests.

export type SaveStatus = "idle" | "saving" | "saved" | "retrying" | "failed";

export interface SessionDraft {
  title: string;
  backendId: string | null;
  data: SavedSessionData;
  /** A reply is streaming: pulling another copy now would cut it off. */
  busy: boolean;
}

export interface AutosaverApi {
  create(body: { title: string; backendId: string | null; data: SavedSessionData }): Promise<SavedConversation>;
  save(
    id: string,
    body: { revision: number; backendId: string | null; data: SavedSessionData },
    keepalive?: boolean,
  ): Promise<SavedConversation>;
  get(id: string): Promise<SavedConversation>;
}

export interface AutosaverEvents {
  status(status: SaveStatus, message?: string): void;
  /** The first save created the conversation; the page should now carry its id. */
  created(id: string): void;
  /** Our copy was saved as a new conversation, because the old one changed elsewhere or is gone. */
  forked(id: string, message: string): void;
  /** Another tab went further; the page should reload the saved copy. */
  pull(message: string): void;
  notice(message: string): void;
  saved(): void;
}

export interface AutosaverOptions {
  debounceMs?: number;
  retryMs?: readonly number[];
  keepaliveMaxBytes?: number;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

const errorMessage = (error: unknown) => (error instanceof Error && error.message ? error.message : "The chat could not be saved.");

export class Autosaver {
  private id: string | null = null;
  private revision = 0;
  private savedJson: string | null = null;
  private baseTurns: SavedSessionData["turns"] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private disposed = false;
  /** What the page was last told, so a scheduled save can take back "Saved" until it is done. */
  private shown: SaveStatus = "idle";

  constructor(
    private readonly api: AutosaverApi,
    private readonly events: AutosaverEvents,
    private draft: () => SessionDraft,
    private readonly options: AutosaverOptions = {},
  ) {}

  /** Starts from a loaded conversation (or none): what the page shows now counts as saved. */
  prime(loaded: { id: string; revision: number } | null): void {
    const current = this.draft();
    this.id = loaded?.id ?? null;
    this.revision = loaded?.revision ?? 0;
    this.savedJson = loaded ? JSON.stringify(current.data) : null;
    this.baseTurns = loaded ? current.data.turns : [];
    this.shown = loaded ? "saved" : "idle";
  }

  get conversationId(): string | null {
    return this.id;
  }

  /** True when the page holds something the server does not have yet. */
  get dirty(): boolean {
    const { data } = this.draft();
    return (this.id !== null || data.turns.length > 0) && JSON.stringify(data) !== this.savedJson;
  }

  schedule(): void {
    if (this.disposed) return;
    // A change waiting for its save is not saved yet: "Saved" would be a claim a reload could break.
    if (this.id !== null && this.shown === "saved") this.show("saving");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? 800);
  }

  /** Saves now (or right after the save in flight); resolves when nothing is left to save. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    if (this.again && !this.disposed) {
      this.again = false;
      await this.flush();
    }
  }

  /** The page is going away: a last save that outlives it, when it fits in a keepalive request. */
  flushOnExit(): void {
    clearTimeout(this.timer);
    if (this.id === null || !this.dirty || this.inFlight) return;
    const { backendId, data } = this.draft();
    const body = { revision: this.revision, backendId, data };
    const keepalive = JSON.stringify(body).length <= (this.options.keepaliveMaxBytes ?? 60 * 1024);
    void this.api.save(this.id, body, keepalive).then(
      () => undefined,
      () => undefined, // The page is gone; the next visit shows what was saved before.
    );
  }

  /**
   * Lets go of the page, which goes on as a new chat: what it shows now is this conversation's
   * last save (retried if need be), and nothing the page does later reaches it.
   */
  finish(): Promise<void> {
    const last = { ...this.draft(), busy: false };
    this.draft = () => last;
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private async saveOnce(): Promise<void> {
    const draft = this.draft();
    const json = JSON.stringify(draft.data);
    if (this.id === null && draft.data.turns.length === 0) return;
    if (json === this.savedJson) {
      if (this.shown === "saving") this.show("saved");
      return;
    }
    this.show("saving");
    try {
      if (this.id === null) {
        const created = await this.api.create({ title: draft.title, backendId: draft.backendId, data: draft.data });
        this.accept(created.id, created.revision, json, draft);
        this.events.created(created.id);
      } else {
        const saved = await this.api.save(this.id, { revision: this.revision, backendId: draft.backendId, data: draft.data });
        this.accept(saved.id, saved.revision, json, draft);
      }
      this.failures = 0;
      this.show("saved");
      this.events.saved();
    } catch (error) {
      await this.recover(error, draft).catch((second: unknown) => this.retryLater(second));
    }
  }

  private show(status: SaveStatus, message?: string): void {
    this.shown = status;
    if (message === undefined) this.events.status(status);
    else this.events.status(status, message);
  }

  private accept(id: string, revision: number, json: string, draft: SessionDraft) {
    this.id = id;
    this.revision = revision;
    this.savedJson = json;
    this.baseTurns = draft.data.turns;
  }

  private async recover(error: unknown, draft: SessionDraft): Promise<void> {
    const code = error instanceof PlaygroundError ? error.code : null;
    if (code === "conflict" && this.id !== null) return this.reconcile(this.id, draft);
    if (code === "not_found" && this.id !== null) {
      return this.fork(draft, "This chat was deleted elsewhere, so it was saved again as a new chat.");
    }
    const status = error instanceof PlaygroundError ? error.status : 0;
    // Refusals (a 4xx) would repeat until the content changes; a server that is away is retried.
    if (status >= 400 && status < 500) {
      this.show("failed", errorMessage(error));
      return;
    }
    this.retryLater(error);
  }

  private retryLater(error: unknown): void {
    const message = errorMessage(error);
    const delays = this.options.retryMs ?? RETRY_MS;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 30_000;
    this.failures += 1;
    this.show("retrying", message);
    if (!this.disposed) this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async reconcile(id: string, draft: SessionDraft): Promise<void> {
    const remote = await this.api.get(id);
    const remoteTurns = Array.isArray((remote.data as { turns?: unknown }).turns) ? ((remote.data as SavedSessionData).turns ?? []) : [];
    const decision = resolveConflict(this.baseTurns, draft.data.turns, remoteTurns, draft.busy);
    if (decision.action === "push") {
      this.revision = remote.revision;
      this.baseTurns = remoteTurns;
      if (decision.notify) this.events.notice("This chat was also changed in another tab; your version was saved on top.");
      this.again = true;
      return;
    }
    if (decision.action === "pull") {
      this.dispose();
      this.events.pull("This chat was continued in another tab, so the latest version is shown.");
      return;
    }
    return this.fork(draft, "This chat was changed in another tab. Your version was saved as a new chat.");
  }

  private async fork(draft: SessionDraft, message: string): Promise<void> {
    const title = draft.title.endsWith("(copy)") ? draft.title : `${draft.title} (copy)`;
    const created = await this.api.create({ title, backendId: draft.backendId, data: draft.data });
    this.accept(created.id, created.revision, JSON.stringify(draft.data), draft);
    this.show("saved");
    this.events.forked(created.id, message);
    this.events.saved();
  }
}
