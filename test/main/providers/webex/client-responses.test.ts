/**
 * How the Webex client and provider read answers the simulator never gives: non-JSON, wrong shapes,
 * empty bodies where Webex may send them, and error bodies in odd forms.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import { createWebexClient, createWebexProvider } from '../../../../src/main/providers/webex';
import type { WebexClient } from '../../../../src/main/providers/webex/client';
import { JSON_TYPE, type ScriptedServer, startScriptedServer, WIRE_CALL } from './scripted-server';
import { rejection } from '../../../support/rejection';

let server: ScriptedServer;
let client: WebexClient;

beforeEach(async () => {
  server = await startScriptedServer();
  client = createWebexClient({ baseUrl: server.baseUrl, tokens: staticTokenSource('raw-token', 'Webex') });
});

afterEach(async () => {
  await server.close();
});

function failure(promise: Promise<unknown>): Promise<ProviderError> {
  return rejection(promise, ProviderError);
}

describe('unreadable answers → BAD_RESPONSE', () => {
  it('rejects a call list that is not JSON', async () => {
    server.answer('GET', '/telephony/calls', { status: 200, body: '<html>maintenance</html>', headers: { 'Content-Type': 'text/html' } });
    const error = await failure(client.listCalls());
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/Webex sent an answer Switchboard cannot read/);
  });

  it('rejects a call list without items', async () => {
    server.answer('GET', '/telephony/calls', { status: 200, body: JSON.stringify({ calls: [] }), headers: JSON_TYPE });
    expect((await failure(client.listCalls())).code).toBe('BAD_RESPONSE');
  });

  it('rejects call details without an id', async () => {
    server.answer('GET', '/telephony/calls/call-1', {
      status: 200,
      body: JSON.stringify({ callSessionId: 's-1', state: 'connected' }),
      headers: JSON_TYPE,
    });
    expect((await failure(client.callDetails('call-1'))).code).toBe('BAD_RESPONSE');
  });

  it('rejects a dial answer without a call id', async () => {
    server.answer('POST', '/telephony/calls/dial', { status: 201, body: JSON.stringify({ callSessionId: 'x' }), headers: JSON_TYPE });
    expect((await failure(client.dial({ destination: '1234' }))).code).toBe('BAD_RESPONSE');
  });

  it('rejects a park answer without parkedAgainst', async () => {
    server.answer('POST', '/telephony/calls/park', { status: 200, body: JSON.stringify({ parked: true }), headers: JSON_TYPE });
    expect((await failure(client.park({ callId: 'call-1' }))).code).toBe('BAD_RESPONSE');
  });

  it('rejects a history answer without items', async () => {
    server.answer('GET', '/telephony/calls/history', { status: 200, body: JSON.stringify({ records: [] }), headers: JSON_TYPE });
    expect((await failure(client.history())).code).toBe('BAD_RESPONSE');
  });

  it('rejects a /people/me answer that is not a person', async () => {
    server.answer('GET', '/people/me', { status: 200, body: 'null', headers: JSON_TYPE });
    expect((await failure(client.me())).code).toBe('BAD_RESPONSE');
  });

  it('rejects a preferred endpoint of the wrong shape, but reads an empty body as none', async () => {
    const path = '/telephony/config/people/me/settings/preferredAnswerEndpoint';
    server.answer('GET', path, { status: 200, body: JSON.stringify({ name: 'no id' }), headers: JSON_TYPE });
    expect((await failure(client.preferredAnswerEndpoint())).code).toBe('BAD_RESPONSE');
    server.answer('GET', path, { status: 200, body: '' });
    expect(await client.preferredAnswerEndpoint()).toBeNull();
    server.answer('GET', path, { status: 204 });
    expect(await client.preferredAnswerEndpoint()).toBeNull();
  });

  it('surfaces BAD_RESPONSE through the provider too', async () => {
    server.answer('GET', '/telephony/calls', { status: 200, body: 'not json at all' });
    const provider = createWebexProvider({ baseUrl: server.baseUrl, tokens: staticTokenSource('raw-token', 'Webex') });
    expect((await failure(provider.snapshot())).code).toBe('BAD_RESPONSE');
  });
});

describe('bodies Webex may leave out', () => {
  it('reads an attended transfer (204, no body) as no new call', async () => {
    server.answer('POST', '/telephony/calls/transfer', { status: 204 });
    expect(await client.transfer({ callId1: 'a', callId2: 'b' })).toBeUndefined();
  });

  it('reads a mute transfer 201 with an empty body as no new call, and with a body as the new call', async () => {
    server.answer('POST', '/telephony/calls/transfer', { status: 201, body: '' });
    expect(await client.transfer({ callId1: 'a', destination: '2002' })).toBeUndefined();
    server.answer('POST', '/telephony/calls/transfer', {
      status: 201,
      body: JSON.stringify({ callId: 'new-call', callSessionId: 'sess' }),
      headers: JSON_TYPE,
    });
    expect(await client.transfer({ callId1: 'a', destination: '2002' })).toEqual({ callId: 'new-call', callSessionId: 'sess' });
  });

  it('ignores whatever body comes with a 204 or 200 on a command without an answer', async () => {
    server.answer('POST', '/telephony/calls/answer', { status: 200, body: 'OK' });
    await expect(client.answer('call-1')).resolves.toBeUndefined();
  });

  it('maps a mute-transfer answer without a body to an outcome without a call id', async () => {
    server.answer('POST', '/telephony/calls/transfer', { status: 201 });
    const provider = createWebexProvider({ baseUrl: server.baseUrl, tokens: staticTokenSource('raw-token', 'Webex') });
    expect(await provider.execute({ type: 'muteTransfer', callId: 'a', destination: '2002' })).toEqual({});
  });
});

describe('errors in odd forms', () => {
  it('reads a plain-text 400 with the tracking ID from the header', async () => {
    server.answer('POST', '/telephony/calls/hold', {
      status: 400,
      body: 'Hold requires a connected call',
      headers: { 'Content-Type': 'text/plain', trackingid: 'ROUTER_TXT' },
    });
    const error = await failure(client.hold('call-1'));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toBe('Webex refused: Hold requires a connected call (tracking ID ROUTER_TXT)');
  });

  it('reads a Webex JSON error sent with the wrong content type', async () => {
    const body = JSON.stringify({
      message: 'Call not found',
      errors: [{ description: 'Call not found', errorCode: 101002 }],
      trackingId: 'ROUTER_JSON',
    });
    server.answer('POST', '/telephony/calls/hangup', { status: 400, body, headers: { 'Content-Type': 'text/plain' } });
    const error = await failure(client.hangup('gone'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Webex refused: call not found (tracking ID ROUTER_JSON)');
  });

  it('reads a 401 with a fixed token as signed out, after one try', async () => {
    server.answer('GET', '/telephony/calls', { status: 401, body: '' });
    const error = await failure(client.listCalls());
    expect(error.code).toBe('AUTH');
    expect(server.received.filter((r) => r.path === '/telephony/calls')).toHaveLength(1);
  });
});

describe('what goes on the wire', () => {
  it('sends the bearer token, a JSON body and a TrackingID on every request', async () => {
    server.answer('POST', '/telephony/calls/hold', { status: 204 });
    await client.hold('call-1', { lineOwnerId: 'line-9' });
    const [request] = server.received;
    expect(request?.headers.authorization).toBe('Bearer raw-token');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.headers.trackingid).toMatch(/^SWITCHBOARD_[0-9a-f-]{36}$/);
    expect(request?.body).toEqual({ callId: 'call-1', lineOwnerId: 'line-9' });
  });

  it('escapes a call id in the details path', async () => {
    server.answer('GET', '/telephony/calls/a%2Fb%2Bc', {
      status: 200,
      body: JSON.stringify({ ...WIRE_CALL, id: 'a/b+c' }),
      headers: JSON_TYPE,
    });
    expect((await client.callDetails('a/b+c')).id).toBe('a/b+c');
  });
});
