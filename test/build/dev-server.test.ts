// The dev server (npm start, run as the editor runs it) on a copy of the minimal data. Every way
// an editor's tools save a file reaches the page in the browser: a save that writes a new file
// and renames it over the old one (vim, JetBrains, `sed -i`), twice in a row, an ordinary save
// after it, a new file, a deleted file, a burst of saves. A mistake is shown over the page while
// the last good page stays served, and fixing it clears it; no mistake takes the server down.
// Live reload answers only for pages the server sent. Timing is measured by `npm run bench:reload`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withLiveReload } from "../../scripts/dev/serve.ts";
import { pageKey, pageOfUrlPath } from "../../scripts/lib/routes.ts";
import { dataDir, ROOT, tempDir } from "../helpers.ts";

/** The events of one live-reload stream, as a browser's EventSource receives them. */
class EventStream {
  events: Array<{ event: string; data: string }> = [];
  status = 0;
  private waiters: Array<() => void> = [];
  private controller = new AbortController();
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.opened = fetch(url, { signal: this.controller.signal }).then((response) => {
      this.status = response.status;
      if (!response.ok) return;
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = "";
        for await (const chunk of response.body!) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) this.events.push({ event, data: JSON.parse(data) as string });
            for (const wake of this.waiters.splice(0)) wake();
          }
        }
      })().catch(() => undefined); // closed by the test
    });
  }

  /** The next event named `name` after the first `seen` events; fails after `ms`. */
  async next(name: string, seen = this.events.length, ms = 60_000): Promise<{ event: string; data: string }> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.events.slice(seen).find((e) => e.event === name);
      if (found) return found;
      if (Date.now() > end) throw new Error(`No "${name}" event within ${ms / 1000} s; events so far: ${JSON.stringify(this.events.slice(seen))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1000);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

/** Wait until `check` holds, trying every 100 ms; fails with `what` after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Start `npm start` on a data folder; resolves with its URL once it serves. */
function startDev(data: string, outDir: string): { child: ChildProcess; url: Promise<string>; output: () => string } {
  let output = "";
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "serve.ts"), "--out", outDir], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: data, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const serving = /Serving (http:\/\/localhost:\d+\/)/.exec(output);
      if (serving) resolve(serving[1]!.replace("localhost", "127.0.0.1"));
    });
    child.on("exit", (code) => reject(new Error(`npm start stopped (exit code ${code}):\n${output}`)));
  });
  return { child, url, output: () => output };
}

async function stopDev(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

describe("the dev server", () => {
  const data = dataDir("minimal");
  const saitama = path.join(data, "sites", "saitama", "tokorozawa-sample-1.yaml");
  const tokyo = path.join(data, "sites", "tokyo", "edogawa-sample-1.yaml");
  // The sites an editor changes here are the editor's own: a sample changed would be an edited sample.
  for (const file of [saitama, tokyo]) writeFileSync(file, readFileSync(file, "utf8").replace("sample: true\n", "sample: false\n"));
  const original = readFileSync(saitama, "utf8");
  const tokyoText = readFileSync(tokyo, "utf8");
  const outDir = path.join(tempDir("dev"), "site");
  let dev: ChildProcess;
  let url = "";
  let log = () => "";
  let stream: EventStream;
  const sitePath = "sites/tokorozawa-sample-1/";
  const get = (urlPath: string) => fetch(url + urlPath);
  const page = async (urlPath = sitePath) => (await get(urlPath)).text();
  /** The site's name with a marker in it, as an editor would change it. */
  const named = (marker: string) => original.replace("（サンプル）所沢市 学童保育 1,", `（サンプル）所沢市 学童保育 ${marker},`);
  /** Save as vim and JetBrains do: write a new file beside it, then rename it over the old one. */
  const saveByRename = (file: string, text: string) => {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  };
  const shows = (marker: string, urlPath = sitePath) => until(`the page to show ${marker}`, async () => (await page(urlPath)).includes(marker));

  beforeAll(async () => {
    // Tokyo's site is added later, as a new file (the interview that names its site names none).
    rmSync(tokyo);
    const interviews = path.join(data, "interviews.yaml");
    writeFileSync(interviews, readFileSync(interviews, "utf8").replace("  site: edogawa-sample-1\n", ""));
    const started = startDev(data, outDir);
    dev = started.child;
    log = started.output;
    url = await started.url;
    // It answers at once, with a page that says the site is being built, then the site.
    expect(await page("")).toContain("サイトを作っています / Building the site");
    await shows("（サンプル）所沢市 学童保育 1");
    const key = /src="\/_dev\/reload\.js\?page=([^"]+)"/.exec(await page())![1]!;
    stream = new EventStream(`${url}_dev/events?page=${key}`);
    await stream.opened;
    await stream.next("connected", 0);
  });
  afterAll(async () => {
    stream?.close();
    await stopDev(dev);
  });

  it("serves the built site with the live-reload script for that page, allowed by the page's policy", async () => {
    const html = await page();
    expect(html).toContain("（サンプル）所沢市 学童保育 1");
    expect(html).toContain(`<script type="module" src="/_dev/reload.js?page=${encodeURIComponent("ja:/sites/tokorozawa-sample-1/")}"></script></head>`);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/);
    const client = await (await get("_dev/reload.js")).text();
    expect(client).toContain("location.reload()");
    expect(client).toContain("textContent"); // problems are shown as text, never as HTML
  });

  it("answers live reload only for pages it has sent, and reads nothing outside its folder", async () => {
    for (const query of ["path=/../../../../root/.bashrc", "page=ja:/../../../../etc/passwd", "page=en:/sites/fujimino-day-service/", "page="]) {
      const probe = new EventStream(`${url}_dev/events?${query}`);
      await probe.opened;
      probe.close();
      expect(probe.status, query).toBe(400);
    }
    expect((await get("..%2f..%2f..%2fetc%2fpasswd")).status).toBe(404);
  });

  it("sees a save that renames a new file over the old one, twice in a row, and an in-place save after it", async () => {
    saveByRename(saitama, named("A"));
    await shows("学童保育 A");
    saveByRename(saitama, named("B"));
    await shows("学童保育 B");
    writeFileSync(saitama, named("C"));
    await shows("学童保育 C");
    expect(log()).toMatch(/page\(s\) rebuilt in [\d.]+ s; 1 browser\(s\) reloaded/);
  });

  it("sees a new file, and a deleted one", async () => {
    expect((await get("sites/edogawa-sample-1/")).status).toBe(404);
    writeFileSync(tokyo, tokyoText);
    await shows("江戸川区", "sites/edogawa-sample-1/");
    rmSync(tokyo);
    await until("the deleted file's page to be gone", async () => (await get("sites/edogawa-sample-1/")).status === 404);
  });

  it("shows the last of a burst of 50 saves", async () => {
    for (let i = 1; i <= 50; i++) {
      if (i % 2) saveByRename(saitama, named(`連続${i}`));
      else writeFileSync(saitama, named(`連続${i}`));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await shows("学童保育 連続50");
  });

  it("shows a data mistake with its file and line, keeps the last good page, and clears it when fixed", async () => {
    let seen = stream.events.length;
    saveByRename(saitama, named("D").replace("areas: [after-school-care]\nmunicipality: { ja: 所沢市", "areas: [gakudo]\nmunicipality: { ja: 所沢市"));
    const problem = await stream.next("problem", seen);
    expect(problem.data).toMatch(/sites\/saitama\/tokorozawa-sample-1\.yaml:5:\d+: 「gakudo」という事業のID/);
    expect(await page()).toContain("学童保育 連続50");

    seen = stream.events.length;
    saveByRename(saitama, named("E"));
    await stream.next("fixed", seen);
    await shows("学童保育 E");
  });

  it("survives a YAML alias bomb and an empty file, and shows each as a problem", async () => {
    const faq = path.join(data, "faq.yaml");
    const faqText = readFileSync(faq, "utf8");
    let seen = stream.events.length;
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    writeFileSync(faq, `${bomb}\n`);
    expect((await stream.next("problem", seen)).data).toMatch(/faq\.yaml:1:1: YAMLの別名（& と \*）が多すぎます/);
    expect((await get(sitePath)).status).toBe(200);

    seen = stream.events.length;
    writeFileSync(faq, "# nothing here yet\n");
    expect((await stream.next("problem", seen)).data).toMatch(/faq\.yaml:1:1: faq\.yaml が空です/);

    seen = stream.events.length;
    writeFileSync(faq, faqText);
    await stream.next("fixed", seen);
    expect((await get(sitePath)).status).toBe(200);
  });

  it("reads a page path from the address bar as the page's key", () => {
    const keyOf = (urlPath: string) => pageKey(pageOfUrlPath(urlPath));
    expect(keyOf("/")).toBe("ja:/");
    expect(keyOf("/en/")).toBe("en:/");
    expect(keyOf("/en/sites/x/")).toBe("en:/sites/x/");
    expect(keyOf("/areas/x/")).toBe("ja:/areas/x/");
    expect(keyOf("/english/")).toBe("ja:/english/");
  });

  it("adds the script only where the page has a head, and keeps the rest of the policy", () => {
    const policy = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;none&#39;; style-src &#39;sha256-x&#39;">`;
    const html = withLiveReload(`<html><head>${policy}</head><body></body></html>`, "en:/x/");
    expect(html).toContain(`content="default-src &#39;self&#39;; script-src 'self'; style-src &#39;sha256-x&#39;"`);
    expect(html).toContain('<script type="module" src="/_dev/reload.js?page=en%3A%2Fx%2F"></script></head>');
  });
});

