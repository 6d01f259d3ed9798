import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // The real package throws outside React Server Components; tests run server code directly.
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.tsx"],
    environment: "node",
    testTimeout: 20_000,
    // upstream-long.test.ts waits five minutes on idle timers; a second worker runs the rest meanwhile
    // (vitest's own default on a 2-core machine is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
