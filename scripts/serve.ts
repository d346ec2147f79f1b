// `npm start`: build into .cache/dev-site and serve it with live reload. _site (the deployable
// production build) is never touched by the dev server.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { DataError, loadDb, ROOT } from "../_data/db.ts";

const port = Number(process.env.PORT ?? 8080);
try {
  loadDb();
} catch (error) {
  // Show data mistakes in plain words before the server starts; the server still starts,
  // and rebuilds as soon as the file is fixed.
  if (error instanceof DataError) console.error(error.message);
  else throw error;
}
const eleventy = new Eleventy(path.join(ROOT, "src"), path.join(ROOT, ".cache", "dev-site"), {
  configPath: path.join(ROOT, "eleventy.config.ts"),
  runMode: "serve",
  quietMode: true,
});
await eleventy.init();
await eleventy.watch();
eleventy.serve(port);
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exit(0);
});
