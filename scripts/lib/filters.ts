// Filters and globals for the Nunjucks templates. Each reads the page's language from `p.lang`,
// so a template never branches on the language itself.
import MarkdownIt from "markdown-it";
import nunjucks from "nunjucks";
import type { Faq, Job, Localized } from "../../_data/schema.ts";
import type { Db, PageEntry } from "../../_data/db.ts";
import type { TemplateContext, TemplateFunctions } from "./eleventy-types.ts";
import { formatDate, formatYen, localizeHtml, pick, translate } from "./i18n.ts";
import { breadcrumbJsonLd, faqJsonLd, jobPostingJsonLd, mapUrl, organizationJsonLd } from "./structured-data.ts";
import { absoluteUrl, href, normalizePrefix, otherLang, type Lang } from "./urls.ts";
import { contentSecurityPolicy } from "./csp.ts";

// Raw HTML off; markdown-it's own link validation already refuses javascript: and data: URLs.
export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const safe = (html: string) => new nunjucks.runtime.SafeString(html);

function langOf(context: TemplateContext): Lang {
  const lang = context.ctx.p?.lang;
  if (lang !== "ja" && lang !== "en") throw new Error("This template has no page language (p.lang)");
  return lang;
}
function dbOf(context: TemplateContext): Db {
  return context.ctx.db as Db;
}

/** Markdown of a `{ja, en}` field; the Japanese fallback is wrapped in lang="ja". */
export function renderMarkdown(value: Localized, lang: Lang): string {
  const { text, fallback } = pick(value, lang);
  const html = markdown.render(text);
  return fallback ? `<div lang="ja">${html}</div>` : html;
}

/** JSON-LD that cannot close its own script element. */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `<script type="application/ld+json">${json}</script>`;
}

export function registerFilters(eleventyConfig: TemplateFunctions, pathPrefix: string): void {
  eleventyConfig.addNunjucksGlobal("t", function (key: string, vars?: Record<string, string | number>) {
    return translate(dbOf(this).strings, langOf(this), key, vars);
  });
  eleventyConfig.addFilter("localize", function (value: Localized) {
    return safe(localizeHtml(value, langOf(this)));
  });
  eleventyConfig.addFilter("localizeText", function (value: Localized) {
    return pick(value, langOf(this)).text;
  });
  eleventyConfig.addFilter("markdown", function (value: Localized) {
    return safe(renderMarkdown(value, langOf(this)));
  });
  eleventyConfig.addFilter("href", function (path: string, lang?: Lang) {
    return href(path, lang ?? langOf(this), pathPrefix);
  });
  eleventyConfig.addFilter("absoluteUrl", function (path: string, lang?: Lang) {
    const base = process.env.SITE_URL ?? dbOf(this).site.url;
    return absoluteUrl(path, lang ?? langOf(this), pathPrefix, base);
  });
  eleventyConfig.addFilter("asset", (path: string) => normalizePrefix(pathPrefix) + path.replace(/^\//, ""));
  eleventyConfig.addFilter("absoluteAsset", function (path: string) {
    return new URL(normalizePrefix(pathPrefix) + path.replace(/^\//, ""), process.env.SITE_URL ?? dbOf(this).site.url).href;
  });
  eleventyConfig.addFilter("csp", function (pagePath: string) {
    return contentSecurityPolicy({ css: this.ctx.css as string, search: pagePath === "/search/", forMeta: true });
  });
  eleventyConfig.addFilter("otherLang", (lang: Lang) => otherLang(lang));
  eleventyConfig.addFilter("yen", function (amount: number) {
    return formatYen(amount, langOf(this));
  });
  eleventyConfig.addFilter("date", function (iso: string) {
    return formatDate(iso, langOf(this));
  });
  eleventyConfig.addFilter("jsonLd", (data: unknown) => safe(jsonLdScript(data)));
  eleventyConfig.addFilter("faqJsonLd", (faq: Faq, lang: Lang) => faqJsonLd(faq, lang, renderMarkdown));
  eleventyConfig.addFilter("jobPostingJsonLd", function (job: Job, lang: Lang) {
    return jobPostingJsonLd(job, lang, dbOf(this), renderMarkdown, process.env.SITE_URL ?? dbOf(this).site.url);
  });
  eleventyConfig.addFilter("mapUrl", mapUrl);
  eleventyConfig.addFilter("breadcrumbJsonLd", function (entry: PageEntry<unknown>) {
    const base = process.env.SITE_URL ?? dbOf(this).site.url;
    return breadcrumbJsonLd(entry.crumbs, entry, entry.lang, (path) => absoluteUrl(path, entry.lang, pathPrefix, base));
  });
  eleventyConfig.addFilter("organizationJsonLd", function (db: Db, lang: Lang) {
    const base = process.env.SITE_URL ?? db.site.url;
    return organizationJsonLd(db, lang, absoluteUrl("/", lang, pathPrefix, base), new URL(`${normalizePrefix(pathPrefix)}favicon.svg`, base).href);
  });
}
