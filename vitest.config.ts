import { defineConfig } from "vitest/config";
import { TEST_BUILD_DATE } from "./test/build-date.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // The date the builds of a test run take as today (test/helpers.ts builds with it too), so that
    // what the tests read from the data matches what the build made of it.
    env: { BUILD_DATE: TEST_BUILD_DATE },
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // Builds are CPU-bound; two cores serve two test files at once at most.
    maxWorkers: 2,
  },
});
