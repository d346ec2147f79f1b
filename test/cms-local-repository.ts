// Sveltia CMS's "Work with Local Repository", driven headless: the editor asks the browser for a
// folder (window.showDirectoryPicker) and reads and writes the repository through that handle.
// A headless browser cannot show the picker, so the page is given a folder of its own origin's
// private file system (OPFS), filled with a copy of the repository's data; Sveltia's real local
// backend then lists, reads, writes and deletes there, and the test mirrors the folder back to disk.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { listFiles } from "../scripts/lib/files.ts";

/** Make showDirectoryPicker() give the OPFS folder "repo" (before the editor loads). */
export async function pickOpfsFolder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
  });
}

interface FileCopy {
  path: string;
  base64: string;
}

/** The files under `folders` of `repo` (posix paths from the repository's root). */
function collect(repo: string, folders: readonly string[]): FileCopy[] {
  return folders.flatMap((folder) =>
    listFiles(path.join(repo, folder)).map((file) => ({ path: `${folder}/${file}`, base64: readFileSync(path.join(repo, folder, file)).toString("base64") })),
  );
}

/** Fill the OPFS folder "repo" with `folders` of `repo`, and the empty .git/ the editor looks for. */
export async function copyToBrowser(page: Page, repo: string, folders: readonly string[]): Promise<number> {
  const files = collect(repo, folders);
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry("repo", { recursive: true }).catch(() => undefined);
    const dir = await root.getDirectoryHandle("repo", { create: true });
    await dir.getDirectoryHandle(".git", { create: true });
    for (const file of files) {
      const parts = file.path.split("/");
      let at = dir;
      for (const part of parts.slice(0, -1)) at = await at.getDirectoryHandle(part, { create: true });
      const writable = await (await at.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, files);
  return files.length;
}

/**
 * Make `folders` of `repo` what the OPFS folder holds: changed and new files written, files the
 * editor deleted removed. Returns the paths written and removed.
 */
export async function copyFromBrowser(page: Page, repo: string, folders: readonly string[]): Promise<{ written: string[]; removed: string[] }> {
  const files: FileCopy[] = await page.evaluate(async () => {
    const out: Array<{ path: string; base64: string }> = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (name === ".git") continue;
        const rel = prefix ? `${prefix}/${name}` : name;
        if (handle.kind === "directory") await walk(handle as FileSystemDirectoryHandle, rel);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let binary = "";
          for (const byte of bytes) binary += String.fromCharCode(byte);
          out.push({ path: rel, base64: btoa(binary) });
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("repo"), "");
    return out;
  });
  const inBrowser = new Map(
    files.filter((f) => folders.some((folder) => f.path.startsWith(`${folder}/`))).map((f) => [f.path, Buffer.from(f.base64, "base64")]),
  );
  const written: string[] = [];
  const removed: string[] = [];
  for (const [file, bytes] of inBrowser) {
    const full = path.join(repo, file);
    let before: Buffer | undefined;
    try {
      before = readFileSync(full);
    } catch {
      before = undefined;
    }
    if (before?.equals(bytes)) continue;
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    written.push(file);
  }
  for (const file of collect(repo, folders).map((f) => f.path)) {
    if (inBrowser.has(file)) continue;
    rmSync(path.join(repo, file));
    removed.push(file);
  }
  return { written, removed };
}
