// The `picture()` template global: <picture> with AVIF and WebP sources and a JPEG <img> that has
// width, height (no layout shift) and alt, from the manifest that scripts/images.ts writes.
import nunjucks from "nunjucks";
import type { TemplateContext, TemplateFunctions } from "./types.ts";
import type { BuildContext } from "./context.ts";
import { escapeHtml } from "../lib/escape.ts";
import { pick, type Localized } from "../lib/i18n.ts";
import { assetHref, type Lang } from "../lib/routes.ts";
import type { ImageFormat, ImageVariant, ManifestEntry } from "../lib/image-manifest.ts";

/** The slot of an image as wide as the content column (see --measure in site.css). */
const CONTENT_SIZES = "(min-width:46rem) 44rem,calc(100vw - 2rem)";

export interface PictureOptions {
  /** The `sizes` attribute: the image's CSS width (default: the content column). */
  sizes?: string;
  /** The one large image at the top of the page: fetched first, never lazily. */
  hero?: boolean;
  /** Decoration only: `alt=""`, and no alt text is needed. */
  decorative?: boolean;
  class?: string;
}

const TYPES: Record<ImageFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };

/** The <picture> markup; kept tight because every page must fit the first round trip. */
export function renderPicture(entry: ManifestEntry, alt: Localized | undefined, lang: Lang, prefix: string, options: PictureOptions = {}): string {
  const sizes = options.sizes ?? CONTENT_SIZES;
  const url = (variant: ImageVariant) => escapeHtml(assetHref(variant.url, prefix));
  const srcset = (format: ImageFormat) => entry.variants[format].map((v) => `${url(v)} ${v.width}w`).join(",");
  let altAttr = 'alt=""';
  if (!options.decorative) {
    if (!alt) throw new Error("An image without alt text must be marked decorative (imageDecorative: true)");
    const { text, fallback } = pick(alt, lang);
    altAttr = `alt="${escapeHtml(text)}"${fallback ? ' lang="ja"' : ""}`;
  }
  const jpeg = entry.variants.jpeg;
  const fallback = jpeg.find((v) => v.width >= 640) ?? jpeg[jpeg.length - 1]!;
  const loading = options.hero ? ' fetchpriority="high"' : ' loading="lazy" decoding="async"';
  const sources = (["avif", "webp"] as const).map((format) => `<source type="${TYPES[format]}" srcset="${srcset(format)}" sizes="${sizes}">`).join("");
  const cls = options.class ? ` class="${escapeHtml(options.class)}"` : "";
  return `<picture${cls}>${sources}<img src="${url(fallback)}" srcset="${srcset("jpeg")}" sizes="${sizes}" width="${entry.width}" height="${entry.height}" ${altAttr}${loading}></picture>`;
}

/**
 * `{{ picture(site.image, site.imageAlt, { hero: true, decorative: site.imageDecorative }) }}`, from
 * the manifest that the images step made when Eleventy started (eleventy.config.ts).
 */
export function registerPicture(templates: TemplateFunctions, context: BuildContext): void {
  templates.addGlobal("picture", function (this: TemplateContext, image: string, alt?: Localized, options?: PictureOptions) {
    const lang = this.ctx.p?.lang as Lang | undefined;
    if (lang !== "ja" && lang !== "en") throw new Error("picture() needs the page language (p.lang)");
    const entry = context.images?.manifest[image];
    if (!entry) throw new Error(`The image "${image}" is not in the image manifest: the images step did not run or reported a problem.`);
    return new nunjucks.runtime.SafeString(renderPicture(entry, alt, lang, context.settings.pathPrefix, options));
  });
}
