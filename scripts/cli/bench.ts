// `npm run bench [-- --pairs N]`: build times and memory against the floor and the targets (scripts/dev/bench.ts).
import { bench } from "../dev/bench.ts";
import { option, runCommand } from "../lib/cli.ts";

runCommand(async () => {
  const pairs = option("--pairs");
  const report = await bench(pairs ? { pairs: Number(pairs) } : {});
  return Object.values(report.targets).every(Boolean) ? 0 : 1;
});
