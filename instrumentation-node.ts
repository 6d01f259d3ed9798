import { getConfig } from "@/lib/backends/server/config";
import { redactConsole } from "@/lib/backends/server/redact";
import { spoolDir } from "@/lib/media/server/config";
import { sweepStaleSpool } from "@/lib/media/server/spool-sweep";
import { readEnv } from "@/lib/server/env";
import { checkRequestSettings } from "@/lib/server/request-settings";

/** The server's start: a bad configuration or setting stops it with the message naming the field or variable. */
export async function startServer(): Promise<void> {
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
  const removed = await sweepStaleSpool(spoolDir()).catch((error: unknown) => {
    console.warn(`[playground] could not sweep the upload spool folder: ${(error as Error).message}`);
    return 0;
  });
  if (removed > 0) console.warn(`[playground] removed ${removed} upload spool file(s) left by an earlier crash.`);
}
