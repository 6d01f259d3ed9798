// Cuts secrets (the configured backend keys) out of text, whole or as it streams. The streaming form
// holds back only a tail that could still begin a secret, so a secret split across chunks is caught
// while everything else flows on at once.

export const REDACTED_KEY = "[key removed]";

export class SecretRedactor {
  private readonly secrets: string[];
  private readonly longest: number;
  private held = "";

  constructor(secrets: Iterable<string>) {
    // Longest first, so that of two secrets starting at one place the longer one is cut.
    this.secrets = [...new Set([...secrets].filter((secret) => secret.length > 0))].sort((a, b) => b.length - a.length);
    this.longest = this.secrets[0]?.length ?? 0;
  }

  get empty(): boolean {
    return this.secrets.length === 0;
  }

  /** The whole text with every secret replaced. */
  redact(text: string): string {
    if (this.empty) return text;
    const { out, rest } = this.cut(text);
    return out + rest;
  }

  /** The next piece of a stream: what is safe to pass on now (possibly ""). */
  push(chunk: string): string {
    if (this.empty) return chunk;
    const { out, rest } = this.cut(this.held + chunk, true);
    const keep = this.partialTail(rest);
    this.held = rest.slice(rest.length - keep);
    return out + rest.slice(0, rest.length - keep);
  }

  /** The end of a stream: what was held back, which could not become a secret any more. */
  flush(): string {
    const held = this.held;
    this.held = "";
    return held;
  }

  /**
   * Replaces every whole secret; `rest` is the text after the last one, still to be checked for a
   * partial one. Streaming, a secret that more text could still turn into a longer one waits.
   */
  private cut(text: string, streaming = false): { out: string; rest: string } {
    let out = "";
    let at = 0;
    for (;;) {
      let index = -1;
      let length = 0;
      for (const secret of this.secrets) {
        const found = text.indexOf(secret, at);
        if (found !== -1 && (index === -1 || found < index)) [index, length] = [found, secret.length];
      }
      if (index === -1) return { out, rest: text.slice(at) };
      const open = text.slice(index);
      if (streaming && this.secrets.some((secret) => secret.length > open.length && secret.startsWith(open))) {
        return { out: out + text.slice(at, index), rest: open };
      }
      out += text.slice(at, index) + REDACTED_KEY;
      at = index + length;
    }
  }

  /** How many characters at the end of `text` could be the start of a secret (fewer than the longest). */
  private partialTail(text: string): number {
    for (let k = Math.min(this.longest - 1, text.length); k > 0; k--) {
      const tail = text.slice(text.length - k);
      if (this.secrets.some((secret) => secret.length > k && secret.startsWith(tail))) return k;
    }
    return 0;
  }
}
