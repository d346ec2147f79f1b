// The address the site is published at: SITE_URL when set (the deploy guide's sub-path builds),
// else `url` in site.yaml. Canonical links, hreflang alternates, the sitemap, the feeds and the
// structured data all take it from here.

/** The site's base URL; throws a one-line message when SITE_URL is not an http(s) URL. */
export function siteUrl(site: { url: string }): string {
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
