import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // Builds are CPU-bound; two cores serve two test files at once at most.
    maxWorkers: 2,
  },
});
