// `npm run format`: every data file in the form the web editor writes (scripts/data/canonical.ts).
import path from "node:path";
import { formatDataFiles } from "../data/canonical.ts";
import { runCommand } from "../lib/cli.ts";
import { readSettings } from "../lib/settings.ts";

runCommand(() => {
  const { dataDir } = readSettings();
  const files = formatDataFiles(dataDir);
  for (const file of files) console.log(`formatted ${path.join(path.basename(dataDir), file)}`);
  console.log(`${files.length} file(s) rewritten in the web editor's form / ${files.length}件のファイルをWebエディターの書き方にそろえました`);
});
