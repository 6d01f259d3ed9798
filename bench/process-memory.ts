import { readdirSync, readFileSync } from "node:fs";

// Resident memory of a process and everything it started, read from /proc (Linux).

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function treeRssMb(pid: number): number {
  const seen = [pid];
  for (let i = 0; i < seen.length; i++) seen.push(...childrenOf(seen[i]!));
  return seen.reduce((sum, p) => sum + rssKb(p), 0) / 1024;
}

/** Samples the tree's RSS while `work` runs; returns the work's result and the peak. */
export async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; baselineMb: number; peakMb: number }> {
  const baselineMb = treeRssMb(pid);
  let peakMb = baselineMb;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, treeRssMb(pid));
  }, 25);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, treeRssMb(pid));
    return { result, baselineMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}
