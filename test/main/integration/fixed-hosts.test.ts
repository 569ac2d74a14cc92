/**
 * A window cannot send the user's tokens elsewhere. The API and sign-in hosts are not settings a window
 * can write: `settings:set` naming another host is refused as BAD_INPUT through the path IPC uses
 * (runtime/command-invocation.ts), and nothing the running session sends goes anywhere but the
 * provider's own host. A refresh token (and a client secret) is kept with the token endpoint it was
 * issued by and is never POSTed to another one. Real loopback servers: the providers' simulators stand
 * in for their production hosts (a fetch routes https://webexapis.com and RingCentral's two servers to
 * them, and refuses any other non-loopback host), and a counting server is the host that must never hear
 * from the app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault, type SecretVault } from '../../../src/main/auth/secrets';
import type { FetchFn } from '../../../src/main/provider-api/http-client';
import { createWebexAccount } from '../../../src/main/providers/webex/account';
import { invokeCommand } from '../../../src/main/runtime/command-invocation';
import { createMemorySettings } from '../../../src/main/runtime/memory-settings';
import { startSession } from '../../../src/main/runtime/session';
import { startRingCentralSimulator, type RingCentralSimulator } from '../../../src/main/simulator/ringcentral';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { eventually } from '../../support/eventually';
import { recordingHost } from '../../support/recording-host';
import { sessionBridgeHandlers } from '../../support/test-bridge-handlers';
import { scriptedBrowser } from '../auth/scripted-browser';

/**
 * The network as the app sees it: the production hosts in `routes` reach their stand-ins on loopback,
 * loopback addresses are reached as asked, and any other host is refused (a test never leaves the
 * machine). Every URL the app asked for is kept in `asked`.
 */
function routedFetch(routes: Record<string, string>, asked: string[]): FetchFn {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    asked.push(url.href);
    const target = routes[url.origin];
    if (target === undefined && url.hostname !== '127.0.0.1') throw new TypeError(`fetch failed: ${url.origin} is not reachable in tests`);
    const routed = target === undefined ? url : new URL(`${url.pathname}${url.search}`, target);
    if (!request) return fetch(routed, init);
    const body = request.body === null ? undefined : await request.arrayBuffer();
    return fetch(routed, {
      method: request.method,
      headers: request.headers,
      body,
      redirect: request.redirect,
      signal: request.signal,
      ...init,
    });
  };
}

