import { defineConfig } from "vitest/config";

// `npm run test:browser`: tests that drive a real Chromium against the built site.
// The site is built once for the run (test/global-setup.ts provides "siteDir").
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/chromium-check.ts", "test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
  },
});