describe("the dev server started on data with a mistake", () => {
  it("starts anyway, shows the mistake, and shows the site once it is fixed", async () => {
    const data = dataDir("minimal");
    const saitama = path.join(data, "sites", "saitama", "tokorozawa-sample-1.yaml");
    const good = readFileSync(saitama, "utf8");
    writeFileSync(saitama, good.replace("areas: [after-school-care]", "areas: [gakudo]"));
    const { child, url: started, output } = startDev(data, path.join(tempDir("dev-broken"), "site"));
    try {
      const url = await started;
      await until("the waiting page", async () => (await (await fetch(url)).text()).includes("まだサイトを作れていません / The site could not be built yet"));
      const home = await (await fetch(url)).text();
      expect(output()).toMatch(/sites\/saitama\/tokorozawa-sample-1\.yaml:5:\d+: 「gakudo」という事業のID/);
      const key = /src="\/_dev\/reload\.js\?page=([^"]+)"/.exec(home)![1]!;
      const stream = new EventStream(`${url}_dev/events?page=${key}`);
      await stream.opened;
      expect((await stream.next("problem", 0)).data).toMatch(/「gakudo」/);
      writeFileSync(saitama, good);
      await stream.next("reload");
      stream.close();
      expect(await (await fetch(url)).text()).toContain("ワーカーズコープ");
    } finally {
      await stopDev(child);
    }
  });
});
