// The address the site is published at: SITE_URL when set (the deploy guide's sub-path builds),
// else `url` in site.yaml. Canonical links, hreflang alternates, the sitemap, the feeds and the
// structured data all take it from here.

const bases = new WeakMap<{ url: string }, string>();

/**
 * The site's base URL; throws a one-line message when SITE_URL is not an http(s) URL. Read once
 * for each loaded site.yaml: pages ask about 40,000 times a build, and reading the environment
 * costs a call into Node's C++ each time.
 */
export function siteUrl(site: { url: string }): string {
  let base = bases.get(site);
  if (base === undefined) bases.set(site, (base = readSiteUrl(site)));
  return base;
}

function readSiteUrl(site: { url: string }): string {
  const fromEnv = process.env.SITE_URL;
  if (fromEnv === undefined || fromEnv === "") return site.url;
  let url: URL;
  try {
    url = new URL(fromEnv);
  } catch {
    throw new Error(`SITE_URL "${fromEnv}" is not a URL; expected one such as https://example.org`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`SITE_URL "${fromEnv}" is not an https:// or http:// URL`);
  return fromEnv;
}
