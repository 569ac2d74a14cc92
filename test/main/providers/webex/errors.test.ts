import { describe, expect, it } from 'vitest';
import { describeWebexError } from '../../../../src/main/providers/webex/errors';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';

const TRACKING = 'ROUTER_6543AB12-0000-1111-2222-333344445555';

function webexBody(description: string, errorCode?: number, extra: Record<string, unknown> = {}) {
  return {
    message: description,
    errors: [{ description, ...(errorCode === undefined ? {} : { errorCode }) }],
    trackingId: TRACKING,
    ...extra,
  };
}

describe('describeWebexError', () => {
  it('reads 400 with error code 101002 as call not found, with the tracking ID', () => {
    const error = describeWebexError(400, webexBody('Some other wording', 101002), new Headers());
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Webex refused: call not found (tracking ID ${TRACKING})`);
    expect(error.trackingId).toBe(TRACKING);
    expect(error.status).toBe(400);
    expect(error.retryable).toBe(false);
  });

  it('reads 400 whose description or message says "Call not found" as call not found', () => {
    expect(describeWebexError(400, { errors: [{ description: 'Call not found' }], trackingId: TRACKING }, new Headers()).code).toBe(
      'NOT_FOUND',
    );
    expect(describeWebexError(400, { message: 'CALL NOT FOUND for id X', trackingId: TRACKING }, new Headers()).code).toBe('NOT_FOUND');
    expect(describeWebexError(400, { errorCode: 101002 }, new Headers()).message).toBe('Webex refused: call not found.');
  });

  it('reads another 400 as not allowed, in Webex own words', () => {
    const error = describeWebexError(400, webexBody('Hold requires a connected call.', 25008), new Headers());
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toBe(`Webex refused: Hold requires a connected call (tracking ID ${TRACKING})`);
  });

  it('prefers the first error description over the top-level message', () => {
    const error = describeWebexError(400, { message: 'Bad Request', errors: [{ description: 'Destination is invalid' }] }, new Headers());
    expect(error.message).toBe('Webex refused: Destination is invalid.');
  });

  it('takes the tracking ID from the trackingid header when the body has none', () => {
    const error = describeWebexError(400, undefined, new Headers({ trackingid: 'ROUTER_FROM_HEADER' }));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.trackingId).toBe('ROUTER_FROM_HEADER');
    expect(error.message).toContain('(tracking ID ROUTER_FROM_HEADER)');
  });

  it('reads a JSON body that arrived as text, and plain text bodies', () => {
    const asText = JSON.stringify(webexBody('Call not found', 101002));
    expect(describeWebexError(400, asText, new Headers()).code).toBe('NOT_FOUND');
    const plain = describeWebexError(400, 'Resume requires a held call', new Headers());
    expect(plain.code).toBe('NOT_ALLOWED');
    expect(plain.message).toBe('Webex refused: Resume requires a held call.');
  });

  it('does not repeat an HTML error page to the user', () => {
    const error = describeWebexError(502, '<html><body>Bad gateway</body></html>', new Headers());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).not.toContain('<');
  });

  it('reads 401 as a token problem that needs a new sign-in', () => {
    const error = describeWebexError(
      401,
      webexBody('The request requires a valid access token set in the Authorization request header.'),
      new Headers(),
    );
    expect(error.code).toBe('AUTH');
    expect(error.message).toBe('Webex refused the access token: sign in again.');
  });

  it('reads 403 as missing scope or not a Webex Calling user', () => {
    const error = describeWebexError(403, webexBody('Forbidden'), new Headers());
    expect(error.code).toBe('PROVIDER');
    expect(error.message).toMatch(/spark:calls_read/);
    expect(error.message).toMatch(/not a Webex Calling user/);
    expect(error.message).toContain(TRACKING);
  });

  it('reads 404 and 410 as not found', () => {
    expect(describeWebexError(404, undefined, new Headers()).code).toBe('NOT_FOUND');
    expect(describeWebexError(410, webexBody('Gone'), new Headers()).code).toBe('NOT_FOUND');
  });

  it.each([409, 423])('reads %i as not allowed now', (status) => {
    expect(describeWebexError(status, webexBody('Conflict'), new Headers()).code).toBe('NOT_ALLOWED');
  });

  it('reads 423 with Retry-After as worth trying again', () => {
    const error = describeWebexError(423, undefined, new Headers({ 'Retry-After': '3' }));
    expect(error.retryable).toBe(true);
    expect(error.retryAfter).toBe(3);
  });

  it('reads 429 as rate limited, retryable, with Retry-After seconds', () => {
    const error = describeWebexError(429, webexBody('Too Many Requests'), new Headers({ 'Retry-After': '7' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryable).toBe(true);
    expect(error.retryAfter).toBe(7);
    expect(error.message).toContain('7 s');
  });

  it('reads a Retry-After HTTP date as seconds from now', () => {
    const when = new Date(Date.now() + 30_000).toUTCString();
    const error = describeWebexError(429, undefined, new Headers({ 'Retry-After': when }));
    expect(error.retryAfter).toBeGreaterThan(20);
    expect(error.retryAfter).toBeLessThanOrEqual(31);
  });

  it('reads 429 without Retry-After as rate limited with no wait given', () => {
    const error = describeWebexError(429, undefined, new Headers());
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfter).toBeUndefined();
  });

  it.each([500, 502, 503, 504])('reads %i as unavailable and retryable', (status) => {
    const error = describeWebexError(status, webexBody('Service Unavailable'), new Headers());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(TRACKING);
  });

  it('reads other refusals as a provider error', () => {
    const error = describeWebexError(415, webexBody('Unsupported media type'), new Headers());
    expect(error.code).toBe('PROVIDER');
    expect(error.message).toContain('Unsupported media type');
  });
});
