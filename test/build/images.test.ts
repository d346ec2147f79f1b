import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Parser } from "htmlparser2";
import sharp from "sharp";
import { loadData } from "../../scripts/data/load.ts";
import { formatProblem } from "../../scripts/data/problems.ts";
import { IMAGE_SETTINGS, plannedWidths, processImages, type ImageReport } from "../../scripts/steps/images.ts";
import { renderPicture } from "../../scripts/eleventy/picture.ts";
import type { ManifestEntry } from "../../scripts/lib/image-manifest.ts";
import { listFiles } from "../../scripts/lib/files.ts";
import { ROOT, builtSite, dataDir, edit, recordSamples, runBuild, tempDir } from "../helpers.ts";

/** A photo-like JPEG (sky, hills, texture and grain: not a flat drawing, which AVIF would flatter). */
async function makePhoto(file: string, width: number, height: number, orientation?: number): Promise<void> {
  const raw = new Uint8ClampedArray(width * height * 3);
  let seed = 7;
  const grain = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 18;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x / width) * 4000;
      const v = (y / height) * 3000;
      const sky = v < 1350 + 200 * Math.sin(u / 700);
      const texture = 12 * Math.sin(u / 37) * Math.sin(v / 53) + 8 * Math.sin((u + v) / 13);
      const base = sky ? [120 + v / 30, 160 + v / 40, 220 - v / 60] : [70 + 40 * Math.sin(u / 300), 110 + 30 * Math.cos(v / 200), 50];
      const g = grain();
      const i = (y * width + x) * 3;
      raw[i] = base[0]! + texture + g;
      raw[i + 1] = base[1]! + texture + g;
      raw[i + 2] = base[2]! + texture / 2 + g;
    }
  }
  let image = sharp(Buffer.from(raw.buffer), { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 });
  if (orientation) image = image.withMetadata({ orientation });
  await image.toFile(file);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("the image pipeline on a 4000×3000 photo with an EXIF orientation tag", () => {
  const src = tempDir("images-src");
  const cacheDir = tempDir("images-cache");
  const siteDir = tempDir("images-site");
  const run = (extra: Partial<Parameters<typeof processImages>[0]> = {}) => processImages({ srcDir: src, cacheDir, siteDir, ...extra });
  let cold: ImageReport;
  let coldMs = 0;

  it("writes AVIF, WebP and JPEG at 320–1280 px, upright, without metadata, in sRGB", async () => {
    await makePhoto(path.join(src, "photo.jpg"), 4000, 3000, 6);
    expect((await sharp(path.join(src, "photo.jpg")).metadata()).orientation).toBe(6);
    const start = performance.now();
    cold = await run();
    coldMs = performance.now() - start;
    expect(cold.problems).toEqual([]);
    expect(cold.encoded).toBe(1);
    const entry = cold.manifest["photo.jpg"]!;
    // Orientation 6 turns the stored 4000×3000 into a 3000×4000 portrait.
    expect([entry.width, entry.height]).toEqual([1280, 1707]);
    for (const format of ["avif", "webp", "jpeg"] as const) {
      expect(entry.variants[format].map((v) => v.width)).toEqual([320, 640, 960, 1280]);
      for (const variant of entry.variants[format]) {
        expect(variant.url).toMatch(new RegExp(`^/img/photo-[0-9a-f]{10}-${variant.width}\\.(avif|webp|jpg)$`));
        const file = path.join(siteDir, variant.url);
        expect(statSync(file).size).toBe(variant.bytes);
        const meta = await sharp(file).metadata();
        expect(meta.height).toBeGreaterThan(meta.width);
        expect(meta.exif).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        expect(meta.space).toBe("srgb");
      }
    }
  });

  it("makes the AVIF at 640 px at most 40 % of the JPEG's bytes", () => {
    const entry = cold.manifest["photo.jpg"]!;
    const bytes = (format: "avif" | "webp" | "jpeg") => entry.variants[format].find((v) => v.width === 640)!.bytes;
    const ratio = bytes("avif") / bytes("jpeg");
    console.log(
      `Test photo at 640 px: AVIF ${bytes("avif")} B, WebP ${bytes("webp")} B, JPEG ${bytes("jpeg")} B; AVIF/JPEG = ${(ratio * 100).toFixed(1)} %\n` +
        `  ${kb(cold.bytesIn)} in → ${kb(cold.bytesOut)} out (${cold.files} files), ${kb(cold.bytesIn - cold.bytesOut)} saved`,
    );
    expect(ratio).toBeLessThanOrEqual(0.4);
  });

  it("re-encodes nothing on a second run, and writes the same files", async () => {
    const before = readdirSync(path.join(siteDir, "img")).map((f) => [f, readFileSync(path.join(siteDir, "img", f)).toString("base64")]);
    const start = performance.now();
    const again = await run();
    const cachedMs = performance.now() - start;
    console.log(`Test photo: cold ${(coldMs / 1000).toFixed(2)} s, cached ${(cachedMs / 1000).toFixed(3)} s`);
    expect([again.encoded, again.cached]).toEqual([0, 1]);
    expect(again.manifest).toEqual(cold.manifest);
    const after = readdirSync(path.join(siteDir, "img")).map((f) => [f, readFileSync(path.join(siteDir, "img", f)).toString("base64")]);
    expect(after).toEqual(before);
  });

  it("encodes again, under new names, when the settings change", async () => {
    const changed = await run({ settings: { ...IMAGE_SETTINGS, jpeg: { ...IMAGE_SETTINGS.jpeg, quality: 60 } }, siteDir: tempDir("images-site-q60") });
    expect(changed.encoded).toBe(1);
    expect(changed.manifest["photo.jpg"]!.variants.jpeg[0]!.url).not.toBe(cold.manifest["photo.jpg"]!.variants.jpeg[0]!.url);
  });
});

