// The HTTP policy against a real loopback server scripted per test: what the server saw (hits, headers,
// bodies) is the evidence, so "never resent" means the server counted exactly one request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../../src/main/provider-api/http-client';
import type { TokenSource } from '../../../src/main/provider-api/token-source';
import { ProviderError } from '../../../src/main/provider-api/provider-error';
import { eventually } from '../../support/eventually';
import { HandClock } from '../../support/hand-clock';
import { rejection } from '../../support/rejection';

interface Hit {
  method: string;
  url: string;
  authorization?: string;
  body: string;
  at: number;
}

type Script = (req: IncomingMessage, res: ServerResponse, hit: number, body: string) => void;

interface Scripted {
  baseUrl: string;
  hits: Hit[];
  close(): Promise<void>;
}

const open: Scripted[] = [];

async function serve(script: Script): Promise<Scripted> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      hits.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body, at: Date.now() });
      script(req, res, hits.length, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scripted: Scripted = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(scripted);
  return scripted;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A token source that hands out "token-1", then "token-2" … after each refresh, and counts refreshes. */
function countingTokens(refreshable = true): TokenSource & { refreshes: string[] } {
  let current = 1;
  const refreshes: string[] = [];
  return {
    refreshes,
    accessToken: async () => `token-${current}`,
    refreshAfterUnauthorized: async (refused) => {
      refreshes.push(refused);
      if (!refreshable) throw new ProviderError({ code: 'AUTH', status: 401, message: 'Test refused the access token: sign in again.' });
      current += 1;
      return `token-${current}`;
    },
  };
}

/** The test provider's own words for an error status, like a real provider's describer. */
function describeTestError(status: number, body: unknown): ProviderError {
  const said =
    typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : `status ${status}`;
  if (status === 401) return new ProviderError({ code: 'AUTH', status, message: 'Test refused the access token: sign in again.' });
  if (status === 429) return new ProviderError({ code: 'RATE_LIMITED', status, message: `Test is busy: ${said}.`, retryable: true });
  if (status >= 500) return new ProviderError({ code: 'UNAVAILABLE', status, message: `Test is unavailable: ${said}.`, retryable: true });
  return new ProviderError({ code: 'PROVIDER', status, message: `Test refused: ${said}.` });
}

function client(server: Scripted, tokens: TokenSource, extra: Partial<HttpClientOptions> = {}): HttpClient {
  return createHttpClient({ baseUrl: server.baseUrl, tokens, providerName: 'Test', describeError: describeTestError, ...extra });
}

const itemsSchema = z.object({ items: z.array(z.object({ id: z.string() })) });

function failure(promise: Promise<unknown>): Promise<ProviderError> {
  return rejection(promise, ProviderError);
}

describe('http client: bearer token and 401', () => {
  it('sends the current access token as a bearer token', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [{ id: 'a' }] }));
    const http = client(server, countingTokens());
    await expect(http.get('/telephony/calls', itemsSchema)).resolves.toEqual({ items: [{ id: 'a' }] });
    expect(server.hits).toHaveLength(1);
    expect(server.hits[0]?.authorization).toBe('Bearer token-1');
    expect(server.hits[0]?.url).toBe('/v1/telephony/calls');
  });

  it('passes search parameters and drops undefined ones', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [] }));
    await client(server, countingTokens()).get('history', itemsSchema, { searchParams: { type: 'missed', max: undefined } });
    expect(server.hits[0]?.url).toBe('/v1/history?type=missed');
  });

  it('refreshes once after a 401 and replays a GET with the new token', async () => {
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer token-2' ? json(res, 200, { items: [] }) : json(res, 401, { message: 'expired' }),
    );
    const tokens = countingTokens();
    await expect(client(server, tokens).get('calls', itemsSchema)).resolves.toEqual({ items: [] });
    expect(tokens.refreshes).toEqual(['token-1']);
    expect(server.hits.map((h) => h.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('replays a refused POST once, with its body, after refreshing the token', async () => {
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer token-2' ? res.writeHead(204).end() : json(res, 401, {}),
    );
    const tokens = countingTokens();
    await client(server, tokens).command('post', 'telephony/calls/hold', { callId: 'c1' }, null);
    expect(tokens.refreshes).toHaveLength(1);
    expect(server.hits).toHaveLength(2);
    expect(server.hits.map((h) => JSON.parse(h.body))).toEqual([{ callId: 'c1' }, { callId: 'c1' }]);
  });

  it('gives up with AUTH after a second 401 instead of looping (GET)', async () => {
    const server = await serve((_req, res) => json(res, 401, { message: 'no' }));
    const tokens = countingTokens();
    const error = await failure(client(server, tokens).get('calls', itemsSchema));
    expect(error.code).toBe('AUTH');
    expect(tokens.refreshes).toHaveLength(1);
    expect(server.hits).toHaveLength(2);
  });

  it('gives up with AUTH after a second 401 instead of looping (POST)', async () => {
    const server = await serve((_req, res) => json(res, 401, {}));
    const tokens = countingTokens();
    const error = await failure(client(server, tokens).command('post', 'telephony/calls/answer', { callId: 'c1' }, null));
    expect(error.code).toBe('AUTH');
    expect(tokens.refreshes).toHaveLength(1);
    expect(server.hits).toHaveLength(2);
  });

  it('reports AUTH without a replay when the token cannot be refreshed', async () => {
    const server = await serve((_req, res) => json(res, 401, {}));
    const tokens = countingTokens(false);
    const error = await failure(client(server, tokens).get('calls', itemsSchema));
    expect(error.code).toBe('AUTH');
    expect(error.message).toMatch(/sign in again/);
    expect(server.hits).toHaveLength(1);
  });

  it('reports a 401 as AUTH even when the describer calls it something else', async () => {
    const server = await serve((_req, res) => json(res, 401, {}));
    const http = createHttpClient({
      baseUrl: server.baseUrl,
      tokens: countingTokens(),
      providerName: 'Test',
      describeError: (status) => new ProviderError({ code: 'PROVIDER', status, message: 'Test refused.' }),
    });
    expect((await failure(http.get('calls', itemsSchema))).code).toBe('AUTH');
  });

  it('refreshes after a 401 that follows a rate-limited attempt', async () => {
    const server = await serve((req, res, hit) => {
      if (hit === 1) return json(res, 429, {}, { 'retry-after': '0' });
      return req.headers.authorization === 'Bearer token-2' ? json(res, 200, { items: [] }) : json(res, 401, {});
    });
    const tokens = countingTokens();
    await expect(client(server, tokens).get('calls', itemsSchema)).resolves.toEqual({ items: [] });
    expect(tokens.refreshes).toEqual(['token-1']);
    expect(server.hits).toHaveLength(3);
  });
});

