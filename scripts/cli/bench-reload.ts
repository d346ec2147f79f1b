// `npm run bench:reload`: how long `npm start` takes to show a saved YAML file in Chromium (scripts/dev/bench-reload.ts).
import { benchReload } from "../dev/bench-reload.ts";
import { runCommand } from "../lib/cli.ts";

runCommand(() => benchReload());
