import "server-only";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";

// The simulator runs inside the playground's own process on a loopback port, so that with no
// configuration the real HTTP proxy path is still what serves every request.

const holder = globalThis as typeof globalThis & { __playgroundSimulator?: Promise<RunningSimulator> };

/** The process's simulator; the options of the first call are the ones it runs with. */
export function ensureSimulator(tokensPerSecond: number, generationSeconds?: number): Promise<RunningSimulator> {
  if (holder.__playgroundSimulator) return holder.__playgroundSimulator;
  const starting = startSimulator({
    host: "127.0.0.1",
    port: Number(process.env.PLAYGROUND_SIMULATOR_PORT) || 0,
    tokensPerSecond,
    ...(generationSeconds === undefined ? {} : { generationSeconds }),
  }).catch((error: unknown) => {
    holder.__playgroundSimulator = undefined;
    throw error;
  });
  holder.__playgroundSimulator = starting;
  return starting;
}