describe('http client: retries of reads', () => {
  it('times out a GET the server never answers after its timeout on the clock it is given', async () => {
    const clock = new HandClock();
    const server = await serve(() => {
      /* never answers */
    });
    const read = failure(
      client(server, countingTokens(), { timers: clock.waits, readTimeoutMs: 20_000 }).get('telephony/calls', itemsSchema),
    );
    await eventually(() => expect(server.hits).toHaveLength(1));
    expect(clock.nextWait()).toBe(clock.clock.now() + 20_000);
    clock.clock.advance(20_000);
    expect((await read).code).toBe('TIMEOUT');
    expect(server.hits).toHaveLength(1);
  });

  it('waits as long as Retry-After asks on a GET 429, then succeeds', async () => {
    const server = await serve((_req, res, hit) =>
      hit === 1 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, { items: [] }),
    );
    await expect(client(server, countingTokens()).get('calls', itemsSchema)).resolves.toEqual({ items: [] });
    expect(server.hits).toHaveLength(2);
    const [first, second] = server.hits;
    // Honoured means "not earlier than asked" (a lower bound only).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('retries a GET answered 503', async () => {
    const server = await serve((_req, res, hit) =>
      hit === 1 ? json(res, 503, { message: 'maintenance' }) : json(res, 200, { items: [{ id: 'x' }] }),
    );
    await expect(client(server, countingTokens()).get('calls', itemsSchema)).resolves.toEqual({ items: [{ id: 'x' }] });
    expect(server.hits).toHaveLength(2);
  });

  it('stops retrying a failing GET and reports the provider error', async () => {
    const server = await serve((_req, res) => json(res, 500, { message: 'broken' }));
    const error = await failure(client(server, countingTokens()).get('calls', itemsSchema));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('Test is unavailable: broken.');
    expect(server.hits).toHaveLength(3);
  });

  it('does not retry a GET refused for another reason', async () => {
    const server = await serve((_req, res) => json(res, 404, { message: 'no such thing' }));
    const error = await failure(client(server, countingTokens()).get('calls', itemsSchema));
    expect(error.code).toBe('PROVIDER');
    expect(server.hits).toHaveLength(1);
  });
});

