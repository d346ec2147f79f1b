// Every setting the build, the checks and the preview read from the environment, read and checked
// in this one place before anything is written. A wrong value stops the command with a message in
// Japanese and English that names the variable, shows the value and gives an example of the right
// form. The list in README.md ("Settings") is this table.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ROOT } from "./paths.ts";

/** A path prefix: "/", or "/segment/…/" of URL-safe characters (RFC 3986's unreserved ones). */
const PREFIX_SEGMENT = /^[A-Za-z0-9._~-]+$/;
/** owner/name on GitHub. */
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** What the web editor's configuration says until the organisation names its repository. */
export const PLACEHOLDER_REPOSITORY = "OWNER/REPOSITORY";

export interface Settings {
  /** PATH_PREFIX, normalised: "/" or "/coop/". */
  pathPrefix: string;
  /** SITE_URL: the address the site is published at; site.yaml's `url` when unset. */
  siteUrl?: string;
  /** BUILD_DATE (YYYY-MM-DD); the date in Japan when unset. */
  buildDate?: string;
  /** NO_ADMIN: leave the web editor (/admin/) out of the build. */
  noAdmin: boolean;
  /** CMS_REPO ("owner/name"): where the web editor commits; the clone's GitHub origin when unset. */
  cmsRepo?: string;
  /** CMS_BRANCH: the branch the web editor commits to. */
  cmsBranch: string;
  /** CMS_AUTH_URL: the OAuth proxy for "Sign In with GitHub". */
  cmsAuthUrl?: string;
  /** DATA_DIR: the editors' YAML (tests and the benchmark point it at copies). */
  dataDir: string;
  /** IMAGES_DIR: the editors' images. */
  imagesDir: string;
  /** COOP_CACHE_DIR: the build's caches (validated data, encoded images, search index). */
  cacheDir: string;
  /** PORT: where `npm start` serves the preview (0: any free port). */
  port: number;
  /** CHROME_PATH: the Chromium that the browser tests, the audit and the screenshots drive. */
  chromePath: string;
}

/** One row of the settings table: the variable, what it is for, an example, and how its value is read. */
interface Setting<K extends keyof Settings> {
  name: string;
  key: K;
  example: string;
  ja: string;
  en: string;
  schema: z.ZodType<Settings[K]>;
}

/** Refuses a value with the words said of it; the message adds the variable, the value and the example. */
const refuse = (ctx: z.RefinementCtx, ja: string, en: string) => ctx.addIssue({ code: "custom", message: JSON.stringify({ ja, en }) });

const text = z.string();
const absoluteFolder = (mustExist: boolean) =>
  text.transform((value, ctx) => {
    const dir = path.resolve(ROOT, value);
    if (mustExist && !(existsSync(dir) && statSync(dir).isDirectory())) refuse(ctx, "そのフォルダーがありません。", "there is no such folder.");
    return dir;
  });

/** "/coop" or "coop/" → "/coop/"; anything but URL-safe segments is refused (it is written into every page and _headers). */
export function normalizePrefix(value = "/", ctx?: z.RefinementCtx): string {
  const segments = value.trim().split("/").filter(Boolean);
  if (segments.some((segment) => !PREFIX_SEGMENT.test(segment) || segment === "." || segment === "..")) {
    if (ctx)
      refuse(
        ctx,
        "半角英数字と - . _ ~ だけの、/ で区切ったフォルダー名にしてください。",
        "expected folder names of ASCII letters, digits, - . _ ~, separated by /.",
      );
    else throw new Error(`Not a path prefix: ${JSON.stringify(value)}`);
  }
  return segments.length ? `/${segments.join("/")}/` : "/";
}

/** A real calendar day written YYYY-MM-DD. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** An https address with a host and nothing after its path (no user, query or fragment). */
function httpsAddress(value: string, ctx: z.RefinementCtx): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== "https:" || !url.hostname.includes(".") || url.username || url.password || url.search || url.hash || /\s/.test(value)) {
    refuse(ctx, "https:// で始まるウェブのアドレスにしてください。", "expected an https:// address.");
  }
  return value;
}

const yesNo = text.transform((value, ctx) => {
  const word = value.trim().toLowerCase();
  if (["1", "true", "yes"].includes(word)) return true;
  if (["", "0", "false", "no"].includes(word)) return false;
  refuse(ctx, "1（はい）か 0（いいえ）にしてください。", "expected 1 (yes) or 0 (no).");
  return false;
});

