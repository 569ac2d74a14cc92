/**
 * The diagnostics report from a real session: Webex against its simulator over loopback, signed in with
 * a known token, a client secret and a Bandwidth API secret in the vault, calls to and from known full
 * numbers, a provider error that echoes the token, a log holding all of them (written by the app log and,
 * as an older release might have, unredacted). The report must hold none of those strings — nor any
 * seven-digit run of the numbers — and must hold what support needs: versions, provider, health over
 * time and the last commands with their outcomes.
 */
import { bindToEndpoint } from '../../../src/main/auth/endpoint-bound-secret';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memorySecretVault } from '../../../src/main/auth/secrets';
import type { FetchFn } from '../../../src/main/provider-api/http-client';
import { createAppLog } from '../../../src/main/runtime/app-log';
import { gatherDiagnosticsReport } from '../../../src/main/runtime/diagnostics-gather';
import { createMemorySettings } from '../../../src/main/runtime/memory-settings';
import { type Session, startSession } from '../../../src/main/runtime/session';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { eventually } from '../../support/eventually';

/** Lower case and digits: no generic pattern spots it; only knowing it does. */
const TOKEN = 'plainlowercasetoken4711';
const CLIENT_SECRET = 'c0ffee4b1d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a';
const BANDWIDTH_SECRET = 'bandwidthsecretvalue';
/** Stored inside Bandwidth's JSON credentials record (providers/bandwidth/account.ts), not as a bare value. */
const BANDWIDTH_TOKEN = 't-bandwidthapitoken';
const CALLEE = '+15550100101';
const CALLER = '+15550100202';
const SIP_USER = '+15550100303';
const EMAIL = 'alice.smith@example.com';

let session: Session | undefined;
let sim: WebexSimulator | undefined;
let folder: string | undefined;
afterEach(async () => {
  await session?.close();
  await sim?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  session = undefined;
  sim = undefined;
  folder = undefined;
});

/** Node's fetch, except that Webex answers Hang up with an error that repeats the request's Authorization header. */
const echoingFetch: FetchFn = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.endsWith('/telephony/calls/hangup')) {
    const authorization = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization') ?? '';
    const body = JSON.stringify({ message: `Hang up refused for ${authorization} (token ${TOKEN})`, trackingId: TOKEN });
    return new Response(body, { status: 400, headers: { 'Content-Type': 'application/json' } });
  }
  return fetch(input, init);
};

/** Every run of seven digits in a number: a report showing one shows more of the number than its last four. */
function digitRuns(number: string): string[] {
  const digits = number.replace(/\D/g, '');
  return Array.from({ length: digits.length - 6 }, (_, i) => digits.slice(i, i + 7));
}

/** The diagnostics report of a running session; with `logFile`, that log's tail too, and the session's secrets to leave out. */
function reportOf(running: Session, logFile?: string): Promise<string> {
  return gatherDiagnosticsReport({
    journal: running.diagnostics,
    status: () => running.core.status(),
    provider: () => running.provider,
    demo: () => running.demo,
    appVersion: '1.2.3',
    ...(logFile === undefined ? {} : { logFile, known: () => running.knownSecrets() }),
  });
}

