import { defineConfig } from "vitest/config";
import { TEST_BUILD_DATE } from "./test/build-date.ts";

// `npm run test:browser`: tests that drive a real Chromium against the built site.
// The site is built once for the run (test/global-setup.ts provides "siteDir").
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/chromium-check.ts", "test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // The date the builds of a test run take as today (test/helpers.ts builds with it too), so that
    // what the tests read from the data matches what the build made of it.
    env: { BUILD_DATE: TEST_BUILD_DATE },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
