// `npm run build [-- --out DIR] [--stats FILE] [--no-admin]`: the deployable site in _site/ (scripts/steps/build.ts).
// --no-admin (or NO_ADMIN=1) leaves out the web editor at /admin/; --preview (the dev server's
// builds) keeps it even with no GitHub repository to commit to.
import { writeFileSync } from "node:fs";
import { build } from "../steps/build.ts";
import { option, runCommand } from "../lib/cli.ts";

const outDir = option("--out");
const statsFile = option("--stats");
runCommand(
  async () => {
    const result = await build({
      ...(outDir ? { outDir } : {}),
      ...(process.argv.includes("--no-admin") ? { admin: false } : {}),
      preview: process.argv.includes("--preview"),
    });
    // For the benchmark: step times and memory as JSON.
    if (statsFile) writeFileSync(statsFile, JSON.stringify({ steps: result.steps, pages: result.pages }, null, 2));
  },
  () => console.error("\nThe previous build was left as it was. / 前回のビルド結果はそのまま残っています。"),
);
