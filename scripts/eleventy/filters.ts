// Filters and globals for the Nunjucks templates. Each reads the page's language from `p.lang`,
// so a template never branches on the language itself, and the build's context (context.ts) from
// the closure it was registered in.
import MarkdownIt from "markdown-it";
import nunjucks from "nunjucks";
import type { Faq } from "../data/schema.ts";
import type { JobRecord, PageEntry, SiteRecord } from "../data/records.ts";
import type { BuildContext } from "./context.ts";
import type { TemplateContext, TemplateFunctions } from "./types.ts";
import { escapeHtml, escapeXml, externalUrl, mailtoUrl, scriptJson, telUrl, textOfHtml } from "../lib/escape.ts";
import {
  formatDate,
  formatYen,
  hoursWithDays,
  localizeHtml,
  payHtml,
  payLine,
  pick,
  scheduleLine,
  translate,
  translateHtml,
  type Localized,
} from "../lib/i18n.ts";
import { breadcrumbJsonLd, faqJsonLd, jobPostingJsonLd, mapUrl, organizationJsonLd } from "./structured-data.ts";
import { absoluteUrl, assetHref, href, otherLang, pageRules, type Lang, type Route } from "../lib/routes.ts";
import { contentSecurityPolicy } from "../lib/csp.ts";
import type { QrCache } from "./qr.ts";
import { withPhraseBreaks } from "./phrases.ts";

// Raw HTML off; markdown-it's own link validation already refuses javascript: and data: URLs.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// A link to a page of the site is written as its language-neutral path, "[福利厚生](/benefits/)":
// it goes to the page in the text's language, under the path prefix (routes.ts).
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const target = String(token.attrGet("href") ?? "");
  const { lang, prefix = "/" } = (env ?? {}) as { lang?: Lang; prefix?: string };
  if (lang && /^\/(?!\/)/.test(target)) token.attrSet("href", href(target, lang, prefix));
  return self.renderToken(tokens, index, options);
};

const safe = (html: string) => new nunjucks.runtime.SafeString(html);

function langOf(context: TemplateContext): Lang {
  const lang = context.ctx.p?.lang;
  if (lang !== "ja" && lang !== "en") throw new Error("This template has no page language (p.lang)");
  return lang;
}

/** Markdown of a `{ja, en}` field; the Japanese fallback is wrapped in lang="ja". Links to the site's pages are its language's, under `prefix`. */
export function renderMarkdown(value: Localized, lang: Lang, prefix = "/"): string {
  const { text, fallback } = pick(value, lang);
  const html = markdown.render(text, { lang, prefix });
  return fallback ? `<div lang="ja">${html}</div>` : html;
}

