import { defineConfig } from "vitest/config";
import { TEST_BUILD_DATE } from "./test/build-date.ts";

// `npm test` runs both tiers; `npm run test:unit` the unit tier alone (no whole build, seconds),
// `npm run test:build` the tier that builds the site (test/global-setup.ts builds it once for every
// file that reads it), the tests that run builds of their own, and the sample generators' tests,
// which make the whole sample data set several times over.
export default defineConfig({
  test: {
    setupFiles: ["test/setup.ts"],
    // The date the builds of a test run take as today (test/helpers.ts builds with it too), so that
    // what the tests read from the data matches what the build made of it.
    env: { BUILD_DATE: TEST_BUILD_DATE },
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // Builds are CPU-bound; two cores serve two test files at once at most.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "build", include: ["test/build/**/*.test.ts"], globalSetup: ["test/global-setup.ts"] } },
    ],
  },
});
