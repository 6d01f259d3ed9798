// Many streams at once: all requests start together and stay open for the whole answer.
import { withPeakRss } from "./process-memory";
import { formatTable, percentile, type Sample } from "./stats";
import { measureStream, type StreamTarget } from "./stream-timing";

export interface BurstResult {
  streams: number;
  errors: number;
  firstErrors: string[];
  firstP50: number;
  firstP99: number;
  totalP50: number;
  totalP99: number;
  peakRssMb: number;
  baselineRssMb: number;
}

/** Starts `streams` requests at once against one target, measured from the moment all were sent. */
export async function burst(target: StreamTarget, streams: number, serverPid: number): Promise<BurstResult> {
  // fetch's default pool has no per-origin connection cap, so the client queues nothing itself.
  const errors: string[] = [];
  const { result, peakMb, baselineMb } = await withPeakRss(serverPid, () =>
    Promise.all(
      Array.from({ length: streams }, () =>
        measureStream(target).catch((error: unknown) => {
          errors.push(error instanceof Error ? error.message : String(error));
          return null;
        }),
      ),
    ),
  );
  const ok = result.filter((sample): sample is Sample => sample !== null);
  const first = ok.map((s) => s.firstTokenMs);
  const total = ok.map((s) => s.totalMs);
  return {
    streams,
    errors: errors.length,
    firstErrors: [...new Set(errors)].slice(0, 3),
    firstP50: percentile(first, 50),
    firstP99: percentile(first, 99),
    totalP50: percentile(total, 50),
    totalP99: percentile(total, 99),
    peakRssMb: peakMb,
    baselineRssMb: baselineMb,
  };
}

export function concurrencyTable(rows: { direct: BurstResult; chat: BurstResult }[]): string {
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
  const lines = formatTable(
    ["streams", "errors", "first token p50", "p99", "added p50", "added p99", "full stream p99", "server RSS MB (before → peak)"],
    rows.map(({ direct, chat }) => [
      String(chat.streams),
      `${chat.errors} (direct ${direct.errors})`,
      fixed(chat.firstP50),
      fixed(chat.firstP99),
      fixed(chat.firstP50 - direct.firstP50),
      fixed(chat.firstP99 - direct.firstP99),
      fixed(chat.totalP99),
      `${chat.baselineRssMb.toFixed(0)} → ${chat.peakRssMb.toFixed(0)}`,
    ]),
  );
  const failures = rows.flatMap(({ chat }) => chat.firstErrors.map((message) => `  ${chat.streams} streams: ${message}`));
  return failures.length ? `${lines}\nFirst errors:\n${failures.join("\n")}` : lines;
}
