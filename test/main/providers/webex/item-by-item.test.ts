/**
 * One item Webex describes in a way this release cannot read must not hide the others: calls,
 * conference participants, history records and phone numbers are read one by one; values Webex may add
 * later (a call state, a personality) read as unknown, and what is left out is reported to the log port.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { createWebexClient, createWebexProvider } from '../../../../src/main/providers/webex';
import type { WebexClient } from '../../../../src/main/providers/webex/client';
import type { WebexProvider } from '../../../../src/main/providers/webex/provider';
import { JSON_TYPE, type ScriptedServer, startScriptedServer, WIRE_CALL } from './scripted-server';

let server: ScriptedServer;
let warnings: string[];
let client: WebexClient;
let provider: WebexProvider;

function answerJson(method: string, path: string, body: unknown): void {
  server.answer(method, path, { status: 200, body: JSON.stringify(body), headers: JSON_TYPE });
}

beforeEach(async () => {
  server = await startScriptedServer();
  warnings = [];
  const log = { warn: (message: string) => void warnings.push(message) };
  const options = { baseUrl: server.baseUrl, tokens: staticTokenSource('raw-token', 'Webex'), log };
  client = createWebexClient(options);
  provider = createWebexProvider(options);
  answerJson('GET', '/telephony/config/people/me/endpoints', { endpoints: [] });
});

afterEach(async () => {
  await server.close();
});

describe('the call list', () => {
  it('keeps every call it can read when one has no id, and reports the one left out without its content', async () => {
    answerJson('GET', '/telephony/calls', { items: [{ ...WIRE_CALL, id: undefined, callId: undefined }, 42, WIRE_CALL, { id: 'bare' }] });
    const calls = await client.listCalls();
    expect(calls.map((c) => c.id)).toEqual(['call-1', 'bare']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/call #1 .*cannot read/);
    expect(warnings.join(' ')).not.toContain('+15550100');
  });

  it('shows a call in a state or with a personality it does not know, offering only hang up, and warns once', async () => {
    answerJson('GET', '/telephony/calls', {
      items: [WIRE_CALL, { ...WIRE_CALL, id: 'call-2', state: 'parkedElsewhere', personality: 'observer', created: 7, muteCapable: 'yes' }],
    });
    answerJson('GET', '/telephony/conference', {});
    const first = await provider.snapshot();
    await provider.snapshot();
    expect(first.calls).toHaveLength(2);
    expect(first.calls[1]).toMatchObject({
      id: 'call-2',
      state: 'unknown',
      direction: 'unknown',
      actions: ['hangup'],
      createdAt: '',
      muteCapable: false,
    });
    expect(first.calls[0]).toMatchObject({ id: 'call-1', state: 'connected', direction: 'incoming' });
    expect(first.calls[0]?.actions).toContain('hold');
    expect(warnings.filter((w) => w.includes('parkedElsewhere'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('observer'))).toHaveLength(1);
  });

  it('reads a call that carries only an id', async () => {
    answerJson('GET', '/telephony/calls', { items: [{ id: 'only-id' }] });
    const { calls } = await provider.snapshot();
    expect(calls).toEqual([
      expect.objectContaining({ id: 'only-id', state: 'unknown', sessionId: '', remote: { privacy: false }, actions: ['hangup'] }),
    ]);
  });
});

describe('other lists', () => {
  it('leaves out a conference participant without a callId and keeps the conference', async () => {
    answerJson('GET', '/telephony/conference', {
      state: 'connected',
      created: '2025-01-01T00:00:00Z',
      participants: [{ callId: 'a', muted: false }, { muted: true }, { callId: 'b', deafened: true }],
    });
    const conference = await client.conferenceDetails();
    expect(conference.participants?.map((p) => p.callId)).toEqual(['a', 'b']);
    expect(warnings).toEqual([expect.stringMatching(/conference participant #2 .*callId/)]);
  });

  it('leaves out a history record of a type it does not know and keeps the rest', async () => {
    answerJson('GET', '/telephony/calls/history', {
      items: [
        { type: 'forwarded', time: 'x' },
        { type: 'missed', name: 'Ada', time: '2025-01-01T00:00:00Z' },
      ],
    });
    expect(await provider.history()).toEqual([{ type: 'missed', name: 'Ada', privacy: false, time: '2025-01-01T00:00:00Z' }]);
    expect(warnings).toHaveLength(1);
  });

  it('asks /people/me for calling data and leaves out a phone number without a value', async () => {
    answerJson('GET', '/people/me', {
      id: 'me-1',
      displayName: 'Grace Hopper',
      extension: '123',
      phoneNumbers: [
        { type: 'work', primary: true },
        { type: 'mobile', value: '+15550199' },
      ],
    });
    const account = await provider.account();
    expect(account).toMatchObject({ personId: 'me-1', primaryNumber: '+15550199', extension: '123' });
    expect(server.received.find((r) => r.path === '/people/me')?.query).toEqual({ callingData: 'true' });
    expect(warnings).toEqual([expect.stringMatching(/phone number #1 .*value/)]);
  });
});