/** The system browser on the same network: opens the (routed) authorize URL and follows the redirects back to the app. */
function routedBrowser(routes: Record<string, string>): (url: string) => Promise<void> {
  return async (url) => {
    const asked = new URL(url);
    const target = routes[asked.origin];
    let next = target === undefined ? asked.href : new URL(`${asked.pathname}${asked.search}`, target).href;
    for (let hop = 0; hop < 5; hop++) {
      const answer = await fetch(next, { redirect: 'manual' });
      await answer.body?.cancel();
      const location = answer.headers.get('location');
      if (answer.status < 300 || answer.status >= 400 || !location) return;
      next = new URL(location, next).href;
    }
  };
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function origin(url: string): string {
  return new URL(url).origin;
}

describe("Webex's API host is fixed", () => {
  it('a window naming another API host is refused as BAD_INPUT, and nothing the signed-in session sends goes there', async () => {
    const TOKEN = 'pasted-personal-access-token-0123456789';
    const sim: WebexSimulator = await startWebexSimulator({ token: TOKEN });
    closers.push(() => sim.close());
    const elsewhere = await recordingHost();
    closers.push(() => elsewhere.close());
    const asked: string[] = [];
    const settings = createMemorySettings(DEFAULT_SETTINGS);
    const session = await startSession({
      settings,
      env: {},
      vault: memorySecretVault(),
      fetch: routedFetch({ 'https://webexapis.com': origin(sim.baseUrl) }, asked),
      openBrowser: async () => undefined,
      redirectPort: 0,
    });
    closers.push(() => session.close());
    expect(await session.accountControls.pasteToken(TOKEN)).toEqual({ ok: true, value: null });
    const { handlers, applied } = sessionBridgeHandlers(session, settings);

    for (const patch of [
      { providers: { webex: { baseUrl: `${elsewhere.url}/v1` } } },
      { providers: { bandwidth: { baseUrl: `${elsewhere.url}/v1` } } },
      { provider: 'webex', demo: false, providers: { webex: { baseUrl: `${elsewhere.url}/v1` } } },
    ]) {
      expect(await invokeCommand(handlers, 'settings:set', patch, 'panel')).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringMatching(/API address is fixed and cannot be changed from a window/) },
      });
    }
    expect(settings.get()).not.toHaveProperty(['providers', 'webex', 'baseUrl']);

    // Switching the provider away and back rebuilds the Webex provider from settings: still Webex's host.
    for (const provider of ['ringcentral', 'webex']) {
      expect(await invokeCommand(handlers, 'settings:set', { provider, demo: false }, 'panel')).toMatchObject({ ok: true });
      await applied();
    }
    sim.scenario.ringUser({ from: { name: 'Ada', number: '+15550100' } });
    expect(await session.core.reconcile()).toMatchObject({ ok: true });
    await eventually(() => expect(session.core.calls().map((c) => c.remote.name)).toEqual(['Ada']));
    expect(await session.core.command({ type: 'dial', destination: '+15550111' })).toMatchObject({ ok: true });

    expect(elsewhere.heard).toEqual([]);
    const webex = asked.filter((url) => url.startsWith('https://webexapis.com/v1/'));
    expect(webex.length).toBeGreaterThan(2);
    expect(asked.filter((url) => url.startsWith(elsewhere.url))).toEqual([]);
  });
});

describe("RingCentral's server is one of its two", () => {
  it('a window may choose production or .biz but name no other server; a refresh token from one server is never sent to the other', async () => {
    const production: RingCentralSimulator = await startRingCentralSimulator();
    closers.push(() => production.close());
    const biz: RingCentralSimulator = await startRingCentralSimulator();
    closers.push(() => biz.close());
    const elsewhere = await recordingHost();
    closers.push(() => elsewhere.close());
    const routes = { 'https://platform.ringcentral.com': production.baseUrl, 'https://platform.ringcentral.biz': biz.baseUrl };
    const asked: string[] = [];
    const vault: SecretVault = memorySecretVault();
    const initial: Settings = {
      ...DEFAULT_SETTINGS,
      provider: 'ringcentral',
      demo: true,
      providers: { ...DEFAULT_SETTINGS.providers, ringcentral: { ...DEFAULT_SETTINGS.providers.ringcentral, clientId: 'rc-sim-client' } },
    };
    const settings = createMemorySettings(initial);
    const start = () =>
      startSession({
        settings,
        env: {},
        vault,
        fetch: routedFetch(routes, asked),
        openBrowser: routedBrowser(routes),
        redirectPort: 0,
      });
    const first = await start();
    let firstOpen = true;
    closers.push(async () => firstOpen && first.close());

    expect(await first.accountControls.signIn()).toEqual({ ok: true, value: null });
    expect(first.accountControls.state()).toMatchObject({ signedIn: true, method: 'browser' });
    expect(production.requests.filter((r) => r.path === '/restapi/oauth/token')).toHaveLength(1);
    const { handlers } = sessionBridgeHandlers(first, settings);

    for (const server of [elsewhere.url, 'https://platform.ringcentral.com.evil.example', 'http://platform.ringcentral.com']) {
      expect(await invokeCommand(handlers, 'settings:set', { providers: { ringcentral: { server } } }, 'panel')).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringMatching(/choose production or biz: other servers cannot be set from a window/) },
      });
    }
    expect(settings.get().providers.ringcentral.server).toBe('production');
    expect(await invokeCommand(handlers, 'settings:set', { providers: { ringcentral: { server: 'biz' } } }, 'panel')).toMatchObject({
      ok: true,
      value: { providers: { ringcentral: { server: 'biz' } } },
    });
    firstOpen = false;
    await first.close();

    // The next start uses the .biz server: the refresh token production issued stays home.
    const second = await start();
    closers.push(() => second.close());
    expect(second.accountControls.state()).toMatchObject({
      provider: 'ringcentral',
      signedIn: false,
      message: expect.stringMatching(/belongs to another server.*sign in again/),
    });
    expect(biz.requests.filter((r) => r.path.startsWith('/restapi/oauth/'))).toEqual([]);
    const issued = production.requests.find((r) => r.path === '/restapi/oauth/token');
    expect(issued).toBeDefined();
    expect(elsewhere.heard).toEqual([]);
    expect(asked.filter((url) => url.startsWith(elsewhere.url))).toEqual([]);
  });
});

