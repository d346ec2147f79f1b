// Before the site is built for the browser tests: stop at once, in one line, when there is no Chromium.
import { chromiumPath } from "../../scripts/dev/chromium.ts";

export default function setup() {
  try {
    chromiumPath();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
