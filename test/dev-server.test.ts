// The dev server (npm start, run as the editor runs it) on a copy of the minimal data: a saved
// file reaches the browser that shows the page, a mistake is shown over the page while the last
// good page stays served, and fixing it clears the message. Timing is measured by
// `npm run bench:reload`, not here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { withLiveReload } from "../scripts/dev/serve.ts";
import { pageKey, pageOfUrlPath } from "../scripts/lib/pages.ts";
import { dataDir, edit, ROOT, tempDir } from "./helpers.ts";

/** The events of one live-reload stream, as a browser's EventSource receives them. */
class EventStream {
  events: Array<{ event: string; data: string }> = [];
  private waiters: Array<() => void> = [];
  private controller = new AbortController();

  constructor(url: string) {
    void fetch(url, { signal: this.controller.signal }).then(async (response) => {
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
    }).catch(() => undefined); // closed by the test
  }

  /** The next event named `name` after the first `seen` events. */
  async next(name: string, seen = this.events.length): Promise<{ event: string; data: string }> {
    for (;;) {
      const found = this.events.slice(seen).find((e) => e.event === name);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.controller.abort();
  }
}

describe("the dev server", () => {
  const data = dataDir("minimal");
  const outDir = path.join(tempDir("dev"), "site");
  let dev: ChildProcess;
  let url = "";
  let output = "";
  let stream: EventStream;
  const sitePath = "sites/tokorozawa-sample-1/";
  const page = async () => (await fetch(url + sitePath)).text();

  beforeAll(async () => {
    dev = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "cli", "serve.ts"), "--out", outDir], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: data, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    dev.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      dev.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const serving = /Serving (http:\/\/localhost:\d+\/)/.exec(output);
        if (serving) resolve(serving[1]!.replace("localhost", "127.0.0.1"));
      });
      dev.on("exit", (code) => reject(new Error(`npm start stopped (exit code ${code}):\n${output}`)));
    });
    stream = new EventStream(`${url}_dev/events?path=/${sitePath}`);
    await stream.next("connected", 0);
  });
  afterAll(async () => {
    stream?.close();
    if (dev && dev.exitCode === null) {
      const exited = new Promise((resolve) => dev.once("exit", resolve));
      dev.kill("SIGTERM");
      await exited;
    }
  });

  it("serves the built site with the live-reload script, allowed by the page's policy", async () => {
    const html = await page();
    expect(html).toContain("（サンプル）所沢市 学童保育 1");
    expect(html).toContain('<script type="module" src="/_dev/reload.js"></script></head>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/);
    const client = await (await fetch(`${url}_dev/reload.js`)).text();
    expect(client).toContain("location.reload()");
    expect(client).toContain("textContent"); // problems are shown as text, never as HTML
  });

  it("rebuilds the open page when its data file is saved, and tells its browser to reload", async () => {
    const seen = stream.events.length;
    edit(data, "sites/saitama.yaml", "（サンプル）所沢市 学童保育 1,", "（サンプル）所沢市 学童保育 一,");
    await stream.next("reload", seen);
    expect(await page()).toContain("（サンプル）所沢市 学童保育 一");
    expect(output).toMatch(/page\(s\) rebuilt in [\d.]+ s; 1 browser\(s\) reloaded/);
  });

  it("shows a data mistake with its file and line, keeps the last good page, and clears it when fixed", async () => {
    let seen = stream.events.length;
    edit(data, "sites/saitama.yaml", "areas: [after-school-care]\n  municipality: { ja: 所沢市", "areas: [gakudo]\n  municipality: { ja: 所沢市");
    const problem = await stream.next("problem", seen);
    expect(problem.data).toMatch(/sites\/saitama\.yaml:4:\d+: 「gakudo」という事業のID/);
    expect(await page()).toContain("（サンプル）所沢市 学童保育 一");

    seen = stream.events.length;
    edit(data, "sites/saitama.yaml", "areas: [gakudo]", "areas: [after-school-care]");
    await stream.next("fixed", seen);
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
    const html = withLiveReload(`<html><head>${policy}</head><body></body></html>`);
    expect(html).toContain(`content="default-src &#39;self&#39;; script-src 'self'; style-src &#39;sha256-x&#39;"`);
    expect(html).toContain('<script type="module" src="/_dev/reload.js"></script></head>');
  });
});
