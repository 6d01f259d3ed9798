// Runs once as the server starts, however it is started (`npm start`, `next start`, the Docker
// image): a bad configuration or setting stops it with the message naming the field or variable.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/backends/server/config");
  const { checkRequestSettings } = await import("@/lib/server/request-settings");
  const { redactConsole } = await import("@/lib/backends/server/redact");
  try {
    getConfig();
    checkRequestSettings();
    // No log line carries a configured key, whoever writes it (upstream text can reach any error).
    redactConsole();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
