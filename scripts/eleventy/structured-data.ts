// JSON-LD for search engines: FAQPage, JobPosting. Built from the same records as the pages.
import type { Db, PrefectureRecord, SiteRecord } from "../data/db.ts";
import type { Faq, Job } from "../data/schema.ts";
import { pick } from "../lib/i18n.ts";
import type { Lang } from "../lib/pages.ts";

type Render = (markdownText: { ja: string; en?: string | undefined }, lang: Lang) => string;

export function faqJsonLd(faq: Faq, lang: Lang, render: Render): object {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    inLanguage: lang,
    mainEntity: faq.map((item) => ({
      "@type": "Question",
      name: pick(item.q, lang).text,
      acceptedAnswer: { "@type": "Answer", text: render(item.a, lang) },
    })),
  };
}

export function jobPostingJsonLd(job: Job, lang: Lang, db: Db, render: Render, orgUrl: string): object {
  const site = job.site ? db.siteById[job.site] : undefined;
  const prefecture = site ? db.prefectureBySlug[site.prefecture] : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: pick(job.title, lang).text,
    description: render(job.description, lang),
    datePosted: job.posted,
    validThrough: `${job.closes}T23:59:59+09:00`,
    employmentType: job.employmentType,
    hiringOrganization: { "@type": "Organization", name: pick(db.site.name, lang).text, sameAs: orgUrl },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressCountry: "JP",
        ...(prefecture ? { addressRegion: pick(prefecture.name, lang).text } : {}),
        ...(site ? { addressLocality: pick(site.municipality, lang).text } : {}),
      },
    },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "JPY",
      value: { "@type": "QuantitativeValue", minValue: job.pay.min, maxValue: job.pay.max, unitText: job.pay.unit },
    },
  };
}

/** A link to open the place on OpenStreetMap: exact when coordinates are known, a search otherwise. */
export function mapUrl(site: SiteRecord, prefecture: PrefectureRecord): string {
  if (site.lat !== undefined && site.lon !== undefined) {
    return `https://www.openstreetmap.org/?mlat=${site.lat}&mlon=${site.lon}#map=16/${site.lat}/${site.lon}`;
  }
  const query = [prefecture.name.ja, site.municipality.ja, site.address?.ja].filter(Boolean).join(" ");
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** BreadcrumbList for a page: its crumbs, then the page itself. */
export function breadcrumbJsonLd(crumbs: Array<{ path: string; title: { ja: string; en?: string | undefined } }>, self: { path: string; title: { ja: string; en?: string | undefined } }, lang: Lang, url: (path: string) => string): object {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [...crumbs, self].map((crumb, i) => ({ "@type": "ListItem", position: i + 1, name: pick(crumb.title, lang).text, item: url(crumb.path) })),
  };
}

export function organizationJsonLd(db: Db, lang: Lang, url: string, logo: string): object {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: pick(db.site.name, lang).text,
    alternateName: [db.site.name.ja, db.site.name.en].filter((name): name is string => Boolean(name) && name !== pick(db.site.name, lang).text),
    url,
    logo,
    description: pick(db.pagesText.home.description, lang).text,
  };
}
