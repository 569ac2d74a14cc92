/**
 * What every provider's error module quotes of the provider's own words (provider-api/sentence-sized.ts):
 * one line, short, no HTML page, no doubled full stop.
 */
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_TEXT, sentenceSized } from '../../../src/main/provider-api/sentence-sized';

describe('sentenceSized', () => {
  it('puts the words on one line and drops the final full stop (the quoting sentence adds its own)', () => {
    expect(sentenceSized('Only an answered call\n  can be held.\r\n')).toBe('Only an answered call can be held');
  });

  it('quotes nothing of an empty body or an HTML page', () => {
    expect(sentenceSized(undefined)).toBeUndefined();
    expect(sentenceSized(' \n ')).toBeUndefined();
    expect(sentenceSized('  <html><body>502 Bad Gateway</body></html>')).toBeUndefined();
  });

  it('cuts a long text with an ellipsis, never inside an emoji', () => {
    const long = sentenceSized('x'.repeat(196) + '📞'.repeat(10));
    expect(Array.from(long ?? '')).toHaveLength(MAX_QUOTED_TEXT - 2);
    expect(long).toBe(`${'x'.repeat(196)}📞…`);
    expect(sentenceSized('y'.repeat(MAX_QUOTED_TEXT))).toBe('y'.repeat(MAX_QUOTED_TEXT));
  });
});
