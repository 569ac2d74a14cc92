import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/main/shell/external-link-policy';

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://developer.webex.com/docs/api/v1/call-controls', true],
    ['https://help.webex.com/en-us/article/x', true],
    ['https://webexapis.com/v1/authorize?client_id=1', true],
    ['http://help.webex.com/', false],
    ['https://help.webex.com.evil.example/', false],
    ['https://help.webex.com@evil.example/', false],
    ['https://user:pw@help.webex.com/', false],
    ['https://help.webex.com:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
