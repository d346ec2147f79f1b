// `npm run schema`: write the JSON Schemas in _data/schemas/ from scripts/data/schema.ts.
import path from "node:path";
import { SCHEMAS_DIR, writeSchemas } from "../data/json-schemas.ts";
import { runCommand } from "../lib/cli.ts";

runCommand(() => {
  console.log(`Wrote ${writeSchemas()} JSON Schemas to ${path.relative(process.cwd(), SCHEMAS_DIR)}/`);
});
