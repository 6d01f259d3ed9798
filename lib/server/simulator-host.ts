import "server-only";
import { startSimulator, type RunningSimulator } from "@/lib/server/simulator/server";

// The simulator runs inside the playground's own process on a loopback port, so that with no
// configuration the real HTTP proxy path is still what serves every request.

const holder = globalThis as typeof globalThis & { __playgroundSimulator?: Promise<RunningSimulator> };

export function ensureSimulator(tokensPerSecond: number): Promise<RunningSimulator> {
  if (holder.__playgroundSimulator) return holder.__playgroundSimulator;
  const starting = startSimulator({
    host: "127.0.0.1",
    port: Number(process.env.PLAYGROUND_SIMULATOR_PORT) || 0,
    tokensPerSecond,
  }).catch((error: unknown) => {
    holder.__playgroundSimulator = undefined;
    throw error;
  });
  holder.__playgroundSimulator = starting;
  return starting;
}
