// What loading the data gives (load.ts): the validated records as the files hold them, before
// db.ts indexes them, and where each image a record names is named.
import type { z } from "zod";
import type { AccessibilityResults, ContentPage, DATA_FILES, Job, Site } from "./schema.ts";

export type RawData = {
  [K in keyof typeof DATA_FILES]: z.output<(typeof DATA_FILES)[K]["schema"]>;
} & { sites: Array<{ prefecture: string; sites: Site[] }>; jobs: Job[]; contentPages: ContentPage[]; accessibilityResults: AccessibilityResults };

/** A record's reference to an image under src/images/ (posix path), and its place in the YAML. */
export interface ImageRef {
  image: string;
  file: string;
  line: number;
  col: number;
}