const SETTINGS = [
  {
    name: "PATH_PREFIX",
    key: "pathPrefix",
    example: "/coop/",
    ja: "サイトを置くフォルダー（サブパスに公開するとき）",
    en: "The folder the site is published under (for a sub-path)",
    schema: text.transform((v, ctx) => normalizePrefix(v, ctx)),
  },
  {
    name: "SITE_URL",
    key: "siteUrl",
    example: "https://example.org/coop/",
    ja: "公開するサイトのアドレス（既定: site.yaml の url）",
    en: "The address the site is published at (default: url in site.yaml)",
    schema: text.transform(httpsAddress),
  },
  {
    name: "BUILD_DATE",
    key: "buildDate",
    example: "2027-04-01",
    ja: "ビルドの日付。どの求人が募集中かを決めます（既定: 日本の今日）",
    en: "The date of the build, which decides which jobs are open (default: today in Japan)",
    schema: text.refine(isCalendarDate, {
      message: JSON.stringify({ ja: "実在する日付を YYYY-MM-DD の形で書いてください。", en: "expected a real date, YYYY-MM-DD." }),
    }),
  },
  {
    name: "NO_ADMIN",
    key: "noAdmin",
    example: "1",
    ja: "1 なら Webエディター（/admin/）を入れない",
    en: "1 leaves the web editor (/admin/) out",
    schema: yesNo,
  },
  {
    name: "CMS_REPO",
    key: "cmsRepo",
    example: "workers-coop/site",
    ja: "Webエディターが書き込む GitHub のリポジトリ（既定: この clone の origin。どちらもなければ、公開用のビルドは /admin/ を入れません）",
    en: "The GitHub repository the web editor commits to (default: this clone's GitHub origin; with neither, a build to publish leaves /admin/ out)",
    schema: text.refine((v) => REPOSITORY.test(v) && v !== PLACEHOLDER_REPOSITORY, {
      message: JSON.stringify({ ja: "GitHub の「所有者/リポジトリ名」にしてください。", en: "expected a GitHub owner/name." }),
    }),
  },
  {
    name: "CMS_BRANCH",
    key: "cmsBranch",
    example: "main",
    ja: "Webエディターが書き込むブランチ（既定: main）",
    en: "The branch the web editor commits to (default: main)",
    schema: text.refine((v) => /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(v) && !v.includes("..") && !v.endsWith("/"), {
      message: JSON.stringify({ ja: "ブランチ名（英数字と - _ . /）にしてください。", en: "expected a branch name (letters, digits, - _ . /)." }),
    }),
  },
  {
    name: "CMS_AUTH_URL",
    key: "cmsAuthUrl",
    example: "https://auth.example.workers.dev",
    ja: "「GitHub でサインイン」の中継（OAuth プロキシ）のアドレス",
    en: "The OAuth proxy for Sign In with GitHub",
    schema: text.transform(httpsAddress),
  },
  {
    name: "DATA_DIR",
    key: "dataDir",
    example: "_data",
    ja: "編集するデータのフォルダー（既定: _data）",
    en: "The folder of the editors' data (default: _data)",
    schema: absoluteFolder(true),
  },
  {
    name: "IMAGES_DIR",
    key: "imagesDir",
    example: "src/images",
    ja: "写真のフォルダー（既定: src/images）",
    en: "The folder of the editors' images (default: src/images)",
    schema: absoluteFolder(true),
  },
  {
    name: "COOP_CACHE_DIR",
    key: "cacheDir",
    example: ".cache",
    ja: "ビルドのキャッシュのフォルダー（既定: .cache）",
    en: "The folder of the build's caches (default: .cache)",
    schema: absoluteFolder(false),
  },
  {
    name: "PORT",
    key: "port",
    example: "8080",
    ja: "プレビュー（npm start）のポート番号（既定: 8080）",
    en: "The port the preview (npm start) listens on (default: 8080)",
    schema: text.transform((v, ctx) => {
      const port = /^\d{1,5}$/.test(v.trim()) ? Number(v) : NaN;
      if (!(port >= 0 && port <= 65535)) refuse(ctx, "0〜65535 の整数にしてください。", "expected a whole number from 0 to 65535.");
      return port;
    }),
  },
  {
    name: "CHROME_PATH",
    key: "chromePath",
    example: "/usr/bin/chromium",
    ja: "テストが使う Chromium（既定: /usr/bin/chromium）",
    en: "The Chromium the browser tests drive (default: /usr/bin/chromium)",
    schema: text.refine((v) => path.isAbsolute(v), { message: JSON.stringify({ ja: "絶対パスにしてください。", en: "expected an absolute path." }) }),
  },
] as const satisfies ReadonlyArray<Setting<keyof Settings>>;

/** The table README.md shows: each variable, what it does in each language, and an example. */
export const SETTINGS_TABLE: ReadonlyArray<{ name: string; ja: string; en: string; example: string }> = SETTINGS.map(({ name, ja, en, example }) => ({
  name,
  ja,
  en,
  example,
}));

const DEFAULTS = {
  pathPrefix: "/",
  noAdmin: false,
  cmsBranch: "main",
  dataDir: path.join(ROOT, "_data"),
  imagesDir: path.join(ROOT, "src", "images"),
  cacheDir: path.join(ROOT, ".cache"),
  port: 8080,
  chromePath: "/usr/bin/chromium",
};

/** A setting with a wrong value: the message names each such variable, its value and the right form, in both languages. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "SettingsError";
  }
}

/** What the control characters and line breaks in a value look like when shown in a message. */
const shown = (value: string) => JSON.stringify(value);

/** The settings of this process, from the environment; throws SettingsError naming every wrong one. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const settings: Record<string, unknown> = { ...DEFAULTS };
  const problems: string[] = [];
  for (const setting of SETTINGS) {
    const raw = env[setting.name];
    if (raw === undefined || (raw === "" && setting.key !== "noAdmin")) continue;
    const result = (setting.schema as z.ZodType).safeParse(raw);
    if (result.success) {
      settings[setting.key] = result.data;
      continue;
    }
    const said = JSON.parse(result.error.issues[0]!.message) as { ja: string; en: string };
    problems.push(
      `${setting.name}=${shown(raw)}: ${setting.ja}の値が正しくありません。${said.ja}（例: ${setting.name}=${setting.example}）\n` +
        `    ${setting.name} is ${shown(raw)}: ${said.en} For example: ${setting.name}=${setting.example}`,
    );
  }
  if (problems.length) throw new SettingsError(problems);
  return settings as unknown as Settings;
}
