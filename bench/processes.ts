// The benchmark's own servers: the simulator in a process of its own, as a NIM would be.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Fails at once when something else already listens on the port, rather than measuring it. */
export async function ensurePortFree(port: number, name: string): Promise<void> {
  if (await canConnect(port)) throw new Error(`Port ${port} for ${name} is taken; stop what listens there or set BENCH_SIMULATOR_PORT.`);
}

export async function waitForPort(port: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before listening on ${port}.`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${name} did not listen on port ${port} within 30 s.`);
}

export interface SimulatorProcess {
  url: string;
  pid: number;
  stop: () => void;
}

export async function startSimulatorProcess(port: number, tokensPerSecond: number): Promise<SimulatorProcess> {
  await ensurePortFree(port, "the simulator");
  // tsx as a loader of this very process (not its wrapper), so that the process id stops the simulator.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "simulator.ts"), "--port", String(port), "--tokens-per-second", String(tokensPerSecond)],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  process.on("exit", stop);
  await waitForPort(port, child, "The simulator");
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop };
}
