// The part of Eleventy's programmatic API this project uses (Eleventy ships no TypeScript types).
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "serve" | "watch";
    /** Runs with the project's configuration: more settings for this one run. */
    config?: (config: import("./types.ts").EleventyConfig) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    /** Render every page without writing any: what each would be written as (`content`) and where. */
    toJSON(): Promise<unknown>;
    /** Eleventy's own console report of errors and warnings, off. */
    disableLogger(): void;
  }
}
