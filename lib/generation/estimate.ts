// How long a generation should take, for jobs whose server reports no progress: the work
// (pixels × frames × steps) times the median seconds per unit of the backend's recent runs, or
// the family's nominal rate before any run was measured.

/** Runs that count towards a backend's rate. */
export const RATE_HISTORY = 20;
/** An estimate never claims to be done: the bar waits at 99 % for the real end. */
const ESTIMATE_CEILING = 0.99;

export function median(values: readonly number[]): number | null {
  const sorted = values.filter((value) => Number.isFinite(value) && value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface ExpectedInput {
  workUnits: number;
  /** Seconds per work unit of past runs on this backend, newest first. */
  pastRates: readonly number[];
  /** The family's rate when there is no history. */
  defaultRate: number;
  /** A fixed duration when there is no history (the simulator takes the same time for any size). */
  nominalSeconds?: number;
}

/** Expected running time in seconds (never zero, so progress is always defined). */
export function expectedSeconds({ workUnits, pastRates, defaultRate, nominalSeconds }: ExpectedInput): number {
  const rate = median(pastRates.slice(0, RATE_HISTORY));
  const seconds = rate !== null ? rate * workUnits : (nominalSeconds ?? defaultRate * workUnits);
  return Math.max(0.1, seconds);
}

/** Elapsed over expected, capped below 1. */
export function estimatedProgress(elapsedS: number, expectedS: number): number {
  if (!(expectedS > 0) || !(elapsedS > 0)) return 0;
  return Math.min(ESTIMATE_CEILING, elapsedS / expectedS);
}

/** The rate one finished run adds to its backend's history. */
export function runRate(durationS: number, workUnits: number): number | null {
  return durationS > 0 && workUnits > 0 ? durationS / workUnits : null;
}
