import { createServer } from 'node:http';
import { createConnection, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForRedirect, type RedirectListener } from '../../../src/main/auth/loopback-redirect';
import { SignInError } from '../../../src/main/auth/sign-in-errors';
import { rejection } from '../../support/rejection';

const STATE = 'expected-state-value-0123456789';
const open: RedirectListener[] = [];

async function listen(options: Partial<Parameters<typeof listenForRedirect>[0]> = {}): Promise<RedirectListener> {
  const listener = await listenForRedirect({ expectedState: STATE, ...options });
  open.push(listener);
  return listener;
}

function callback(listener: RedirectListener, query: Record<string, string>): string {
  const url = new URL(listener.redirectUri);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

function failure(promise: Promise<unknown>): Promise<SignInError> {
  return rejection(promise, SignInError);
}

afterEach(() => {
  vi.useRealTimers();
  for (const listener of open.splice(0)) listener.close();
});

describe('listenForRedirect', () => {
  it('listens on 127.0.0.1 at the callback path, hands over the code and shows a no-store page', async () => {
    const listener = await listen();
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);

    const response = await fetch(callback(listener, { code: 'the-code', state: STATE }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('return to Switchboard');
    expect(page).not.toContain('the-code');
    await expect(listener.result).resolves.toEqual({ code: 'the-code' });
  });

  it('answers only GET on the exact path, and such strays do not use up the one redirect', async () => {
    const listener = await listen({ path: '/cb' });
    const base = new URL(listener.redirectUri);
    const other = await fetch(new URL('/somewhere?code=x&state=' + STATE, base));
    expect(other.status).toBe(404);
    const post = await fetch(callback(listener, { code: 'x', state: STATE }), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');

    await fetch(callback(listener, { code: 'real', state: STATE }));
    await expect(listener.result).resolves.toEqual({ code: 'real' });
  });

  it('accepts exactly one redirect: a second one is refused and cannot change the code', async () => {
    const listener = await listen();
    const first = await fetch(callback(listener, { code: 'first', state: STATE }));
    await first.text();
    await expect(listener.result).resolves.toEqual({ code: 'first' });

    const second = await fetch(callback(listener, { code: 'second', state: STATE })).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(second).not.toBe(200);
    await expect(listener.result).resolves.toEqual({ code: 'first' });
  });

  it('refuses a second redirect that arrives at the same moment as the first', async () => {
    const listener = await listen();
    const url = new URL(listener.redirectUri);
    const connect = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = createConnection({ host: url.hostname, port: Number(url.port) }, () => resolve(socket));
        socket.on('error', reject);
      });
    const statusOf = (socket: Socket): Promise<string> =>
      new Promise((resolve) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text.split(' ')[1] ?? 'closed'));
        socket.on('error', () => undefined);
      });
    const [a, b] = await Promise.all([connect(), connect()]);
    const answers = Promise.all([statusOf(a), statusOf(b)]);
    a.write(`GET ${url.pathname}?code=one&state=${STATE} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    b.write(`GET ${url.pathname}?code=two&state=${STATE} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    const statuses = await answers;
    expect(statuses.filter((s) => s === '200')).toHaveLength(1);
    expect(statuses.filter((s) => s !== '200')[0]).toMatch(/^(409|closed)$/);
    const { code } = await listener.result;
    expect(['one', 'two']).toContain(code);
  });

  it('answers a redirect with a wrong or missing state with an error page and keeps waiting for the real one', async () => {
    const listener = await listen();
    const forged = await fetch(callback(listener, { code: 'attackers-code', state: 'someone-elses-state' }));
    expect(forged.status).toBe(400);
    const page = await forged.text();
    expect(page).toContain('Sign-in did not complete');
    expect(page).toContain('state mismatch');
    const stateless = await fetch(callback(listener, { error: 'access_denied' }));
    expect(stateless.status).toBe(400);

    // Neither ended the sign-in: the real redirect still completes it, with its own code.
    const real = await fetch(callback(listener, { code: 'the-real-code', state: STATE }));
    expect(real.status).toBe(200);
    await expect(listener.result).resolves.toEqual({ code: 'the-real-code' });
  });

  it('still times out when only forged redirects arrive', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const listener = await listen();
    const forged = await fetch(callback(listener, { code: 'c', state: 'forged' }));
    expect(forged.status).toBe(400);
    vi.advanceTimersByTime(5 * 60_000);
    expect((await failure(listener.result)).reason).toBe('timedOut');
  });

  it('turns an OAuth error in the redirect into a clear message', async () => {
    const declined = await listen();
    await fetch(callback(declined, { error: 'access_denied', error_description: 'User said no', state: STATE }));
    const error = await failure(declined.result);
    expect(error.reason).toBe('declined');
    expect(error.message).toBe('You declined access in the browser.');

    const scope = await listen();
    const page = await fetch(callback(scope, { error: 'invalid_scope', error_description: 'spark:all <b>not</b> allowed', state: STATE }));
    const html = await page.text();
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;');
    expect((await failure(scope.result)).message).toBe(
      'Webex refused the permissions Switchboard asked for (invalid_scope): spark:all <b>not</b> allowed',
    );

    const down = await listen();
    await fetch(callback(down, { error: 'temporarily_unavailable', state: STATE }));
    const downError = await failure(down.result);
    expect(downError.message).toBe('Webex could not complete the sign-in right now: try again later.');
    expect(downError.code).toBe('UNAVAILABLE');
  });

  it('rejects a redirect that carries neither code nor error', async () => {
    const listener = await listen();
    await fetch(callback(listener, { state: STATE }));
    expect((await failure(listener.result)).reason).toBe('missingCode');
  });

  it('times out, closes, and says so in minutes', async () => {
    const quick = await listen({ timeoutMs: 50 });
    const error = await failure(quick.result);
    expect(error.reason).toBe('timedOut');
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('Sign-in timed out after 50 ms: try again.');
    await expect(fetch(quick.redirectUri)).rejects.toThrow();

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const standard = await listen();
    vi.advanceTimersByTime(5 * 60_000);
    expect((await failure(standard.result)).message).toBe('Sign-in timed out after 5 minutes: try again.');
  });

  it('reports a port already in use with a clear error instead of crashing', async () => {
    const blocker = createServer(() => undefined);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const error = await failure(listenForRedirect({ expectedState: STATE, port }));
      expect(error.reason).toBe('portInUse');
      expect(error.message).toContain(`port ${port}`);
      expect(error.message).toContain('already in use');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('close() cancels a waiting sign-in and stops listening', async () => {
    const listener = await listen();
    listener.close();
    expect((await failure(listener.result)).reason).toBe('cancelled');
    await expect(fetch(callback(listener, { code: 'late', state: STATE }))).rejects.toThrow();
  });
});
