// Child processes started with `detached: true` lead a process group of their own (Chromium and
// its helpers, tsx and the node it starts): stopping one means signalling the whole group.
import type { ChildProcess } from "node:child_process";

/** Send SIGTERM to the group that `child` leads and wait for `child` to exit; nothing if it already has. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return; // the group is already gone; "exit" may still be on its way
  }
  await exited;
}
