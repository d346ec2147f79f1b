/** The date the builds of a test run take as today, in the test processes and the builds they start alike. */
export const TEST_BUILD_DATE = "2026-11-25";
