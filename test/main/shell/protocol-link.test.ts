import { describe, expect, it } from 'vitest';
import { destinationFromLink, findLinkInArgv, linkProtocol } from '../../../src/main/shell/protocol-link';

describe('destinationFromLink', () => {
  it.each([
    ['tel:+1-555-010-2030', '+15550102030'],
    ['tel:+1 (555) 010-2030', '+15550102030'],
    ['TEL:+15550102030', '+15550102030'],
    ['tel:%2B1%20555%20010%202030', '+15550102030'],
    ['tel:+15550102030;ext=22', '+15550102030'],
    ['callto:+15550102030', '+15550102030'],
    ['callto://+15550102030/', '+15550102030'],
    ['webextel:5550102030', '5550102030'],
    ['sip:alice@example.com', 'alice@example.com'],
    ['sips:alice@example.com?subject=hi', 'alice@example.com'],
    ['tel:*73', '*73'],
  ])('%s → %s', (link, expected) => {
    expect(destinationFromLink(link)).toEqual({ ok: true, value: expected });
  });

  it.each([['tel:'], ['tel:call-me-maybe'], ['sip:not an address'], ['https://example.com/tel:123'], ['mailto:a@b.com'], ['tel:%E0%A4%A']])(
    '%s is refused with a message',
    (link) => {
      const result = destinationFromLink(link);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('BAD_INPUT');
    },
  );
});

describe('findLinkInArgv', () => {
  it('finds the link among the executable, app path and Chromium switches', () => {
    expect(findLinkInArgv(['/opt/Switchboard/switchboard', '--no-sandbox', 'tel:+15550102030'])).toBe('tel:+15550102030');
    expect(findLinkInArgv(['electron', '/work/app', '--allow-file-access-from-files', 'callto:123'])).toBe('callto:123');
  });

  it('returns null without a link (a plain second start shows the panel instead)', () => {
    expect(findLinkInArgv(['/opt/Switchboard/switchboard'])).toBeNull();
    expect(findLinkInArgv(['electron', 'C:\\Program Files\\Switchboard', '--tel=123'])).toBeNull();
  });
});

describe('linkProtocol', () => {
  it('knows our four protocols and treats sips: as sip:', () => {
    expect(['tel:1', 'callto:1', 'sip:a@b.co', 'webextel:1', 'sips:a@b.co', 'http://x'].map(linkProtocol)).toEqual([
      'tel',
      'callto',
      'sip',
      'webextel',
      'sip',
      null,
    ]);
  });
});
