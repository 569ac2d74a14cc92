import { describe, expect, it } from 'vitest';
import { idFromLocation, linkUnderBase, parseLinks } from '../../../../src/main/providers/bandwidth/links';

const BASE = 'https://api.catapult.inetwork.com/v1';

describe('Catapult Link and Location headers', () => {
  it('reads rel="first"/"next"/"previous" as python-bandwidth does', () => {
    const header = `<${BASE}/users/u-1/calls?page=0&size=25>; rel="first",<${BASE}/users/u-1/calls?page=2&size=25>; rel="next", <${BASE}/users/u-1/calls?page=0&size=25>; rel="previous"`;
    expect(parseLinks(header)).toEqual({
      first: `${BASE}/users/u-1/calls?page=0&size=25`,
      next: `${BASE}/users/u-1/calls?page=2&size=25`,
      previous: `${BASE}/users/u-1/calls?page=0&size=25`,
    });
    expect(parseLinks(null)).toEqual({});
  });

  it('follows a next page only under the API base: credentials never go to another host', () => {
    expect(linkUnderBase(`${BASE}/users/u-1/calls?page=1&size=25&to=%2B1404`, BASE)).toEqual({
      path: '/users/u-1/calls',
      searchParams: { page: '1', size: '25', to: '+1404' },
    });
    expect(linkUnderBase('https://evil.example.com/v1/users/u-1/calls?page=1', BASE)).toBeUndefined();
    expect(linkUnderBase('https://api.catapult.inetwork.com/v2/users/u-1/calls', BASE)).toBeUndefined();
  });

  it('takes a created id from the last segment of Location', () => {
    expect(idFromLocation(`${BASE}/users/u-1/calls/c-abc123`)).toBe('c-abc123');
    expect(idFromLocation(`${BASE}/users/u-1/calls/c-1/gather/g-9/`)).toBe('g-9');
    expect(idFromLocation(null)).toBeUndefined();
  });
});
