/**
 * Paging of GET /calls as Catapult does it (docs/wire/ringcentral-and-bandwidth.md §B1): `page`
 * (default 0) and `size` (default 25, max 1000), and a `Link` header with rel="first", "previous" and
 * "next" on absolute URLs that keep the filters. No state here.
 */
import { SimRefusal } from './errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

function wholeNumber(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw SimRefusal.invalid(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function pageOf<T>(items: readonly T[], query: Record<string, string>, selfUrl: string): { page: T[]; link?: string } {
  const page = wholeNumber(query.page, 'page', 0, 0, 1_000_000);
  const size = wholeNumber(query.size, 'size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const slice = items.slice(page * size, page * size + size);
  const url = (p: number): string => {
    const params = new URLSearchParams({ ...query, page: String(p), size: String(size) });
    return `<${selfUrl}?${params.toString()}>`;
  };
  const links = [`${url(0)}; rel="first"`];
  if (page > 0) links.push(`${url(page - 1)}; rel="previous"`);
  if ((page + 1) * size < items.length) links.push(`${url(page + 1)}; rel="next"`);
  return { page: slice, link: links.join(',') };
}
