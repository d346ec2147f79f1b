// `npm start`: the production build served on http://localhost:8080/ with live reload (scripts/dev/serve.ts).
import { option } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";
import { startDevServer } from "../dev/serve.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const outDir = option("--out");
startDevServer({
  port: readSettings().port,
  ...(outDir ? { outDir } : {}),
  onEvent: (event) => {
    const time = new Date().toLocaleTimeString("en-GB");
    const url = event.kind === "ready" ? event.url.replace("127.0.0.1", "localhost") : "";
    if (event.kind === "ready")
      console.log(
        `プレビュー: ${url} （ファイルを保存すると表示が変わります） / Serving ${url}, ready in ${seconds(event.ms)}; saving a file reloads the page.`,
      );
    if (event.kind === "progress") console.log(`${time} ${event.line}`);
    if (event.kind === "quick")
      console.log(
        `${time} ${event.pages}ページを${seconds(event.ms)}で作り直しました / ${event.pages} page(s) rebuilt in ${seconds(event.ms)}; ${event.reloaded} browser(s) reloaded`,
      );
    if (event.kind === "full")
      console.log(`${time} サイト全体を${seconds(event.ms)}で作りました / full build in ${seconds(event.ms)}; ${event.reloaded} browser(s) reloaded`);
    if (event.kind === "problem") console.error(`${time} ${event.message}\n`);
  },
}).then(
  (dev) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void dev.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
