// Filters and globals for the Nunjucks templates. Each reads the page's language from `p.lang`,
// so a template never branches on the language itself.
import MarkdownIt from "markdown-it";
import nunjucks from "nunjucks";
import type { Faq } from "../data/schema.ts";
import type { Db, JobRecord, PageEntry, SiteRecord } from "../data/db.ts";
import type { TemplateContext, TemplateFunctions } from "./types.ts";
import { escapeHtml, formatDate, formatYen, localizeHtml, payLine, pick, translate, translateHtml, type Localized } from "../lib/i18n.ts";
import { breadcrumbJsonLd, faqJsonLd, jobPostingJsonLd, mapUrl, organizationJsonLd } from "./structured-data.ts";
import { absoluteUrl, assetHref, href, otherLang, pageRules, type Lang } from "../lib/pages.ts";
import { contentSecurityPolicy } from "../lib/csp.ts";
import { stylesheet, stylesheetSlot } from "./css.ts";
import { siteUrl } from "../lib/site-url.ts";
import type { QrCache } from "./qr.ts";
import { withPhraseBreaks } from "./phrases.ts";

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

/** Each Markdown text as HTML: a job's description shows on its page and again in its JSON-LD. */
const rendered = new Map<string, string>();

/** Markdown of a `{ja, en}` field; the Japanese fallback is wrapped in lang="ja". */
export function renderMarkdown(value: Localized, lang: Lang): string {
  const { text, fallback } = pick(value, lang);
  let html = rendered.get(text);
  if (html === undefined) {
    if (rendered.size >= 10_000) rendered.clear(); // the preview's builds after many saves
    rendered.set(text, (html = markdown.render(text)));
  }
  return fallback ? `<div lang="ja">${html}</div>` : html;
}

/** JSON-LD that cannot close its own script element. */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `<script type="application/ld+json">${json}</script>`;
}

export function registerFilters(eleventyConfig: TemplateFunctions, pathPrefix: string, qrCodes: QrCache): void {
  eleventyConfig.addNunjucksGlobal("t", function (key: string, vars?: Record<string, string | number>) {
    return translate(dbOf(this).strings, langOf(this), key, vars);
  });
  eleventyConfig.addFilter("localize", function (value: Localized) {
    return safe(localizeHtml(value, langOf(this)));
  });
  /** A data field as a heading, label or card title: like localize, with breaks between Japanese phrases. */
  eleventyConfig.addFilter("phrase", function (value: Localized) {
    const { text, fallback } = pick(value, langOf(this));
    return safe(fallback ? `<span lang="ja">${withPhraseBreaks(text)}</span>` : withPhraseBreaks(text));
  });
  /** A UI string or other plain text with breaks between its Japanese phrases. */
  eleventyConfig.addFilter("wbr", (text: string) => safe(withPhraseBreaks(String(text))));
  /**
   * Where a site is, in the order of the page's language: "埼玉県 所沢市", "Tokorozawa, Saitama"
   * (strings.yaml, place.line). `linked` makes the prefecture a link to its page.
   */
  eleventyConfig.addFilter("place", function (site: SiteRecord, linked = false) {
    const lang = langOf(this);
    const db = dbOf(this);
    const prefecture = db.prefectureBySlug[site.prefecture]!;
    const name = localizeHtml(prefecture.name, lang);
    return safe(
      translateHtml(db.strings, lang, "place.line", {
        prefecture: linked ? `<a href="${href(`/prefectures/${prefecture.slug}/`, lang, pathPrefix)}">${name}</a>` : name,
        municipality: localizeHtml(site.municipality, lang),
      }),
    );
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
    return absoluteUrl(path, lang ?? langOf(this), pathPrefix, siteUrl(dbOf(this).site));
  });
  eleventyConfig.addFilter("asset", (path: string) => assetHref(path, pathPrefix));
  // The share image's URL and each kind of page's policy are the same on thousands of pages: each
  // is made once per build (the next build's Eleventy registers these filters again).
  const assetUrls = new Map<string, string>();
  eleventyConfig.addFilter("absoluteAsset", function (path: string) {
    const base = siteUrl(dbOf(this).site);
    const key = `${base} ${path}`;
    let url = assetUrls.get(key);
    if (url === undefined) assetUrls.set(key, (url = new URL(assetHref(path, pathPrefix), base).href));
    return url;
  });
  const policies = new Map<string, { css: string; policy: nunjucks.runtime.SafeString }>();
  eleventyConfig.addFilter("csp", function (pagePath: string) {
    const rules = pageRules(pagePath);
    const css = stylesheet(rules.styles);
    const script = Boolean(rules.script);
    const key = `${rules.styles} ${script}`;
    let made = policies.get(key);
    if (made?.css !== css) {
      // Escaped here, as Nunjucks would escape the policy's quotes on every page.
      policies.set(key, (made = { css, policy: safe(escapeHtml(contentSecurityPolicy({ css, script, forMeta: true }))) }));
    }
    return made.policy;
  });
  /** The slot for the page's stylesheet, which its rules choose; the build writes it in (scripts/eleventy/css.ts). */
  eleventyConfig.addFilter("pageCss", (pagePath: string) => safe(stylesheetSlot(pageRules(pagePath).styles)));
  /** The page's own script, if its rules give it one (scripts/lib/pages.ts). */
  eleventyConfig.addFilter("pageScript", (pagePath: string) => pageRules(pagePath).script);
  eleventyConfig.addFilter("otherLang", (lang: Lang) => otherLang(lang));
  /** A job's pay: "時給 1,250円〜1,400円" (the search index writes the same, scripts/steps/search-index.ts). */
  eleventyConfig.addFilter("payLine", function (pay: { unit: string; min: number; max: number }) {
    return payLine(dbOf(this).strings, langOf(this), pay);
  });
  eleventyConfig.addFilter("yen", function (amount: number) {
    return formatYen(amount, langOf(this));
  });
  eleventyConfig.addFilter("date", function (iso: string) {
    return formatDate(iso, langOf(this));
  });
  eleventyConfig.addFilter("jsonLd", (data: unknown) => safe(jsonLdScript(data)));
  eleventyConfig.addFilter("qrSvg", (text: string) => safe(qrCodes.svg(text)));
  eleventyConfig.addFilter("faqJsonLd", (faq: Faq, lang: Lang) => faqJsonLd(faq, lang, renderMarkdown));
  eleventyConfig.addFilter("jobPostingJsonLd", function (job: JobRecord, lang: Lang) {
    const base = siteUrl(dbOf(this).site);
    const urls = {
      page: absoluteUrl(job.path, lang, pathPrefix, base),
      home: absoluteUrl("/", lang, pathPrefix, base),
      logo: new URL(assetHref(this.ctx.logoImage as string, pathPrefix), base).href,
    };
    return jobPostingJsonLd(job, lang, dbOf(this), renderMarkdown, urls);
  });
  eleventyConfig.addFilter("mapUrl", mapUrl);
  eleventyConfig.addFilter("breadcrumbJsonLd", function (entry: PageEntry<unknown>) {
    const base = siteUrl(dbOf(this).site);
    return breadcrumbJsonLd(entry.crumbs, entry, entry.lang, (path) => absoluteUrl(path, entry.lang, pathPrefix, base));
  });
  eleventyConfig.addFilter("organizationJsonLd", function (db: Db, lang: Lang) {
    const base = siteUrl(db.site);
    return organizationJsonLd(db, lang, absoluteUrl("/", lang, pathPrefix, base), new URL(assetHref(this.ctx.logoImage as string, pathPrefix), base).href);
  });
}
