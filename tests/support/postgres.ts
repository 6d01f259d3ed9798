import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// A throw-away PostgreSQL for the tests: the server at DATABASE_URL when it is set, otherwise a
// cluster of the machine's PostgreSQL in a temp dir on a free loopback port, stopped and removed
// afterwards. Each call of newDatabase() makes an empty database on it.

export interface TestPostgres {
  /** A fresh, empty database; its URL. */
  newDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  "The PostgreSQL tests start their own server but found no PostgreSQL under /usr/lib/postgresql/*/bin: install it with `apt-get install postgresql` (Debian/Ubuntu), or set DATABASE_URL to a server where the tests may create databases.";

function findBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(INSTALL_HINT);
  return path.join(root, newest, "bin");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const asRoot = process.getuid?.() === 0;

/** initdb refuses to run as root: then the cluster is made and run as the postgres user. */
function runClusterTool(binDir: string, tool: string, args: string[]): SpawnSyncReturns<string> {
  const command = path.join(binDir, tool);
  return asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
}

function mustRun(binDir: string, tool: string, args: string[]): void {
  const result = runClusterTool(binDir, tool, args);
  if (result.status !== 0)
    throw new Error(`${tool} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr || result.stdout}`);
}

function giveToPostgresUser(dir: string): void {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, id("-u"), id("-g"));
  } catch {
    throw new Error(`Running as root, the tests run PostgreSQL as the 'postgres' user, which is missing. ${INSTALL_HINT}`);
  }
}

async function startCluster(): Promise<{ url: string; stop(): void }> {
  const binDir = findBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), "playground-pg-"));
  if (asRoot) giveToPostgresUser(dir);
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const port = await freePort();
  const stop = () => {
    runClusterTool(binDir, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    mustRun(binDir, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    // Durability is pointless for a throw-away cluster; without it the suite runs several times faster.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    mustRun(binDir, "pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "30", "start"]);
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "";
    stop();
    throw new Error(`${(error as Error).message}\n${serverLog}`);
  }
  // Stops the server even when the test run is cut short.
  process.once("exit", stop);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      process.removeListener("exit", stop);
      stop();
    },
  };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.DATABASE_URL?.trim();
  const cluster = external ? null : await startCluster();
  const serverUrl = external ?? cluster!.url;
  const created: string[] = [];
  return {
    async newDatabase() {
      const name = `playground_test_${process.pid}_${created.length}_${Date.now().toString(36)}`;
      await onServer(serverUrl, `CREATE DATABASE ${name}`);
      created.push(name);
      return withDatabase(serverUrl, name);
    },
    async stop() {
      if (cluster) return cluster.stop();
      for (const name of created) await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    },
  };
}
