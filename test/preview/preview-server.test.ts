/**
 * The browser preview's server without a browser: what it serves (the built pages with the bridge
 * script ahead of their entry, the CSP header, nothing outside the renderer folder, nothing to other
 * host names) and who may use its WebSocket (its own origin with its token, nobody else), and that
 * requests run through the same parsing as Electron's IPC while core events reach every page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CHANNELS } from '../../src/shared/contract';
import { type Preview, startPreview } from '../../src/preview/preview-server';
import { startWebexSimulator } from '../../src/main/simulator/webex';
import { webexSimulatorOf } from '../../src/main/runtime/provider-registry';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const PAGE = (entry: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'; object-src 'none'" />
    <title>Switchboard</title>
    <script type="module" crossorigin src="./assets/${entry}.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>
`;

let rendererDir: string;
let preview: Preview | undefined;
const sockets: WebSocket[] = [];

beforeEach(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'switchboard-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'panel.html'), PAGE('panel'));
  writeFileSync(join(rendererDir, 'popup.html'), PAGE('popup'));
  writeFileSync(join(rendererDir, 'assets', 'panel.js'), 'console.log("panel");\n');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await preview?.close();
  preview = undefined;
  rmSync(rendererDir, { recursive: true, force: true });
});

async function start(): Promise<Preview> {
  preview = await startPreview({ env: { SWITCHBOARD_PROVIDER: 'demo', SWITCHBOARD_POLL_MS: '100' }, rendererDir });
  return preview;
}

/** A raw GET with any Host header (fetch would not let the test lie about the host). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function tokenOf(p: Preview): Promise<string> {
  const script = await (await fetch(new URL('/preview-bridge.js', p.url))).text();
  const token = /token=([0-9a-f]+)/.exec(script)?.[1];
  if (!token) throw new Error('no token in the bridge script');
  return token;
}

/** Opens the bridge socket as a page would; resolves once open, or rejects with the refusal status. */
function connect(p: Preview, options: { token: string; origin?: string; window?: string }): Promise<WebSocket> {
  const url = new URL(`/bridge?token=${options.token}&window=${options.window ?? 'panel'}`, p.url.replace('http', 'ws'));
  const socket = new WebSocket(url, { origin: options.origin ?? new URL(p.url).origin });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

/** Every message the socket receives from now on. */
function inbox(socket: WebSocket): unknown[] {
  const messages: unknown[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  return messages;
}

async function ask(socket: WebSocket, messages: unknown[], id: number, channel: string, arg?: unknown): Promise<unknown> {
  socket.send(JSON.stringify({ id, channel, arg }));
  await expect.poll(() => messages.some((m) => (m as { id?: number }).id === id)).toBe(true);
  return messages.find((m) => (m as { id?: number }).id === id);
}

describe('preview: the pages', () => {
  it('serves each built page at its own path with the bridge script before the module entry, and the CSP header', async () => {
    const p = await start();
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const name of ['panel', 'popup']) {
      const page = await get(new URL(`${name}.html`, p.url).href);
      expect(page.status).toBe(200);
      expect(page.body.indexOf('<script src="/preview-bridge.js"></script>')).toBeGreaterThan(0);
      expect(page.body.indexOf('<script src="/preview-bridge.js"></script>')).toBeLessThan(page.body.indexOf(`src="./assets/${name}.js"`));
      const port = new URL(p.url).port;
      expect(page.headers['content-security-policy']).toBe(
        `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      );
      expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
      // The page's own meta policy would block the socket: the preview, and only it, names its socket there too.
      expect(page.body).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' ws://127.0.0.1:${port}; object-src 'none'" />`,
      );
    }
    const root = await get(p.url);
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/panel.html');
    expect((await get(new URL('assets/panel.js', p.url).href)).body).toBe('console.log("panel");\n');
  });

  it('the bridge script defines every Bridge function from the contract', async () => {
    const p = await start();
    const script = await get(new URL('preview-bridge.js', p.url).href);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).not.toMatch(/^\s*(import|export)\b/m);
    for (const name of Object.keys(CHANNELS)) expect(script.body).toContain(`"${name}"`);
  });

  it('serves nothing outside the renderer folder, and nothing under another host name', async () => {
    const p = await start();
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../etc/passwd', '/nothing.html']) {
      expect((await get(new URL(p.url).origin + path)).status).toBe(404);
    }
    // A page on some other name that resolves to 127.0.0.1 (DNS rebinding) gets nothing.
    const rebound = await get(new URL('panel.html', p.url).href, { host: `evil.example:${new URL(p.url).port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('preview-bridge');
  });

  it('says what to do when the renderer is not built', async () => {
    await expect(startPreview({ rendererDir: join(rendererDir, 'missing') })).rejects.toThrow(/npm run build/);
  });
});

describe('preview: the bridge socket', () => {
  it('refuses a foreign origin even with the right token, and its own origin without it', async () => {
    const p = await start();
    const token = await tokenOf(p);
    await expect(connect(p, { token, origin: 'https://evil.example' })).rejects.toThrow('refused 403');
    await expect(connect(p, { token: 'f'.repeat(64) })).rejects.toThrow('refused 403');
    await expect(connect(p, { token: '' })).rejects.toThrow('refused 403');
    await expect(connect(p, { token })).resolves.toBeInstanceOf(WebSocket);
  });

  it('answers requests through the contract: results, BAD_INPUT worded as IPC words it, unknown channels rejected', async () => {
    const p = await start();
    const socket = await connect(p, { token: await tokenOf(p) });
    const messages = inbox(socket);
    expect(await ask(socket, messages, 1, 'calls:list')).toEqual({ id: 1, result: [] });
    expect(await ask(socket, messages, 2, 'app:state')).toMatchObject({ result: { demo: true, shortcutFailures: [] } });
    expect(await ask(socket, messages, 3, 'call:command', { type: 'hold' })).toMatchObject({
      result: { ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^Invalid request for "call:command": callId/) } },
    });
    expect(await ask(socket, messages, 4, 'calls:list', { please: true })).toMatchObject({
      result: { ok: false, error: { code: 'BAD_INPUT' } },
    });
    expect(await ask(socket, messages, 5, 'shell:exec', 'rm -rf /')).toEqual({ id: 5, error: "No handler registered for 'shell:exec'" });
    expect(await ask(socket, messages, 6, 'window:open', { name: 'popup' })).toEqual({ id: 6, result: { ok: true, value: null } });
  });

  it('closes only the page that sends a frame over 1 MiB and keeps serving the others', async () => {
    const p = await start();
    const token = await tokenOf(p);
    const big = await connect(p, { token });
    const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.on('error', () => undefined);
    big.send(JSON.stringify({ id: 1, channel: 'calls:list', arg: 'x'.repeat(1024 * 1024 + 1) }));
    expect(await closed).toBe(1009);

    const other = await connect(p, { token });
    expect(await ask(other, inbox(other), 2, 'calls:list')).toEqual({ id: 2, result: [] });
  });

  it("lets each page use only its window's channels, and pushes to it only what that window shows", async () => {
    const p = await start();
    const token = await tokenOf(p);
    const popup = await connect(p, { token, window: 'popup' });
    const panel = await connect(p, { token, window: 'panel' });
    const toPopup = inbox(popup);
    const toPanel = inbox(panel);
    expect(await ask(popup, toPopup, 1, 'settings:set', { theme: 'dark' })).toMatchObject({
      result: { ok: false, error: { code: 'BAD_INPUT', message: 'Refused "settings:set": the popup window may not use it.' } },
    });
    expect(await ask(popup, toPopup, 2, 'account:get')).toMatchObject({ result: { ok: false, error: { code: 'BAD_INPUT' } } });
    expect(await ask(popup, toPopup, 3, 'settings:get')).toMatchObject({ result: { theme: DEFAULT_SETTINGS.theme } });

    expect(await ask(panel, toPanel, 4, 'account:signOut')).toMatchObject({ result: { ok: true } });
    await expect.poll(() => toPanel.some((m) => (m as { channel?: string }).channel === 'account:changed')).toBe(true);
    expect(toPopup.some((m) => (m as { channel?: string }).channel === 'account:changed')).toBe(false);
  });

  it('refuses Save diagnostics in words: a browser page has no save dialog', async () => {
    const p = await start();
    const panel = await connect(p, { token: await tokenOf(p), window: 'panel' });
    expect(await ask(panel, inbox(panel), 1, 'diagnostics:save')).toMatchObject({
      result: { ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('browser preview cannot save files') } },
    });
  });

  it('sends core changes and saved settings to every connected page', async () => {
    const p = await start();
    const token = await tokenOf(p);
    const panel = await connect(p, { token, window: 'panel' });
    const popup = await connect(p, { token, window: 'popup' });
    const toPanel = inbox(panel);
    const toPopup = inbox(popup);

    webexSimulatorOf(p.backend.simulator)!.scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101' } });
    const rang = (messages: unknown[]) =>
      messages.some((m) => {
        const push = m as { channel?: string; payload?: { remote: { name?: string } }[] };
        return push.channel === 'calls:changed' && push.payload?.[0]?.remote.name === 'Alice Smith';
      });
    await expect.poll(() => rang(toPanel) && rang(toPopup)).toBe(true);

    expect(await ask(panel, toPanel, 7, 'settings:set', { theme: 'neon' })).toMatchObject({
      result: { ok: false, error: { code: 'BAD_INPUT' } },
    });
    expect(await ask(panel, toPanel, 8, 'settings:set', { theme: 'dark' })).toMatchObject({
      result: { ok: true, value: { theme: 'dark' } },
    });
    await expect
      .poll(() => toPopup.some((m) => (m as { channel?: string; payload?: { theme?: string } }).channel === 'settings:changed'))
      .toBe(true);
    expect(await ask(popup, toPopup, 9, 'settings:get')).toMatchObject({ result: { theme: 'dark' } });
  });

  it('tells every page about the providers, and that the settings left the demo after a sign-in', async () => {
    const TOKEN = 'pasted-personal-access-token-0123456789';
    const sim = await startWebexSimulator({ token: TOKEN });
    try {
      preview = await startPreview({
        env: { SWITCHBOARD_POLL_MS: '100', SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl },
        rendererDir,
        settings: DEFAULT_SETTINGS,
      });
      const token = await tokenOf(preview);
      const panel = await connect(preview, { token, window: 'panel' });
      const popup = await connect(preview, { token, window: 'popup' });
      const toPanel = inbox(panel);
      const toPopup = inbox(popup);
      expect(await ask(panel, toPanel, 1, 'app:state')).toMatchObject({
        result: { demo: true, provider: 'webex', providers: [{ id: 'webex', hasDemo: true }, { id: 'ringcentral' }, { id: 'bandwidth' }] },
      });

      expect(await ask(panel, toPanel, 2, 'account:pasteToken', { token: TOKEN })).toMatchObject({ result: { ok: true } });

      const leftDemo = (m: unknown) => {
        const push = m as { channel?: string; payload?: { demo?: boolean } };
        return push.channel === 'settings:changed' && push.payload?.demo === false;
      };
      await expect.poll(() => toPopup.some(leftDemo)).toBe(true);
      expect(await ask(popup, toPopup, 3, 'status:get')).toMatchObject({ result: { provider: 'webex', demo: false } });
    } finally {
      await preview?.close();
      preview = undefined;
      await sim.close();
    }
  });
});
