// What waits for the user when a number arrives from a link or the selection: by default feature codes
// and international numbers; everything, or nothing, when the user says so.
import { describe, expect, it } from 'vitest';
import { countryCodeOf, reasonToAsk } from '../../src/shared/link-dial-policy';
import { migrateSettings } from '../../src/shared/settings-migration';

const US = '+14155550100';

describe('link dial policy', () => {
  it.each([
    ['+14155550123', '1'],
    ['+74951234567', '7'],
    ['+442079460018', '44'],
    ['+4930123456', '49'],
    ['+353123456789', '353'],
    ['+8613800138000', '86'],
    ['5550100', undefined],
    ['sip:a@b.example', undefined],
  ])('country code of %s is %s', (number, code) => {
    expect(countryCodeOf(number)).toBe(code);
  });

  it('by default asks for feature codes and numbers abroad, and dials the rest', () => {
    expect(reasonToAsk('*72' + '5550100', 'askUnusual', US)).toMatch(/feature code/);
    expect(reasonToAsk('#31#5550100', 'askUnusual', US)).toMatch(/feature code/);
    expect(reasonToAsk('+442079460018', 'askUnusual', US)).toMatch(/international/);
    expect(reasonToAsk('0044207946001', 'askUnusual', US)).toMatch(/international/);
    expect(reasonToAsk('+14155550123', 'askUnusual', US)).toBeNull();
    expect(reasonToAsk('5550100', 'askUnusual', US)).toBeNull();
    expect(reasonToAsk('alice@example.com', 'askUnusual', US)).toBeNull();
  });

  it('without my own number, any number in international form asks (it cannot be told apart)', () => {
    expect(reasonToAsk('+14155550123', 'askUnusual')).toMatch(/international/);
    expect(reasonToAsk('5550100', 'askUnusual')).toBeNull();
  });

  it('"always ask" asks for everything; "dial at once" for nothing', () => {
    expect(reasonToAsk('5550100', 'askAlways', US)).toMatch(/every number/);
    expect(reasonToAsk('*72' + '5550100', 'dialAtOnce', US)).toBeNull();
    expect(reasonToAsk('+442079460018', 'dialAtOnce', US)).toBeNull();
  });

  it('an earlier settings file: "confirm link dials" on keeps asking for everything; off gets the safer default', () => {
    expect(migrateSettings({ confirmLinkDial: true, provider: 'webex', demo: false })).toEqual({
      value: { linkDial: 'askAlways', provider: 'webex', demo: false },
      migrated: true,
    });
    expect(migrateSettings({ confirmLinkDial: false, provider: 'webex', demo: false })).toEqual({
      value: { linkDial: 'askUnusual', provider: 'webex', demo: false },
      migrated: true,
    });
    expect(migrateSettings({ linkDial: 'dialAtOnce', provider: 'webex', demo: false }).migrated).toBe(false);
  });
});
