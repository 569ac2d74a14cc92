/**
 * Every provider the registry builds runs its requests' timeouts on the clock the runtime hands it
 * (ProviderDeps.timers): a read the provider never answers ends as TIMEOUT when that clock passes the
 * read timeout, without a second of real time. A fetch that never answers stands in for the hung server.
 */
import { describe, expect, it } from 'vitest';
import type { FetchFn } from '../../../src/main/provider-api/http-client';
import { ProviderError } from '../../../src/main/provider-api/provider-error';
import { staticTokenSource } from '../../../src/main/provider-api/token-source';
import { encodeCredentials } from '../../../src/main/providers/bandwidth/credentials-token';
import { providerEntry, sectionOf } from '../../../src/main/runtime/provider-registry';
import type { ProviderId } from '../../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { HandTimers } from '../../support/hand-timers';

/** Never answers; gives up only when the request is aborted (as a hung connection does). */
const hungFetch: FetchFn = (input, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

const TOKENS: Record<ProviderId, string> = {
  webex: 'webex-token',
  ringcentral: 'ringcentral-token',
  bandwidth: encodeCredentials({ userId: 'u-1', apiToken: 't-1', apiSecret: 's-1', number: '+19195551212' }),
};

async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('the runtime clock reaches every provider’s HTTP client', () => {
  it.each(['webex', 'ringcentral', 'bandwidth'] as const)('%s: a hung read times out on that clock', async (id) => {
    const entry = providerEntry(id);
    if (!entry.ok) throw new Error(entry.error.message);
    const clock = new HandTimers();
    const provider = entry.value.descriptor.createProvider({
      settings: () => sectionOf(DEFAULT_SETTINGS, id) as never,
      env: {},
      tokens: staticTokenSource(TOKENS[id], id),
      fetch: hungFetch,
      baseUrl: 'http://127.0.0.1:9/v1',
      timers: clock,
    });
    let outcome: unknown;
    const read = provider.snapshot().then(
      () => (outcome = 'answered'),
      (error: unknown) => (outcome = error),
    );
    // The read timeout is 10 s; a provider may read twice (Webex: its lines, then the calls) and pace
    // its requests: a minute of the hand clock is plenty, and no real time passes.
    for (let t = 0; t < 60_000 && outcome === undefined; t += 1_000) {
      await turns();
      clock.advance(1_000);
    }
    await turns();
    expect(outcome).toBeInstanceOf(ProviderError);
    expect(outcome).toMatchObject({ code: 'TIMEOUT' });
    await read;
  });
});
