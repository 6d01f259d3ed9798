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
    // Both cores of a 2-core machine (vitest's own default there is one worker). upstream-long.test.ts
    // waits five minutes on idle timers: npm test runs it in a process of its own beside the other steps.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
