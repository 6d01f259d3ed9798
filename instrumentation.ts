// Runs once as the server starts, however it is started (`npm start`, `next start`, the Docker
// image). The Node-only start lives in its own module, so the Edge build never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).startServer();
}
