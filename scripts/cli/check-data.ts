// `npm run check` (after the type check): every data problem at once, and the missing English.
import { performance } from "node:perf_hooks";
import { checkData, formatDataCheck } from "../checks/data.ts";
import { runCommand } from "../lib/cli.ts";

runCommand(() => {
  const start = performance.now();
  const result = checkData();
  const { out, err } = formatDataCheck(result, Math.round(performance.now() - start), process.argv.includes("--quiet"));
  if (out) console.log(out);
  if (err) console.error(err);
  return result.errors.length ? 1 : 0;
});