describe('http client: commands are never resent after they may have been applied', () => {
  it('replays a POST once after a 429 with Retry-After (it was refused, so not applied)', async () => {
    const server = await serve((_req, res, hit) => (hit === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : res.writeHead(204).end()));
    await client(server, countingTokens()).command('post', 'telephony/calls/hold', { callId: 'c1' }, null);
    expect(server.hits).toHaveLength(2);
    expect(server.hits[1]?.body).toBe(JSON.stringify({ callId: 'c1' }));
    expect(server.hits[1]!.at - server.hits[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('waits out a command Retry-After on the clock it is given, not before', async () => {
    const clock = new HandClock();
    const server = await serve((_req, res, hit) => (hit === 1 ? json(res, 429, {}, { 'retry-after': '7' }) : res.writeHead(204).end()));
    const sent = client(server, countingTokens(), { timers: clock.waits }).command('post', 'telephony/calls/hold', { callId: 'c1' }, null);
    await eventually(() => expect(clock.nextWait()).toBe(clock.clock.now() + 7_000));
    clock.clock.advance(6_999);
    expect(server.hits).toHaveLength(1);
    clock.clock.advance(1);
    await sent;
    expect(server.hits).toHaveLength(2);
  });

  it('a command given up during its Retry-After wait is not sent again and leaves no timer behind', async () => {
    const clock = new HandClock();
    const server = await serve((_req, res, hit) => (hit === 1 ? json(res, 429, {}, { 'retry-after': '7' }) : res.writeHead(204).end()));
    const giveUp = new AbortController();
    const sent = client(server, countingTokens(), { timers: clock.waits })
      .command('post', 'telephony/calls/hold', { callId: 'c1' }, null, { signal: giveUp.signal })
      .then(
        () => 'sent',
        () => 'given up',
      );
    await eventually(() => expect(clock.nextWait()).toBe(clock.clock.now() + 7_000));
    giveUp.abort();
    expect(await sent).toBe('given up');
    expect(clock.nextWait()).toBeUndefined();
    clock.clock.advance(7_000);
    expect(server.hits).toHaveLength(1);
  });

  it('reports RATE_LIMITED when a POST is refused with 429 twice, after one replay', async () => {
    const server = await serve((_req, res) => json(res, 429, { message: 'too many' }, { 'retry-after': '0' }));
    const error = await failure(client(server, countingTokens()).command('post', 'telephony/calls/hold', { callId: 'c1' }, null));
    expect(error.code).toBe('RATE_LIMITED');
    expect(server.hits).toHaveLength(2);
  });

  it('replays a POST refused first with 429 and then with 401, each once', async () => {
    const server = await serve((req, res, hit) => {
      if (hit === 1) return json(res, 429, {}, { 'retry-after': '0' });
      return req.headers.authorization === 'Bearer token-2' ? res.writeHead(204).end() : json(res, 401, {});
    });
    const tokens = countingTokens();
    await client(server, tokens).command('post', 'telephony/calls/hold', { callId: 'c1' }, null);
    expect(tokens.refreshes).toHaveLength(1);
    expect(server.hits).toHaveLength(3);
  });

  it('does not resend a POST answered 500', async () => {
    const server = await serve((_req, res) => json(res, 500, { message: 'oops' }));
    const error = await failure(client(server, countingTokens()).command('post', 'telephony/calls/transfer', { callId1: 'a' }, null));
    expect(error.code).toBe('UNAVAILABLE');
    expect(server.hits).toHaveLength(1);
  });

  it('does not resend a POST answered 503', async () => {
    const server = await serve((_req, res) => json(res, 503, {}, { 'retry-after': '0' }));
    await failure(client(server, countingTokens()).command('post', 'telephony/calls/park', { callId: 'a' }, null));
    expect(server.hits).toHaveLength(1);
  });

  it('times out a POST the server never answers after exactly its timeout on the clock it is given, without resending it', async () => {
    const clock = new HandClock();
    let aborted = false;
    const server = await serve((_req, res) => res.on('close', () => (aborted = true))); // never answers
    // 20 s: on real time the test could not end before its own limit.
    const http = client(server, countingTokens(), { timers: clock.waits, commandTimeoutMs: 20_000 });
    let outcome: ProviderError | undefined;
    const sent = failure(http.command('post', 'telephony/calls/answer', { callId: 'c1' }, null)).then((error) => (outcome = error));
    await eventually(() => expect(server.hits).toHaveLength(1));
    expect(clock.nextWait()).toBe(clock.clock.now() + 20_000);
    clock.clock.advance(19_999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(outcome).toBeUndefined();
    clock.clock.advance(1);
    const error = await sent;
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('Test did not answer in time.');
    // The request was abandoned (its connection closed), and never sent again, however long after.
    await eventually(() => expect(aborted).toBe(true));
    clock.clock.advance(600_000);
    expect(clock.nextWait()).toBeUndefined();
    expect(server.hits).toHaveLength(1);
  });

  it('reports NETWORK when the connection is reset under a POST, sent once', async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await failure(client(server, countingTokens()).command('post', 'telephony/calls/hangup', { callId: 'c1' }, null));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/Cannot reach Test/);
    expect(server.hits).toHaveLength(1);
  });

  it('returns the parsed answer of a command', async () => {
    const server = await serve((_req, res) => json(res, 201, { callId: 'new-1', callSessionId: 's' }));
    const result = await client(server, countingTokens()).command(
      'post',
      'telephony/calls/dial',
      { destination: '+15550100' },
      z.object({ callId: z.string() }),
    );
    expect(result).toEqual({ callId: 'new-1' });
  });
});

describe('http client: unreadable answers and unreachable servers', () => {
  it('reports BAD_RESPONSE for a body that is not JSON', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy login</html>');
    });
    const error = await failure(client(server, countingTokens()).get('calls', itemsSchema));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/not JSON/);
  });

  it('reports BAD_RESPONSE, naming the field, for JSON of the wrong shape', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [{ id: 42 }] }));
    const error = await failure(client(server, countingTokens()).get('calls', itemsSchema));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/items\.0\.id/);
  });

  it('reports NETWORK when nothing listens, after retrying the GET', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const baseUrl = server.baseUrl;
    await server.close();
    const http = createHttpClient({ baseUrl, tokens: countingTokens(), providerName: 'Test', describeError: describeTestError });
    const error = await failure(http.get('calls', itemsSchema));
    expect(error.code).toBe('NETWORK');
    expect(error.retryable).toBe(true);
  });

  it('tells onExchange about each finished exchange', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [] }));
    const seen: { method: string; path: string; status?: number }[] = [];
    await client(server, countingTokens(), { onExchange: (e) => seen.push({ method: e.method, path: e.path, status: e.status }) }).get(
      'calls',
      itemsSchema,
    );
    expect(seen).toEqual([{ method: 'GET', path: 'calls', status: 200 }]);
  });
});
