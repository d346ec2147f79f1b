// The Chromium that browser tests, the contact sheet and the Lighthouse audit drive: Debian's, or CHROME_PATH.
import { existsSync } from "node:fs";

const INSTALL_HINT = "Chromium is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH)";

/** Flags that work in containers and keep the browser from calling home. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The browser's path; throws the one-line install hint when there is none. */
export function chromiumPath(): string {
  const file = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!existsSync(file)) throw new Error(INSTALL_HINT);
  return file;
}
