// Runs once as the server starts, however it is started (`npm start`, `next start`, the Docker
// image): a bad configuration or setting stops it with the message naming the field or variable.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/backends/server/config");
  const { checkRequestSettings } = await import("@/lib/server/request-settings");
  const { readEnv } = await import("@/lib/server/env");
  try {
    readEnv();
    getConfig();
    checkRequestSettings();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
