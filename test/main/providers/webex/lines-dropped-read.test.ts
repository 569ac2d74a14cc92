/**
 * A snapshot dropped while it reads my secondary lines (the core's restart after sleep aborts it) must
 * not take the fresh snapshot down with it: the fresh one reads the lines itself and shows the calls on
 * every line, instead of failing with "The request was cancelled".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import type { WebexClient } from '../../../../src/main/providers/webex/client';
import { WebexProvider } from '../../../../src/main/providers/webex/provider';
import { type SimFixture, startSimFixture } from './sim-fixture';

const LINE = 'front-desk-line';
let f: SimFixture;

beforeEach(async () => {
  f = await startSimFixture({ me: { number: '+15550123', extension: '123' }, secondaryLines: [{ id: LINE }] });
});
afterEach(async () => {
  await f.close();
});

describe('a snapshot dropped while it reads my lines', () => {
  it('leaves the next snapshot to read the lines itself, and that one shows the secondary line’s calls', async () => {
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    let hang = true;
    const client: WebexClient = Object.create(f.client) as WebexClient;
    // The first read of my lines hangs on a dead connection until its snapshot is aborted.
    client.secondaryLines = (signal) => {
      if (!hang) return f.client.secondaryLines(signal);
      hang = false;
      return new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new ProviderError({ code: 'NETWORK', message: 'The request was cancelled.' })), {
          once: true,
        });
      });
    };
    const provider = new WebexProvider(client);

    const dropped = new AbortController();
    const first = provider.snapshot(dropped.signal);
    const firstFailed = expect(first).rejects.toMatchObject({ code: 'NETWORK' });
    dropped.abort();
    const fresh = await provider.snapshot(new AbortController().signal);

    expect(fresh.calls.map((c) => [c.id, c.line])).toEqual([[onLine, LINE]]);
    await firstFailed;
  });
});