describe("image encoding", () => {
  it("is deterministic: the same source encodes to the same bytes in a fresh cache", async () => {
    const src = tempDir("images-det");
    await makePhoto(path.join(src, "small.jpg"), 1000, 750);
    const digest = (report: ImageReport, site: string) =>
      Object.values(report.manifest["small.jpg"]!.variants)
        .flat()
        .map((v) =>
          createHash("sha256")
            .update(readFileSync(path.join(site, v.url)))
            .digest("hex"),
        );
    const [siteA, siteB] = [tempDir("images-det-a"), tempDir("images-det-b")];
    const a = await processImages({ srcDir: src, cacheDir: tempDir("images-det-cache-a"), siteDir: siteA });
    const b = await processImages({ srcDir: src, cacheDir: tempDir("images-det-cache-b"), siteDir: siteB, concurrency: 1 });
    expect(b.encoded).toBe(1);
    expect(digest(b, siteB)).toEqual(digest(a, siteA));
    // Never upscaled: 1000 px wide gives 320, 640, 960 and 1000.
    expect(a.manifest["small.jpg"]!.variants.avif.map((v) => v.width)).toEqual([320, 640, 960, 1000]);
  });

  it("plans widths up to the source's own, never beyond", () => {
    expect(plannedWidths(4000, [320, 640, 960, 1280])).toEqual([320, 640, 960, 1280]);
    expect(plannedWidths(1280, [320, 640, 960, 1280])).toEqual([320, 640, 960, 1280]);
    expect(plannedWidths(700, [320, 640, 960, 1280])).toEqual([320, 640, 700]);
    expect(plannedWidths(200, [320, 640, 960, 1280])).toEqual([200]);
  });
});

