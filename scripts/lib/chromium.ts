// The Chromium that browser tests and the Lighthouse audit drive: Debian's, or CHROME_PATH.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stopProcessGroup } from "./process-group.ts";

export const INSTALL_HINT = "Chromium is missing: apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH)";

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

export interface DebuggableChromium {
  /** The DevTools port on 127.0.0.1, for Lighthouse. */
  port: number;
  close(): Promise<void>;
}

/** Start headless Chromium with a fresh profile and a DevTools port (Lighthouse connects to it). */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), "coop-chromium-"));
  const child: ChildProcess = spawn(
    chromiumPath(),
    [...CHROMIUM_FLAGS, "--headless", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    // Its own process group, so that closing it ends its helper processes too.
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${seen}`)), 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening a DevTools port:\n${seen}`));
    });
  });
  child.stderr!.resume();
  return {
    port,
    close: async () => {
      await stopProcessGroup(child);
      // Chromium's helper processes may still be writing to the profile for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
