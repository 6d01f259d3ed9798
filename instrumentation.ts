// Runs once as the server starts, however it is started (`npm start`, `next start`, the Docker
// image): a bad configuration or setting stops it with the message naming the field or variable.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/backends/server/config");
  const { checkRequestSettings } = await import("@/lib/server/request-settings");
  const { readEnv } = await import("@/lib/server/env");
  const { redactConsole } = await import("@/lib/backends/server/redact");
  try {
    readEnv();
    getConfig();
    checkRequestSettings();
    // No log line carries a configured key, whoever writes it (upstream text can reach any error).
    redactConsole();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
    return;
  }
  // What a crash mid-upload left in the spool folder; a failure here must not stop the server.
  const { spoolDir } = await import("@/lib/media/server/config");
  const { sweepStaleSpool } = await import("@/lib/media/server/spool-sweep");
  const removed = await sweepStaleSpool(spoolDir()).catch((error: unknown) => {
    console.warn(`[playground] could not sweep the upload spool folder: ${(error as Error).message}`);
    return 0;
  });
  if (removed > 0) console.warn(`[playground] removed ${removed} upload spool file(s) left by an earlier crash.`);
}
