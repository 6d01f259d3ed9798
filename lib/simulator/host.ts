import "server-only";

import { forgetProcessMemo, processMemo } from "@/lib/core/process-memo";
import { readEnv } from "@/lib/server/env";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";

// The simulator runs inside the playground's own process on a loopback port, so that with no
// configuration the real HTTP proxy path is still what serves every request.

/** The process's simulator; the options of the first call are the ones it runs with. */
export function ensureSimulator(tokensPerSecond: number, generationSeconds?: number): Promise<RunningSimulator> {
  const start = (): Promise<RunningSimulator> => {
    const starting: Promise<RunningSimulator> = startSimulator({
      host: "127.0.0.1",
      port: readEnv().PLAYGROUND_SIMULATOR_PORT ?? 0,
      tokensPerSecond,
      ...(generationSeconds === undefined ? {} : { generationSeconds }),
    }).catch((error: unknown) => {
      forgetProcessMemo("simulator", starting);
      throw error;
    });
    return starting;
  };
  return processMemo("simulator", "", start);
}