/** JSON-LD that cannot close its own script element. */
export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${scriptJson(data)}</script>`;
}

/** What every group of filters reads: the build's context, and the helpers made from it once. */
interface FilterContext {
  context: BuildContext;
  db: BuildContext["db"];
  prefix: string;
  /** An absolute URL of a URL from `href` or `link`. */
  absolute: (urlPath: string) => string;
  absoluteAsset: (path: string) => string;
  /** Escaped HTML with <wbr> between Japanese phrases: titles and labels repeat on thousands of pages, so each is cut once a build. */
  phrases: (text: string) => string;
}

export function registerFilters(templates: TemplateFunctions, context: BuildContext, qrCodes: QrCache): void {
  const prefix = context.settings.pathPrefix;
  const absolute = (urlPath: string) => absoluteUrl(urlPath, context.siteUrl);
  const filters: FilterContext = {
    context,
    db: context.db,
    prefix,
    absolute,
    absoluteAsset: (path: string) => absolute(assetHref(path, prefix)),
    phrases: (text: string) => context.memo("phrases", text, () => withPhraseBreaks(text)),
  };
  registerTextFilters(templates, filters);
  registerLinkFilters(templates, filters);
  registerPageFilters(templates, filters);
  registerStructuredData(templates, filters, qrCodes);
}

/** UI strings and data fields in the page's language: as text, HTML, phrases, Markdown, dates and amounts. */
function registerTextFilters(templates: TemplateFunctions, { db, phrases, prefix }: FilterContext): void {
  templates.addGlobal("t", function (key: string, vars?: Record<string, string | number>) {
    return translate(db.strings, langOf(this), key, vars);
  });
  templates.addFilter("localize", function (value: Localized) {
    return safe(localizeHtml(value, langOf(this)));
  });
  /** A data field as a heading, label or card title: like localize, with breaks between Japanese phrases. */
  templates.addFilter("phrase", function (value: Localized) {
    const { text, fallback } = pick(value, langOf(this));
    return safe(fallback ? `<span lang="ja">${phrases(text)}</span>` : phrases(text));
  });
  /** A UI string or other plain text with breaks between its Japanese phrases. */
  templates.addFilter("wbr", (text: string) => safe(phrases(String(text))));
  /**
   * Where a site is, in the order of the page's language: "埼玉県 所沢市", "Tokorozawa, Saitama"
   * (strings.yaml, place.line). `linked` makes the prefecture a link to its page.
   */
  const placeHtml = (site: SiteRecord, lang: Lang, linked: boolean) => {
    const prefecture = db.prefectureBySlug[site.prefecture]!;
    const name = localizeHtml(prefecture.name, lang);
    return translateHtml(db.strings, lang, "place.line", {
      prefecture: linked ? `<a href="${escapeHtml(prefecture.url[lang])}">${name}</a>` : name,
      municipality: localizeHtml(site.municipality, lang),
    });
  };
  templates.addFilter("place", function (site: SiteRecord, linked = false) {
    return safe(placeHtml(site, langOf(this), linked));
  });
  /**
   * A site's full address in the order of the page's language: "〒356-0001 埼玉県 ふじみ野市 福岡1-1" and
   * "1-1 Fukuoka, Fujimino, Saitama 356-0001"; `linked` as for `place`.
   */
  templates.addFilter("address", function (site: SiteRecord, linked = false) {
    const lang = langOf(this);
    const place = placeHtml(site, lang, linked);
    const street = site.address ? localizeHtml(site.address, lang) : "";
    const postcode = site.postcode ? escapeHtml(site.postcode) : "";
    if (lang === "ja") return safe([postcode && `〒${postcode}`, place, street].filter(Boolean).join(" "));
    return safe(`${[street, place].filter(Boolean).join(", ")}${postcode && ` ${postcode}`}`);
  });
  templates.addFilter("localizeText", function (value: Localized) {
    return pick(value, langOf(this)).text;
  });
  templates.addFilter("markdown", function (value: Localized) {
    return safe(renderMarkdown(value, langOf(this), prefix));
  });
  /** Any value as XML text or an attribute value (the feed, the sitemap); HTML is escaped too, as the feed's HTML content. */
  templates.addFilter("xml", (value: unknown) => safe(escapeXml(String(value))));
  /** The text of HTML from a macro, on one line: for a plain-text field such as the feed's summary. */
  templates.addFilter("plainText", (html: unknown) => textOfHtml(String(html)));
  templates.addFilter("otherLang", (lang: Lang) => otherLang(lang));
  /** A job's pay: "時給 1,250円〜1,400円" (the search index writes the same, scripts/steps/search-records.ts). */
  templates.addFilter("payLine", function (pay: { unit: string; min: number; max: number }) {
    return payLine(db.strings, langOf(this), pay);
  });
  /** The same as HTML, each figure kept on one line (it never wraps inside "1,250円"). */
  templates.addFilter("payHtml", function (pay: { unit: string; min: number; max: number }) {
    return safe(payHtml(db.strings, langOf(this), pay));
  });
  /** A job's hours in short, for its card and the top of its page: the times before any note in brackets, and the days a week. */
  templates.addFilter("hoursShort", function (job: JobRecord) {
    const lang = langOf(this);
    return hoursWithDays(db.strings, lang, pick(job.hours, lang).text, job.schedule);
  });
  /** A job's days and hours a week, night shifts and weekends off. */
  templates.addFilter("scheduleLine", function (job: JobRecord) {
    return scheduleLine(db.strings, langOf(this), job.schedule);
  });
  templates.addFilter("yen", function (amount: number) {
    return formatYen(amount, langOf(this));
  });
  templates.addFilter("date", function (iso: string) {
    return formatDate(iso, langOf(this));
  });
}

/** The URLs of the site's pages and files, relative to the path prefix or absolute. */
function registerLinkFilters(templates: TemplateFunctions, { db, prefix, absolute, absoluteAsset }: FilterContext): void {
  /** The URL of one of the site's own pages by name ("recruit", "search"…: db.routes), in the page's language. */
  templates.addGlobal("link", function (name: string, lang?: Lang) {
    const to = db.routes[name];
    if (!to) throw new Error(`No page is called "${name}": expected one of ${Object.keys(db.routes).join(", ")} (scripts/data/db.ts)`);
    return to.url[lang ?? langOf(this)];
  });
  /** A record's (or a page's) URL, in the page's language or the one given. */
  templates.addFilter("href", function (record: Route, lang?: Lang) {
    return record.url[lang ?? langOf(this)];
  });
  /** An absolute URL of a URL from `href` or `link`: canonical links, feeds, the sitemap. */
  templates.addFilter("absolute", absolute);
  templates.addFilter("asset", (path: string) => assetHref(path, prefix));
  templates.addFilter("absoluteAsset", absoluteAsset);
  /** Links from the data that leave the site: a mail with its subject, a phone number, an https address (scripts/lib/escape.ts). */
  templates.addFilter("mailtoUrl", (address: string, subject?: string) => mailtoUrl(address, subject === undefined ? {} : { subject }));
  templates.addFilter("telUrl", telUrl);
  templates.addFilter("externalUrl", externalUrl);
}

/** What a page's rules choose for its <head>: its Content-Security-Policy, stylesheet and script. */
function registerPageFilters(templates: TemplateFunctions, { context }: FilterContext): void {
  /** The page's Content-Security-Policy for its <meta> element: its rules choose its stylesheet and script. */
  templates.addFilter("csp", (pagePath: string) => {
    const rules = pageRules(pagePath);
    const css = context.stylesheets[rules.styles];
    return context.memo("csp", `${rules.styles} ${Boolean(rules.script)}`, () =>
      safe(escapeHtml(contentSecurityPolicy({ css, script: Boolean(rules.script), forMeta: true }))),
    );
  });
  /** The page's stylesheet, which its rules choose. */
  templates.addFilter("pageCss", (pagePath: string) => safe(context.stylesheets[pageRules(pagePath).styles]));
  /** The page's own script, if its rules give it one (scripts/lib/routes.ts). */
  templates.addFilter("pageScript", (pagePath: string) => pageRules(pagePath).script);
}

/** JSON-LD for search engines, a map link and QR codes: what the page says about itself to machines. */
function registerStructuredData(templates: TemplateFunctions, { db, absolute, absoluteAsset }: FilterContext, qrCodes: QrCache): void {
  templates.addFilter("jsonLd", (data: unknown) => safe(jsonLdScript(data)));
  templates.addFilter("qrSvg", (text: string) => safe(qrCodes.svg(text)));
  templates.addFilter("faqJsonLd", (faq: Faq, lang: Lang) => faqJsonLd(faq, lang, renderMarkdown));
  templates.addFilter("jobPostingJsonLd", function (job: JobRecord, lang: Lang) {
    const urls = { page: absolute(job.url[lang]), home: absolute(db.routes.home!.url[lang]), logo: absoluteAsset(this.ctx.logoImage as string) };
    return jobPostingJsonLd(job, lang, db, renderMarkdown, urls);
  });
  templates.addFilter("mapUrl", mapUrl);
  templates.addFilter("breadcrumbJsonLd", (entry: PageEntry<unknown>) =>
    breadcrumbJsonLd(entry.crumbs, entry, entry.lang, (to) => absolute(to.url[entry.lang])),
  );
  templates.addFilter("organizationJsonLd", function (lang: Lang) {
    return organizationJsonLd(db, lang, absolute(db.routes.home!.url[lang]), absoluteAsset(this.ctx.logoImage as string));
  });
}