describe('diagnostics report', () => {
  it('holds no token, secret, full number or address, and holds versions, provider, health over time and commands with outcomes', async () => {
    folder = mkdtempSync(join(tmpdir(), 'switchboard-diagnostics-'));
    sim = await startWebexSimulator({ token: TOKEN, farEndAnswerMs: null });
    const vault = memorySecretVault();
    // Stored as this version stores it: bound to the API it belongs to.
    await vault.set('bandwidth.apiSecret', bindToEndpoint(BANDWIDTH_SECRET, 'https://api.catapult.inetwork.com/v1'));
    await vault.set('bandwidth.apiToken', JSON.stringify({ userId: 'u-diagnostics', apiToken: BANDWIDTH_TOKEN }));
    const log = createAppLog({ folder });
    const running = await startSession({
      settings: createMemorySettings(DEFAULT_SETTINGS),
      env: {
        SWITCHBOARD_PROVIDER: 'webex',
        SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl,
        SWITCHBOARD_WEBEX_TOKEN: TOKEN,
        SWITCHBOARD_POLL_MS: '50',
      },
      vault,
      fetch: echoingFetch,
      log,
      openBrowser: async () => undefined,
      redirectPort: 0,
    });
    session = running;
    const { core } = running;
    expect(await running.accountControls.setClientSecret(CLIENT_SECRET)).toMatchObject({ ok: true });

    // A call out to a full number, a call in from one: answered, then Hang up meets the echoing error.
    expect(await core.command({ type: 'dial', destination: CALLEE })).toMatchObject({ ok: true });
    sim.scenario.ringUser({ from: { name: 'Alice Smith', number: CALLER } });
    const ringing = await eventually(() => {
      const call = core.calls().find((c) => c.state === 'alerting');
      if (!call) throw new Error('not ringing yet');
      return call;
    });
    expect(await core.command({ type: 'answer', callId: ringing.id })).toMatchObject({ ok: true });
    await eventually(() => expect(core.calls().find((c) => c.id === ringing.id)?.actions).toContain('hangup'));
    expect(await core.command({ type: 'hangup', callId: ringing.id })).toMatchObject({ ok: false });
    expect(await core.command({ type: 'hangup', callId: 'no-such-call-15550100101' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // Health over time: the network goes and comes back.
    core.setOnline(false);
    await eventually(() => expect(core.status().health).toBe('offline'));
    core.setOnline(true);
    await eventually(() => expect(core.status().health).toBe('polling'));

    // The log: what the app wrote, and lines an older release might have written unredacted.
    log.info(`Dialled ${CALLEE} for ${EMAIL}`);
    appendFileSync(
      log.file,
      [
        `[2026-12-01 10:00:00.000] [warn]  Authorization: Bearer ${TOKEN} refused; client_secret=${CLIENT_SECRET}`,
        `[2026-12-01 10:00:01.000] [info]  secret ${CLIENT_SECRET} and ${BANDWIDTH_SECRET} for sip:${SIP_USER}@pbx.example.com`,
        `[2026-12-01 10:00:02.000] [info]  call from ${CALLER} (${CALLER.slice(2)}) to ${EMAIL}, token ${TOKEN}`,
        `[2026-12-01 10:00:03.000] [warn]  Catapult refused user u-diagnostics with ${BANDWIDTH_TOKEN}`,
        '',
      ].join('\n'),
    );

    const report = await reportOf(running, log.file);

    for (const secret of [TOKEN, CLIENT_SECRET, BANDWIDTH_SECRET, BANDWIDTH_TOKEN, EMAIL, 'alice.smith'])
      expect(report).not.toContain(secret);
    for (const number of [CALLEE, CALLER, SIP_USER]) {
      expect(report).not.toContain(number);
      for (const run of digitRuns(number)) expect(report, `${run} of ${number}`).not.toContain(run);
    }

    expect(report).toContain('Switchboard: 1.2.3');
    expect(report).toMatch(/^Node: \d+\.\d+\.\d+$/m);
    expect(report).toMatch(/^OS: \S+ \S+ \(\S+\)$/m);
    expect(report).toContain('Provider: webex');
    expect(report).toContain('Demo: no');
    const section = (title: string) => report.split(`== ${title}`)[1]?.split('\n== ')[0] ?? '';
    expect(section('Event health over time')).toMatch(/ offline {2}webex/);
    expect(section('Event health over time').indexOf(' offline ')).toBeLessThan(section('Event health over time').lastIndexOf(' polling '));
    const commands = section('Last commands');
    expect(commands).toMatch(/call dial {2}ok \(\d+ ms\)/);
    expect(commands).toMatch(/call answer …\w{6} {2}ok/);
    expect(commands).toMatch(/call hangup …\w{6} {2}error \w+: .*\[redacted\]/);
    expect(commands).toMatch(/call hangup …\w{6} {2}error NOT_FOUND/);
    const logTail = section('Log tail');
    expect(logTail).toContain('Dialled …0101 for a•••@example.com');
    expect(logTail).toContain('for sip:+•••@pbx.example.com');
    expect(logTail).toContain('Authorization: Bearer [redacted] refused; client_secret=[redacted]');
  });

  it('leaves out a pasted token, which is stored nowhere and named by no variable', async () => {
    folder = mkdtempSync(join(tmpdir(), 'switchboard-diagnostics-'));
    sim = await startWebexSimulator({ token: TOKEN });
    const log = createAppLog({ folder });
    const running = await startSession({
      settings: createMemorySettings(DEFAULT_SETTINGS),
      env: { SWITCHBOARD_PROVIDER: 'webex', SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl },
      vault: memorySecretVault(),
      log,
      openBrowser: async () => undefined,
      redirectPort: 0,
    });
    session = running;
    expect(await running.accountControls.pasteToken(TOKEN)).toMatchObject({ ok: true });
    appendFileSync(log.file, `[2026-12-01 10:00:00.000] [info]  pasted ${TOKEN} by hand\n`);
    const report = await reportOf(running, log.file);
    expect(report).toContain('pasted [redacted] by hand');
    expect(report).not.toContain(TOKEN);
  });

  it('keeps the last 50 commands and says how many went', async () => {
    sim = await startWebexSimulator({ token: TOKEN });
    const running = await startSession({
      settings: createMemorySettings(DEFAULT_SETTINGS),
      env: { SWITCHBOARD_PROVIDER: 'webex', SWITCHBOARD_WEBEX_BASE_URL: sim.baseUrl, SWITCHBOARD_WEBEX_TOKEN: TOKEN },
      vault: memorySecretVault(),
      openBrowser: async () => undefined,
      redirectPort: 0,
    });
    session = running;
    // Unknown calls are refused before any request: 60 commands, no network.
    for (let i = 0; i < 60; i += 1) await running.core.command({ type: 'hold', callId: `call-${i}` });
    const kept = running.diagnostics.commands();
    expect(kept).toHaveLength(50);
    expect(kept[0]?.ref).toBe('call10');
    expect(kept.at(-1)?.ref).toBe('call59');
    const report = await reportOf(running);
    expect(report).toContain('(10 earlier commands not kept)');
  });
});
