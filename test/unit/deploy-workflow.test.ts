// The deploy workflow shipped in the repository (.github/workflows/deploy.yml): it publishes on a
// push to main and every early morning in Japan (so closing dates take effect without a push),
// and checks the data before it builds, so a mistake never reaches the published site.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ROOT } from "../helpers.ts";

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; steps: Step[] }>;
}

const FILE = path.join(ROOT, ".github", "workflows", "deploy.yml");
const text = readFileSync(FILE, "utf8");
const workflow = parse(text) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const indexOf = (match: (step: Step) => boolean) => steps.findIndex(match);

/** A "minute hour * * *" cron (UTC) as the time of day in Japan (UTC+9). */
function japanTime(cron: string): { hour: number; minute: number } {
  const [minute, hour, day, month, weekday] = cron.split(/\s+/);
  expect([day, month, weekday], cron).toEqual(["*", "*", "*"]);
  return { hour: (Number(hour) + 9) % 24, minute: Number(minute) };
}

describe("the deploy workflow", () => {
  it("publishes on every push to main", () => {
    expect(workflow.on.push?.branches).toEqual(["main"]);
  });

  it("rebuilds every day early in the morning in Japan, before the working day", () => {
    const crons = workflow.on.schedule?.map((entry) => entry.cron) ?? [];
    expect(crons).toHaveLength(1);
    const { hour, minute } = japanTime(crons[0]!);
    expect({ hour, minute }).toEqual({ hour: 5, minute: 10 });
  });

  it("installs with npm ci, falling back to npm install, then checks the data before it builds", () => {
    const install = indexOf((step) => step.run === "npm ci || npm install");
    const check = indexOf((step) => step.run === "npm run check");
    const build = indexOf((step) => step.run === "npm run build");
    expect(install).toBeGreaterThanOrEqual(0);
    expect(check).toBeGreaterThan(install);
    expect(build).toBeGreaterThan(check);
  });

  it("builds under the project site's path with its address, from the Pages configuration", () => {
    const pages = steps.find((step) => step.uses?.startsWith("actions/configure-pages@"));
    expect(pages?.id).toBe("pages");
    const build = steps.find((step) => step.run === "npm run build")!;
    expect(build.env).toEqual({ PATH_PREFIX: "${{ steps.pages.outputs.base_path }}/", SITE_URL: "${{ steps.pages.outputs.origin }}" });
    expect(indexOf((step) => step === pages)).toBeLessThan(indexOf((step) => step === build));
  });

  it("uploads _site and deploys it with GitHub Pages' own actions, after the build", () => {
    const upload = steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with).toEqual({ path: "_site" });
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
    expect(deploy?.needs).toBe("build");
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });

  it("opens with how to turn it on and how to roll back, in Japanese and English", () => {
    const opening = text.slice(0, text.indexOf("\nname:"));
    for (const words of [
      "Settings → Pages",
      "GitHub Actions",
      "Run workflow",
      "Re-run all jobs",
      "Revert",
      "元に戻すには",
      "To roll back",
      "使い始めるには",
      "To turn it on",
      "docs/deploy.md",
    ]) {
      expect(opening, words).toContain(words);
    }
  });
});
