/**
 * A provider error that echoes the request's credentials must not carry them to the windows: the core
 * with the real Webex provider against a scripted server whose error bodies repeat the token it was
 * sent (in the sentence and as the tracking id), plus control, bidi and oversized text. What a window
 * would receive — the command's Result and the status push — holds no token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchboardCore, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import { staticTokenSource } from '../../../src/main/provider-api/token-source';
import { MAX_PROVIDER_TEXT } from '../../../src/main/provider-api/provider-error';
import { createWebexProvider } from '../../../src/main/providers/webex';
import { forwardCoreEvents } from '../../../src/main/runtime/bridge-handlers';
import { type ScriptedServer, startScriptedServer } from '../providers/webex/scripted-server';
import { eventually } from '../../support/eventually';

/** A token no generic pattern would spot (lower case and digits): only "the token actually sent" finds it. */
const TOKEN = 'plainlowercasetoken4711';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const BIDI_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\u2028\u2029]/;

let server: ScriptedServer | undefined;
let core: SwitchboardCore | undefined;
const pushed: unknown[] = [];

afterEach(async () => {
  core?.stop();
  core = undefined;
  await server?.close();
  server = undefined;
  pushed.length = 0;
});

/** A Webex error body that repeats what it was sent: the credential, and the caller's own text. */
function echoingBody(extra: string): string {
  return JSON.stringify({
    message: `Invalid credential ${TOKEN}`,
    errors: [{ description: `Header Authorization: Bearer ${TOKEN} not accepted for\u202E ${TOKEN}\r\n${extra}` }],
    trackingId: TOKEN,
  });
}

async function start(): Promise<SwitchboardCore> {
  server = await startScriptedServer();
  const provider = createWebexProvider({ baseUrl: server.baseUrl, tokens: staticTokenSource(TOKEN, 'Webex'), commandTimeoutMs: 1_000 });
  core = createSwitchboardCore({ provider, intervals: { fastMs: 40, normalMs: 80, idleMs: 150, maxBackoffMs: 300 } });
  forwardCoreEvents(core, (channel, payload) => pushed.push({ channel, payload }));
  return core;
}

describe('server text reaching the windows', () => {
  it('a command refused with the token echoed comes back, and is shown, without the token', async () => {
    const running = await start();
    server!.answer('GET', '/telephony/calls', { status: 200, body: JSON.stringify({ items: [] }), headers: JSON_TYPE });
    server!.answer('POST', '/telephony/calls/dial', { status: 400, body: echoingBody('x'.repeat(5_000)), headers: JSON_TYPE });
    await running.start();

    const result = await running.command({ type: 'dial', destination: '+15550102030' });
    // The token really went out, and really came back in the answer.
    expect(server!.received.find((r) => r.path === '/telephony/calls/dial')?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Webex refused: Header Authorization: Bearer \[redacted\] not accepted for \[redacted\]/);
    expect(result.error.message).not.toMatch(BIDI_OR_CONTROL);
    expect(result.error.message.length).toBeLessThanOrEqual(MAX_PROVIDER_TEXT);
    expect(result.error.trackingId).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain(TOKEN);

    expect(JSON.stringify(pushed)).not.toContain(TOKEN);
  });

  it('a failing read that echoes the token puts no token in the status detail', async () => {
    const running = await start();
    server!.answer('GET', '/telephony/calls', {
      status: 400,
      body: echoingBody('Basic dXNlcjpzM2NyM3Q= aB3dE5fG7hJ9kL1mN3pQ'),
      headers: JSON_TYPE,
    });
    await running.start();
    await eventually(() => expect(running.status().health).toBe('degraded'));
    const detail = running.status().detail ?? '';
    expect(detail).toMatch(/^Webex refused: Header Authorization: Bearer \[redacted\]/);
    expect(detail).not.toContain(TOKEN);
    expect(detail).not.toContain('dXNlcjpzM2NyM3Q');
    expect(detail).not.toContain('aB3dE5fG7hJ9kL1mN3pQ');
    expect(detail).not.toMatch(BIDI_OR_CONTROL);
    expect(JSON.stringify(pushed)).not.toContain(TOKEN);
    expect(pushed.some((p) => (p as { channel: string }).channel === 'status:changed')).toBe(true);
  });
});
