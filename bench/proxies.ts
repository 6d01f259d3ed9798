// One streamed answer through each path, interleaved run by run, so that drift on a noisy machine
// falls on every path alike. Added time is paired: each run's path minus the same run's direct time.
import { formatTable, percentile, type Sample } from "./stats";
import { measureStream, type StreamTarget } from "./stream-timing";

export interface PathFigures {
  name: string;
  firstP50: number;
  firstP99: number;
  addedP50: number;
  addedP99: number;
  totalP50: number;
  totalP99: number;
}

export async function compareProxies(direct: StreamTarget, others: StreamTarget[], runs: number): Promise<PathFigures[]> {
  const targets = [direct, ...others];
  for (const target of targets) for (let i = 0; i < 5; i++) await measureStream(target); // warm-up
  const samples = targets.map((): Sample[] => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, target] of targets.entries()) samples[index]!.push(await measureStream(target));
  }
  const base = samples[0]!;
  return targets.map((target, index) => {
    const mine = samples[index]!;
    const added = mine.map((sample, run) => sample.firstTokenMs - base[run]!.firstTokenMs);
    return {
      name: target.name,
      firstP50: percentile(
        mine.map((s) => s.firstTokenMs),
        50,
      ),
      firstP99: percentile(
        mine.map((s) => s.firstTokenMs),
        99,
      ),
      addedP50: percentile(added, 50),
      addedP99: percentile(added, 99),
      totalP50: percentile(
        mine.map((s) => s.totalMs),
        50,
      ),
      totalP99: percentile(
        mine.map((s) => s.totalMs),
        99,
      ),
    };
  });
}

/** The table, with each path's added time and full stream set against the baseline proxy's. */
export function proxyTable(rows: PathFigures[], baselineName: string): string {
  const baseline = rows.find((row) => row.name === baselineName);
  if (!baseline) throw new Error(`No figures for ${baselineName}.`);
  const fixed = (value: number) => value.toFixed(2);
  return formatTable(
    ["path", "first token p50", "p99", "added p50", "added p99", `added − ${baselineName}`, "full stream p50", "p99", "full ÷ baseline"],
    rows.map((row) => [
      row.name,
      fixed(row.firstP50),
      fixed(row.firstP99),
      fixed(row.addedP50),
      fixed(row.addedP99),
      row === rows[0] ? "" : fixed(row.addedP50 - baseline.addedP50),
      fixed(row.totalP50),
      fixed(row.totalP99),
      (row.totalP50 / baseline.totalP50).toFixed(2),
    ]),
  );
}

/** Median time of a plain GET: what a server costs per request before any streaming starts. */
export async function requestFloor(urls: Record<string, string>, runs: number): Promise<string> {
  const times = new Map(Object.keys(urls).map((name): [string, number[]] => [name, []]));
  for (let run = -5; run < runs; run++) {
    for (const [name, url] of Object.entries(urls)) {
      const started = performance.now();
      await (await fetch(url)).arrayBuffer();
      if (run >= 0) times.get(name)!.push(performance.now() - started);
    }
  }
  return formatTable(
    ["plain GET", "p50 ms", "p99 ms"],
    [...times].map(([name, values]) => [name, percentile(values, 50).toFixed(2), percentile(values, 99).toFixed(2)]),
  );
}
