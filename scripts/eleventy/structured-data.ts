// JSON-LD for search engines: FAQPage, JobPosting. Built from the same records as the pages.
import type { Db, JobRecord, PrefectureRecord, SiteRecord } from "../data/records.ts";
import type { Faq } from "../data/schema.ts";
import { urlComponent } from "../lib/escape.ts";
import { pick } from "../lib/i18n.ts";
import type { Lang, Route } from "../lib/routes.ts";

type Render = (markdownText: { ja: string; en?: string | undefined }, lang: Lang) => string;

export function faqJsonLd(faq: Faq, lang: Lang, render: Render): object {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    inLanguage: lang,
    // A sample answer is shown to people with its badge, never to machines as the organisation's.
    mainEntity: faq.filter((item) => !item.sample).map((item) => ({
      "@type": "Question",
      name: pick(item.q, lang).text,
      acceptedAnswer: { "@type": "Answer", text: render(item.a, lang) },
    })),
  };
}

/** Google's employment types for ours: contract staff work a fixed term, full- or part-time. */
function employmentTypes(job: JobRecord): string[] {
  if (job.employment === "regular") return ["FULL_TIME"];
  if (job.employment === "part-time") return ["PART_TIME"];
  return [job.pay.unit === "HOUR" ? "PART_TIME" : "FULL_TIME", "TEMPORARY"];
}

/**
 * JobPosting for an open job: the fields Google requires and recommends (title, description,
 * datePosted, validThrough, employmentType, hiringOrganization, identifier, jobLocation with a
 * PostalAddress, baseSalary, directApply). A closed job's page carries none.
 */
export function jobPostingJsonLd(job: JobRecord, lang: Lang, db: Db, render: Render, urls: { page: string; home: string; logo: string }): object {
  const text = (value: { ja: string; en?: string | undefined }) => pick(value, lang).text;
  const site = job.site ? db.siteById[job.site] : undefined;
  const prefecture = site ? db.prefectureBySlug[site.prefecture] : undefined;
  const office = db.officeById[job.office]!;
  const address = site
    ? {
        ...(site.address ? { streetAddress: text(site.address) } : {}),
        addressLocality: text(site.municipality),
        addressRegion: text(prefecture!.name),
        ...(site.postcode ? { postalCode: site.postcode } : {}),
      }
    : { addressRegion: text(office.address), ...(office.postcode ? { postalCode: office.postcode } : {}) };
  const organisation = text(db.site.name);
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: text(job.title),
    description: render(job.description, lang),
    url: urls.page,
    identifier: { "@type": "PropertyValue", name: organisation, value: job.id },
    datePosted: job.posted,
    validThrough: `${job.closes}T23:59:59+09:00`,
    employmentType: employmentTypes(job),
    hiringOrganization: { "@type": "Organization", name: organisation, sameAs: urls.home, logo: urls.logo },
    jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", ...address, addressCountry: "JP" } },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "JPY",
      value: { "@type": "QuantitativeValue", minValue: job.pay.min, maxValue: job.pay.max, unitText: job.pay.unit },
    },
    ...(job.applyUrl ? { directApply: true } : {}),
  };
}

/** A link to open the place on OpenStreetMap: exact when coordinates are known, a search otherwise. */
export function mapUrl(site: SiteRecord, prefecture: PrefectureRecord): string {
  if (site.lat !== undefined && site.lon !== undefined) {
    const [lat, lon] = [urlComponent(String(site.lat)), urlComponent(String(site.lon))];
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
  }
  const query = [prefecture.name.ja, site.municipality.ja, site.address?.ja].filter(Boolean).join(" ");
  return `https://www.openstreetmap.org/search?query=${urlComponent(query)}`;
}

/** BreadcrumbList for a page: its crumbs, then the page itself. */
type Titled = Route & { title: { ja: string; en?: string | undefined } };
export function breadcrumbJsonLd(crumbs: readonly Titled[], self: Titled, lang: Lang, url: (to: Route) => string): object {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [...crumbs, self].map((crumb, i) => ({ "@type": "ListItem", position: i + 1, name: pick(crumb.title, lang).text, item: url(crumb) })),
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
