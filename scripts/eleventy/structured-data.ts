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
    mainEntity: faq
      .filter((item) => !item.sample)
      .map((item) => ({
        "@type": "Question",
        name: pick(item.q, lang).text,
        acceptedAnswer: { "@type": "Answer", text: render(item.a, lang) },
      })),
  };
}

/**
 * Google's employment types for a job: by its hours, not its label (FULL_TIME at or above the
 * organisation's full-time hours, else PART_TIME), and TEMPORARY besides for contract staff, who
 * work a fixed term. Not CONTRACTOR: Google's word for someone contracted rather than salaried,
 * which 契約職員 (fixed-term employees) are not.
 */
export function employmentTypes(job: Pick<JobRecord, "employment" | "schedule">, fullTimeHoursPerWeek: number): string[] {
  const hours = job.schedule.hoursPerWeek >= fullTimeHoursPerWeek ? "FULL_TIME" : "PART_TIME";
  return job.employment === "contract" ? [hours, "TEMPORARY"] : [hours];
}

/**
 * Whether applying counts as direct under Google's definition: the application can be started
 * on the page itself. Applying by phone or email does not; nor does a form on another site
 * (Google Forms and the like). Only an application form on the site's own address does.
 */
export function appliesDirectly(job: Pick<JobRecord, "applyUrl">, siteUrl: string): boolean {
  if (!job.applyUrl) return false;
  return new URL(job.applyUrl).origin === new URL(siteUrl).origin;
}

/** The pay Google calls the base salary: monthly pay less fixed overtime pay (overtime, not base pay); hourly and daily pay as they are. */
function baseSalary(job: JobRecord): { minValue: number; maxValue: number; unitText: string } {
  const overtime = job.pay.unit === "MONTH" ? (job.pay.fixedOvertime?.amount ?? 0) : 0;
  return { minValue: job.pay.min - overtime, maxValue: job.pay.max - overtime, unitText: job.pay.unit };
}

/** The prefecture an address starts with (東京都…, 埼玉県…), as offices write theirs. */
function prefectureIn(address: string, db: Db): PrefectureRecord | undefined {
  return db.prefectures.find((p) => address.startsWith(p.name.ja));
}

/**
 * JobPosting for an open job: the fields Google requires and recommends (title, description,
 * datePosted, validThrough, employmentType, hiringOrganization, identifier, jobLocation with a
 * full PostalAddress, baseSalary with its unit, directApply). A closed job's page carries none. A
 * real job's site has its postcode and address (npm run check, scripts/data/job-rules.ts).
 */
export function jobPostingJsonLd(job: JobRecord, lang: Lang, db: Db, render: Render, urls: { page: string; home: string; logo: string }): object {
  const text = (value: { ja: string; en?: string | undefined }) => pick(value, lang).text;
  const site = job.site ? db.siteById[job.site] : undefined;
  const office = db.officeById[job.office]!;
  let address: Record<string, string>;
  if (site) {
    address = {
      ...(site.postcode ? { postalCode: site.postcode } : {}),
      addressRegion: text(db.prefectureBySlug[site.prefecture]!.name),
      addressLocality: text(site.municipality),
      ...(site.address ? { streetAddress: text(site.address) } : {}),
    };
  } else {
    const region = prefectureIn(office.address.ja, db);
    address = {
      ...(office.postcode ? { postalCode: office.postcode } : {}),
      ...(region ? { addressRegion: text(region.name) } : {}),
      streetAddress: text(office.address),
    };
  }
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
    employmentType: employmentTypes(job, db.site.fullTimeHoursPerWeek),
    hiringOrganization: { "@type": "Organization", name: organisation, sameAs: urls.home, logo: urls.logo },
    jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", ...address, addressCountry: "JP" } },
    baseSalary: { "@type": "MonetaryAmount", currency: "JPY", value: { "@type": "QuantitativeValue", ...baseSalary(job) } },
    directApply: appliesDirectly(job, urls.home),
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
