import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

function waitForOutput(proc: ChildProcess, pattern: RegExp): Promise<{ match: RegExpExecArray; output: string }> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`No match for ${pattern} in: ${output}`)), 15_000);
    proc.stdout?.on("data", (data: Buffer) => {
      output += data.toString("utf8");
      const match = pattern.exec(output);
      if (match && /\(default\)/.test(output)) {
        clearTimeout(timer);
        resolve({ match, output });
      }
    });
    proc.once("exit", (code) => reject(new Error(`Exited with ${code}: ${output}`)));
  });
}

describe("scripts/simulator.ts", () => {
  it("starts on a free port, lists the models, answers, and stops on SIGTERM", async () => {
    // Node itself (with tsx as a loader), so the signal reaches the simulator with no wrapper between.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts", "--port", "0", "--tokens-per-second", "500"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const { match, output } = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:(\d+))/);
    const url = match[1] ?? "";
    expect(Number(match[2])).toBeGreaterThan(0);
    expect(output).toMatch(new RegExp(`Cosmos Reason2 8B +${url.replace(/[.:/]/g, "\\$&")}/reason2-8b/v1`));

    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]?.id).toBe("nvidia/cosmos-reason2-8b");

    const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
