import { describe, expect, it } from "vitest";

import { REDACTED_KEY, SecretRedactor } from "@/lib/core/redact";

const KEYS = ["nvapi-abcdef123456", "nvapi-abc", "sk-zzz"];
const TEXT = "a nvapi-abcdef123456 b nvapi-abcX nvapi-abc sk-zz sk-zzzsk-zzz nvapi-abcdef12345 end nvapi-";

function streamed(pieces: string[]): string {
  const redactor = new SecretRedactor(KEYS);
  return pieces.map((piece) => redactor.push(piece)).join("") + redactor.flush();
}

describe("SecretRedactor", () => {
  it("replaces every secret, the longer one first where two start together", () => {
    expect(new SecretRedactor(KEYS).redact(TEXT)).toBe(
      `a ${REDACTED_KEY} b ${REDACTED_KEY}X ${REDACTED_KEY} sk-zz ${REDACTED_KEY}${REDACTED_KEY} ${REDACTED_KEY}def12345 end nvapi-`,
    );
  });

  it("gives the same text streamed, however the stream is cut (every one and two cuts)", () => {
    const whole = new SecretRedactor(KEYS).redact(TEXT);
    for (let i = 0; i <= TEXT.length; i++) {
      expect(streamed([TEXT.slice(0, i), TEXT.slice(i)]), `cut at ${i}`).toBe(whole);
      for (let j = i; j <= TEXT.length; j += 3) expect(streamed([TEXT.slice(0, i), TEXT.slice(i, j), TEXT.slice(j)])).toBe(whole);
    }
    expect(streamed([...TEXT])).toBe(whole);
  });

  it("holds back only what could still start a secret, less than the longest one", () => {
    const redactor = new SecretRedactor(KEYS);
    expect(redactor.push("hello nvapi-abcdef")).toBe("hello ");
    expect(redactor.push("1")).toBe("");
    expect(redactor.push("Z and more")).toBe("nvapi-abcdef1Z and more".replace("nvapi-abc", REDACTED_KEY));
    expect(redactor.push("plain text")).toBe("plain text");
    expect(redactor.push("s")).toBe("");
    expect(redactor.flush()).toBe("s");
  });

  it("passes everything through when there is no secret", () => {
    const redactor = new SecretRedactor(["", ""]);
    expect(redactor.empty).toBe(true);
    expect(redactor.push("nvapi-")).toBe("nvapi-");
  });
});
