// The critic verdict: Cosmos Reason2 answers a single word, Approve or Reject, after </think>;
// Cosmos Reason1's critic answers <answer>Yes</answer> or <answer>No</answer>.

export type CriticVerdict = "approve" | "reject";

export interface CriticOptions {
  /**
   * Read a bare Yes / No answer as a verdict (Reason1's critic asks whether the video is acceptable).
   * Off by default: any yes/no question would otherwise look like a verdict.
   */
  acceptYesNo?: boolean;
  /** Reason1's video critic asks whether there are anomalies: its Yes rejects, its No approves. */
  yesIsReject?: boolean;
}

const VERDICTS = new Map<string, CriticVerdict>([
  ["approve", "approve"],
  ["approved", "approve"],
  ["reject", "reject"],
  ["rejected", "reject"],
]);
const YES_NO = new Map<string, CriticVerdict>([
  ["yes", "approve"],
  ["no", "reject"],
]);
const ANOMALY_YES_NO = new Map<string, CriticVerdict>([
  ["yes", "reject"],
  ["no", "approve"],
]);
const TAGGED = /<answer>\s*([^<]{1,40}?)\s*<\/answer>/i;
// Markdown, quotes and punctuation a model may wrap the word in: **Reject.**, "Approve", `Yes`.
const DECORATION = /^[\s*_`"'“”>#.:!-]+|[\s*_`"'“”.!]+$/g;
const ANSWER_PREFIX = /^(?:final\s+)?(?:answer|verdict)\s*:\s*/i;
const MAX_VERDICT_LINE = 80;

function wordOf(line: string): string {
  return line.replace(DECORATION, "").replace(ANSWER_PREFIX, "").replace(DECORATION, "").toLowerCase();
}

/**
 * "approve" / "reject" when the answer is the critic's one-word verdict (its first line may be
 * followed by an explanation), else null.
 */
export function parseCriticVerdict(answer: string, options: CriticOptions = {}): CriticVerdict | null {
  const tagged = TAGGED.exec(answer);
  const yesNo = options.yesIsReject ? ANOMALY_YES_NO : YES_NO;
  if (tagged) {
    const word = wordOf(tagged[1] ?? "");
    return VERDICTS.get(word) ?? yesNo.get(word) ?? null;
  }
  const text = answer.trimStart();
  const lineEnd = text.indexOf("\n");
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  if (firstLine.length > MAX_VERDICT_LINE) return null;
  const word = wordOf(firstLine);
  return VERDICTS.get(word) ?? (options.acceptYesNo ? yesNo.get(word) : undefined) ?? null;
}
