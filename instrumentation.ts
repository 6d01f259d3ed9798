// Runs once as the server starts, however it is started (`npm start`, `next start`, the standalone
// server.js of the image): a bad configuration stops it with the message naming the field.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/backends/server/config");
  try {
    getConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