describe('a refresh token and a client secret stay with their token endpoint', () => {
  const CLIENT_ID = 'C0123456789switchboard';
  const CLIENT_SECRET = 'secret-for-the-integration';

  it('saved for host A, they are never POSTed to host B — not at restore, not at the next sign-in — and still work at A', async () => {
    const hostA: WebexSimulator = await startWebexSimulator({
      oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessTtlS: 3600 },
    });
    closers.push(() => hostA.close());
    // Host B signs in like Webex would (authorize → redirect with a code) and refuses every token request.
    const hostB = await recordingHost((req, res) => {
      const url = new URL(req.url, 'http://b');
      if (req.method === 'GET' && url.pathname === '/v1/authorize') {
        const back = new URL(url.searchParams.get('redirect_uri') ?? 'http://127.0.0.1:1/');
        back.searchParams.set('code', 'code-from-b');
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { Location: back.href }).end();
        return;
      }
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"invalid_grant"}');
    });
    closers.push(() => hostB.close());
    const vault = memorySecretVault();
    const accountAt = (base: string) =>
      createWebexAccount({
        clientId: () => CLIENT_ID,
        authBaseUrl: () => base,
        apiBaseUrl: () => base,
        secrets: vault.forProvider('webex'),
        openBrowser: scriptedBrowser().openBrowser,
        redirectPort: 0,
        signInTimeoutMs: 5_000,
      });

    const atA = accountAt(hostA.baseUrl);
    expect(await atA.setClientSecret(CLIENT_SECRET)).toEqual({ ok: true, value: null });
    expect(await atA.signInWithBrowser()).toEqual({ ok: true, value: null });
    // The simulator's refresh tokens start "sim_rt_" (src/main/simulator/webex-oauth/token-ledger.ts).
    const refreshToken = /sim_rt_[^"\s]+/.exec((await vault.get('webex.refreshToken')) ?? '')?.[0] ?? '';
    expect(refreshToken.length).toBeGreaterThan(8);

    // The next run points at B (SWITCHBOARD_WEBEX_BASE_URL changed): nothing stored goes there.
    const atB = accountAt(`${hostB.url}/v1`);
    await atB.restore();
    expect(hostB.heard).toEqual([]);
    expect(atB.state()).toMatchObject({
      signedIn: false,
      clientSecretSaved: false,
      message: expect.stringMatching(/belongs to another server.*sign in again/),
    });

    // Signing in at B sends B only what B's own sign-in gave: no client secret, no refresh token from A.
    expect(await atB.signInWithBrowser()).toMatchObject({ ok: false });
    const posted = hostB.heard.filter((r) => r.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(new URLSearchParams(posted[0]!.body).get('client_secret')).toBeNull();
    expect(JSON.stringify(hostB.heard)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(hostB.heard)).not.toContain(refreshToken);

    // Back at A, where they belong, they work as before.
    const backAtA = accountAt(hostA.baseUrl);
    await backAtA.restore();
    expect(backAtA.state()).toMatchObject({ signedIn: true, method: 'browser', clientSecretSaved: true });
  });
});
