// Runs the built-in NIM simulator alone, so any OpenAI-compatible client can point at it:
//   npm run simulator -- --port 8000 [--host 127.0.0.1] [--tokens-per-second 40] [--generation-seconds 8]
import { SIMULATED_GENERATORS, SIMULATED_MODELS } from "@/lib/simulator/models";
import { startSimulator } from "@/lib/simulator/server";

interface CliOptions {
  port: number;
  host: string;
  tokensPerSecond: number;
  generationSeconds: number;
}

const USAGE = "Usage: npm run simulator -- [--port 8000] [--host 127.0.0.1] [--tokens-per-second 40] [--generation-seconds 8]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 8000, host: "127.0.0.1", tokensPerSecond: 40, generationSeconds: 8 };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    const value = inline ?? argv[++index];
    if (value === undefined) fail(`Missing value for ${flag}.`);
    if (flag === "--host") {
      options.host = value;
    } else if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got "${value}".`);
      options.port = port;
    } else if (flag === "--tokens-per-second") {
      const rate = Number(value);
      if (!(rate > 0) || !Number.isFinite(rate)) fail(`--tokens-per-second must be a positive number, got "${value}".`);
      options.tokensPerSecond = rate;
    } else if (flag === "--generation-seconds") {
      const seconds = Number(value);
      if (!(seconds > 0) || !Number.isFinite(seconds)) fail(`--generation-seconds must be a positive number, got "${value}".`);
      options.generationSeconds = seconds;
    } else {
      fail(`Unknown option ${flag}.`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // Handlers first, so a signal that arrives while the server starts still stops it cleanly.
  let close: () => Promise<void> = async () => undefined;
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const simulator = await startSimulator(options);
  close = () => simulator.close();
  const all = [...SIMULATED_MODELS, ...SIMULATED_GENERATORS];
  const width = Math.max(...all.map((model) => model.label.length)) + 2;
  const lines = all.map((model) => `  ${model.label.padEnd(width)}${simulator.url}/${model.slug}/v1  (${model.model})`);
  const first = SIMULATED_MODELS[0];
  if (first) lines.push(`  ${"(default)".padEnd(width)}${simulator.url}/v1  → ${first.label}`);
  console.log(`NIM simulator (simulated answers, no GPU) listening on ${simulator.url}`);
  console.log(`Serving ${options.tokensPerSecond} tokens/s, ${options.generationSeconds} s per generation:\n${lines.join("\n")}`);
}

main().catch((error: unknown) => {
  console.error(`The simulator could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
