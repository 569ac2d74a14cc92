/**
 * Catapult paging: the `Link` header (`<url>; rel="next",<url>; rel="first"`, docs/wire/
 * ringcentral-and-bandwidth.md §B1) parsed into rel → URL, and a next-page URL turned back into a
 * path under the API base so credentials are never sent to another host. Pure.
 */

export function parseLinks(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const url = match[1];
    const rel = /;\s*rel="?([^";,]+)"?/i.exec(match[2] ?? '')?.[1];
    if (url && rel) for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] = url;
  }
  return links;
}

/** A link as a path relative to `baseUrl` plus its query, or undefined when it points elsewhere. */
export function linkUnderBase(link: string, baseUrl: string): { path: string; searchParams: Record<string, string> } | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(link, baseUrl);
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  return { path: `/${url.pathname.slice(base.pathname.length)}`, searchParams: Object.fromEntries(url.searchParams) };
}

/** The id Catapult gives a created object: the last path segment of its Location. */
export function idFromLocation(location: string | null | undefined): string | undefined {
  if (!location) return undefined;
  const path = location.split(/[?#]/)[0] ?? '';
  const last = path.replace(/\/+$/, '').split('/').pop();
  return last ? decodeURIComponent(last) : undefined;
}