describe("bad images are reported at the YAML line that names them", () => {
  it("names the file and line of a corrupt file, a non-image, a too-large and a too-small image", async () => {
    const images = tempDir("images-bad");
    await makePhoto(path.join(images, "good.jpg"), 800, 600);
    const good = readFileSync(path.join(images, "good.jpg"));
    writeFileSync(path.join(images, "broken.jpg"), good.subarray(0, good.length / 2));
    writeFileSync(path.join(images, "notes.jpg"), "これは画像ではありません\n");
    await makePhoto(path.join(images, "poster.jpg"), 2000, 1500);
    await makePhoto(path.join(images, "tiny.jpg"), 200, 150);
    writeFileSync(path.join(images, "unused.png"), "not a png");
    const data = dataDir("minimal");
    edit(data, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nimage: broken.jpg\nimageAlt: { ja: 写真 }");
    edit(data, "interviews.yaml", "  qa:", "  portrait: notes.jpg\n  portraitAlt: { ja: 写真 }\n  qa:");
    edit(
      data,
      "pages.yaml",
      "description: { ja: 会社紹介のページです。, en: The About us page. }",
      "description: { ja: 会社紹介のページです。, en: The About us page. }\n  hero: poster.jpg\n  heroDecorative: true",
    );
    edit(
      data,
      "sites/saitama/fujimino-day-service.yaml",
      'postcode: "３５６-０００１"',
      'postcode: "３５６-０００１"\nimage: tiny.jpg\nimageAlt: { ja: 写真, en: Photo }',
    );
    recordSamples(data); // the sample site given a picture stays a sample, as if made so
    const loaded = loadData(data, { imagesDir: images });
    expect(loaded.problems.errors.map(formatProblem)).toEqual([]);

    const report = await processImages({
      srcDir: images,
      refs: loaded.imageRefs,
      cacheDir: tempDir("images-bad-cache"),
      settings: { ...IMAGE_SETTINGS, maxPixels: 2_000_000 },
    });
    const at = (p: { file: string; line: number }) => `${p.file.split(path.sep).join("/")}:${p.line}`;
    const errors = report.problems.filter((p) => p.severity === "error");
    const warnings = report.problems.filter((p) => p.severity === "warning");
    expect(errors.map((p) => `${at(p)} ${p.en}`).sort()).toEqual([
      expect.stringMatching(/interviews\.yaml:7 The image "notes\.jpg" cannot be read/),
      expect.stringMatching(/pages\.yaml:7 The image "poster\.jpg" is too large \(2000×1500 pixels, 3 megapixels\); expected at most 2 megapixels/),
      expect.stringMatching(/sites\/tokyo\/edogawa-sample-1\.yaml:6 The image "broken\.jpg" cannot be read: the file is damaged or is not an image/),
    ]);
    expect(errors.find((p) => p.en.includes("broken.jpg"))!.ja).toMatch(/^画像「broken\.jpg」を読み込めません。/);
    expect(warnings.map((p) => `${at(p)} ${p.en}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/sites\/saitama\/fujimino-day-service\.yaml:7 The image "tiny\.jpg" is small \(200 pixels wide\)/),
        expect.stringMatching(/unused\.png:1 The image "unused\.png" cannot be read.* No record names it/),
      ]),
    );
    // The site can still be right: the small image is used at its own width, never enlarged.
    expect(report.manifest["tiny.jpg"]!.variants.avif.map((v) => v.width)).toEqual([200]);
    expect(report.manifest["good.jpg"]).toBeDefined();
    expect(report.manifest["broken.jpg"]).toBeUndefined();
  });

  it("requires alt text for an image unless it is marked decorative", () => {
    const data = dataDir("minimal");
    edit(data, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nimage: no-alt.jpg");
    edit(data, "interviews.yaml", "  qa:", "  portrait: decoration.jpg\n  portraitDecorative: true\n  qa:");
    const { problems } = loadData(data);
    expect(problems.errors.map((p) => `${p.file.split(path.sep).join("/")}:${p.line}: ${p.en}`)).toEqual([
      expect.stringMatching(
        /sites\/tokyo\/edogawa-sample-1\.yaml:6: "image of edogawa-sample-1 \(（サンプル）江戸川区 デイサービス 1\)" has no alt text; expected imageAlt \{ ja, en \} saying what the image shows, or imageDecorative: true/,
      ),
    ]);
  });

  it("refuses a file name outside src/images/ or in a format the pipeline cannot read", () => {
    const data = dataDir("minimal");
    edit(data, "sites/tokyo/edogawa-sample-1.yaml", "areas: [day-service]", "areas: [day-service]\nimage: ../secret.jpg\nimageDecorative: true");
    edit(data, "interviews.yaml", "  qa:", "  portrait: photo.heic\n  portraitDecorative: true\n  qa:");
    const { problems } = loadData(data);
    expect(problems.errors.map((p) => p.en).sort()).toEqual([
      expect.stringContaining(
        '"image of edogawa-sample-1 (（サンプル）江戸川区 デイサービス 1)" is "../secret.jpg"; expected the name of a JPEG, PNG, WebP, AVIF or SVG file under src/images/',
      ),
      expect.stringContaining('"portrait of sample-person (見本 花子さん)" is "photo.heic"; expected the name of a JPEG, PNG, WebP, AVIF or SVG file'),
    ]);
  });
});

describe("<picture> markup", () => {
  const entry: ManifestEntry = {
    width: 1280,
    height: 720,
    variants: {
      avif: [320, 640].map((w) => ({ width: w, height: w * 0.5625, url: `/img/a-0123456789-${w}.avif`, bytes: 1 })),
      webp: [320, 640].map((w) => ({ width: w, height: w * 0.5625, url: `/img/a-0123456789-${w}.webp`, bytes: 1 })),
      jpeg: [320, 640].map((w) => ({ width: w, height: w * 0.5625, url: `/img/a-0123456789-${w}.jpg`, bytes: 1 })),
    },
  };

  it("has width, height, alt, lazy loading and the path prefix", () => {
    const html = renderPicture(entry, { ja: "写真", en: 'A "photo"' }, "en", "/coop/");
    expect(html).toContain('<source type="image/avif" srcset="/coop/img/a-0123456789-320.avif 320w,/coop/img/a-0123456789-640.avif 640w"');
    expect(html).toContain('<source type="image/webp"');
    expect(html).toMatch(
      /<img src="\/coop\/img\/a-0123456789-640\.jpg" srcset="[^"]+" sizes="[^"]+" width="1280" height="720" alt="A &quot;photo&quot;" loading="lazy" decoding="async"><\/picture>$/,
    );
  });

  it("marks the hero for early loading, a Japanese fallback alt with lang, and a decorative image with an empty alt", () => {
    expect(renderPicture(entry, { ja: "写真" }, "en", "/", { hero: true })).toMatch(/ alt="写真" lang="ja" fetchpriority="high"><\/picture>$/);
    expect(renderPicture(entry, undefined, "ja", "/", { decorative: true })).toContain(' alt="" loading="lazy"');
    expect(() => renderPicture(entry, undefined, "ja", "/")).toThrow(/decorative/);
  });
});

describe("a build with an editor's photo", () => {
  it("shows it as the site's hero and on the business page, then keeps that build when the photo is replaced by a broken file", async () => {
    const images = tempDir("build-images");
    await makePhoto(path.join(images, "fujimino.jpg"), 1600, 1200);
    const data = dataDir("minimal");
    edit(
      data,
      "sites/saitama/fujimino-day-service.yaml",
      'postcode: "３５６-０００１"',
      'postcode: "３５６-０００１"\nimage: fujimino.jpg\nimageAlt: { ja: デイサービスの畑, en: The day service garden }',
    );
    const out = path.join(tempDir("build-images-out"), "_site");
    const good = runBuild(out, { DATA_DIR: data, IMAGES_DIR: images, PATH_PREFIX: "/coop/" });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Images: 1 source\(s\) → 12 files in img\//);
    const site = readFileSync(path.join(out, "en/sites/fujimino-day-service/index.html"), "utf8");
    expect(site).toMatch(/<picture><source type="image\/avif" srcset="\/coop\/img\/fujimino-[0-9a-f]{10}-320\.avif 320w,/);
    expect(site).toMatch(/alt="The day service garden" fetchpriority="high">/);
    expect(readFileSync(path.join(out, "business/index.html"), "utf8")).toMatch(/alt="デイサービスの畑" loading="lazy" decoding="async">/);
    const before = Object.fromEntries(
      listFiles(out).map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(path.join(out, f)))
          .digest("hex"),
      ]),
    );

    writeFileSync(path.join(images, "fujimino.jpg"), readFileSync(path.join(images, "fujimino.jpg")).subarray(0, 2000));
    const bad = runBuild(out, { DATA_DIR: data, IMAGES_DIR: images, PATH_PREFIX: "/coop/" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/sites\/saitama\/fujimino-day-service\.yaml:7:\d+: 画像「fujimino\.jpg」を読み込めません。/);
    expect(bad.stderr).toContain('The image "fujimino.jpg" cannot be read');
    expect(bad.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
    const after = Object.fromEntries(
      listFiles(out).map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(path.join(out, f)))
          .digest("hex"),
      ]),
    );
    expect(after).toEqual(before);
  });
});

/** The width a `sizes` attribute gives at a viewport width (the forms picture.ts writes). */
function slotWidth(sizes: string, viewport: number): number {
  const length = (expr: string): number => {
    const calc = /^calc\((.+)\)$/.exec(expr.trim());
    if (calc) {
      const [a, op, b] = calc[1]!.split(/\s+([-+])\s+/);
      return op === "-" ? length(a!) - length(b!) : length(a!) + length(b!);
    }
    const [, n, unit] = /^([\d.]+)(rem|px|vw)$/.exec(expr.trim())!;
    return Number(n) * (unit === "rem" ? 16 : unit === "vw" ? viewport / 100 : 1);
  };
  for (const part of sizes.split(/,(?![^(]*\))/)) {
    const m = /^\s*(?:\(min-width:\s*([\d.]+)(r?em|px)\)\s*)?(.+)$/.exec(part)!;
    if (m[1] && Number(m[1]) * (m[2] === "px" ? 1 : 16) > viewport) continue;
    return length(m[3]!);
  }
  return viewport;
}

interface PictureScan {
  avif: Array<{ url: string; width: number }>;
  sizes: string;
  lazy: boolean;
}

describe("the real build's images", () => {
  const dir = builtSite();
  const pages = listFiles(dir, ".html");
  const imgs: Array<{ page: string; attrs: Record<string, string>; inPicture: boolean }> = [];
  const pictures = new Map<string, PictureScan[]>();
  const sourceTypes = new Map<string, string[]>();
  for (const page of pages) {
    let current: PictureScan | null = null;
    const parser = new Parser({
      onopentag(tag, attrs) {
        if (tag === "picture") current = { avif: [], sizes: "", lazy: false };
        if (tag === "source" && current) {
          sourceTypes.set(page, [...(sourceTypes.get(page) ?? []), attrs.type ?? ""]);
          if (attrs.type === "image/avif") {
            current.avif = attrs.srcset!.split(",").map((c) => ({ url: c.trim().split(/\s+/)[0]!, width: Number.parseInt(c.trim().split(/\s+/)[1]!, 10) }));
            current.sizes = attrs.sizes!;
          }
        }
        if (tag === "img") {
          imgs.push({ page, attrs, inPicture: current !== null });
          if (current) current.lazy = attrs.loading === "lazy";
        }
      },
      onclosetag(tag) {
        if (tag === "picture" && current) {
          pictures.set(page, [...(pictures.get(page) ?? []), current]);
          current = null;
        }
      },
    });
    parser.end(readFileSync(path.join(dir, page), "utf8"));
  }

  it("gives every <img> a width, a height and an alt, and offers AVIF and WebP", () => {
    expect(imgs.length).toBeGreaterThanOrEqual(12);
    for (const { page, attrs, inPicture } of imgs) {
      expect(attrs.width, page).toMatch(/^\d+$/);
      expect(attrs.height, page).toMatch(/^\d+$/);
      expect(attrs.alt, page).toBeDefined();
      if (!inPicture) continue;
      expect(attrs.srcset, page).toBeTruthy();
      expect(sourceTypes.get(page), page).toEqual(expect.arrayContaining(["image/avif", "image/webp"]));
    }
  });

  it("loads at most one image with high priority per page and the others lazily", () => {
    for (const page of new Set(imgs.map((i) => i.page))) {
      const here = imgs.filter((i) => i.page === page && i.inPicture);
      expect(here.filter((i) => i.attrs.fetchpriority === "high").length, page).toBeLessThanOrEqual(1);
      for (const { attrs } of here.filter((i) => i.attrs.fetchpriority !== "high")) {
        expect([attrs.loading, attrs.decoding], page).toEqual(["lazy", "async"]);
      }
    }
  });

  it("marks the sample illustrations as samples in their alt text", () => {
    // A decorative copy (alt="", a card's picture beside its title) has nothing to mark.
    const alts = imgs.filter((i) => i.inPicture && i.attrs.alt !== "").map((i) => i.attrs.alt!);
    for (const alt of alts) expect(alt).toMatch(/^(イラスト（サンプル）|Illustration \(sample\))/);
    expect(new Set(imgs.filter((i) => i.inPicture).map((i) => i.page))).toEqual(
      new Set(
        [
          "",
          "sites/tokorozawa-tofu-confectionery/",
          "sites/fujimino-day-service/",
          "sites/nasu-minna-no-ouchi/",
          "interviews/kimoto-shiori/",
          "business/",
        ].flatMap((p) => [`${p}index.html`, `en/${p}index.html`]),
      ),
    );
  });

  it("keeps what a 390 px phone loads before scrolling within 60 KB", () => {
    // Counted generously: every image of the page, eager or lazy (a browser fetches lazy images
    // some way below the fold, further on slow connections), as the AVIF the browser picks.
    const rows: string[] = [];
    let worst = 0;
    for (const [page, list] of [...pictures].sort()) {
      const figures = [1, 2, 3].map((dpr) => {
        const bytes = (lazy: boolean) =>
          list
            .filter((p) => lazy || !p.lazy)
            .reduce((sum, p) => {
              const need = slotWidth(p.sizes, 390) * dpr;
              const pick = p.avif.find((c) => c.width >= need) ?? p.avif[p.avif.length - 1]!;
              return sum + statSync(path.join(dir, pick.url)).size;
            }, 0);
        return { eager: bytes(false), all: bytes(true) };
      });
      worst = Math.max(worst, ...figures.map((f) => f.all));
      rows.push(`  ${page.padEnd(45)} ${figures.map((f, i) => `${i + 1}x ${kb(f.eager)} (all ${kb(f.all)})`).join("  ")}`);
    }
    console.log(`Images loaded before scrolling at 390 px (eager, and all images of the page), AVIF:\n${rows.join("\n")}`);
    expect(worst).toBeLessThanOrEqual(60 * 1024);
  });

  it("re-encodes nothing when the images are built again without a change", async () => {
    const { loadDb } = await import("../../scripts/data/db.ts");
    const { CACHE_FOLDER } = await import("../../scripts/steps/images.ts");
    const { readSettings } = await import("../../scripts/lib/settings.ts");
    const settings = readSettings();
    const cacheDir = path.join(settings.cacheDir, CACHE_FOLDER);
    const entries = () =>
      readdirSync(cacheDir)
        .filter((name) => !name.includes(".tmp-"))
        .map((name) => `${name} ${statSync(path.join(cacheDir, name, "entry.json")).size}`)
        .sort();
    const before = entries();
    const report = await processImages({ refs: loadDb(settings).imageRefs, srcDir: settings.imagesDir, cacheDir });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect([report.encoded, report.cached]).toEqual([0, report.sources]);
    // The production build of this run filled the cache: the same entries serve, none is added.
    expect(entries()).toEqual(before);
    expect(before.length).toBeGreaterThanOrEqual(report.sources);
  });
});
