/**
 * The simulated Call Control refuses what RingCentral refuses (409 in the wrong party state, 400 for
 * bad bodies, 404 for unknown sessions) in both error shapes, and answers with RingCentral's codes.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type SimKit, TEL, startSimKit } from './sim-kit';

let k: SimKit;
beforeEach(async () => {
  k = await startSimKit();
});
afterEach(async () => k.sim.close());

function ring(queue = false) {
  const sid = k.sim.scenario.ringUser({
    from: { phoneNumber: '+15550100' },
    ...(queue ? { queue: { name: 'Support', phoneNumber: '+16505550199' } } : {}),
  });
  return { sid, pid: k.myParty(sid), path: `${TEL}/sessions/${sid}/parties/${k.myParty(sid)}` };
}

describe('wrong state is 409', () => {
  test.each([
    ['hold', '/hold', {}],
    ['transfer', '/transfer', { phoneNumber: '+1650' }],
    ['park', '/park', undefined],
    ['flip', '/flip', { callFlipId: '*2' }],
    ['record', '/recordings', undefined],
  ])('%s a ringing call', async (_name, suffix, body) => {
    const { path } = ring();
    const answer = await k.call('POST', `${path}${suffix}`, body);
    expect(answer.status).toBe(409);
    expect(answer.body.errors[0].errorCode).toBe('TAS-409');
  });

  test.each([
    ['answer', '/answer', { deviceId: '800002' }],
    ['reject', '/reject', undefined],
    ['forward', '/forward', { phoneNumber: '+1650' }],
    ['reply', '/reply', { replyWithText: 'busy' }],
  ])('%s an answered call', async (_name, suffix, body) => {
    const { sid, path } = ring();
    k.sim.scenario.answerOnDevice(sid);
    expect((await k.call('POST', `${path}${suffix}`, body)).status).toBe(409);
  });

  test('ignore is only for call-queue calls; deleting a party only for parked/supervised/conference ones', async () => {
    expect((await k.call('POST', `${ring().path}/ignore`, { deviceId: '800002' })).status).toBe(409);
    expect((await k.call('POST', `${ring(true).path}/ignore`, { deviceId: '800002' })).status).toBe(204);
    expect((await k.call('DELETE', ring().path)).status).toBe(409);
  });

  test('bring-in works only into a Conference-origin session', async () => {
    const first = ring();
    k.sim.scenario.answerOnDevice(first.sid);
    const other = ring();
    const answer = await k.call('POST', `${TEL}/sessions/${other.sid}/parties/bring-in`, { sessionId: first.sid, partyId: first.pid });
    expect(answer.status).toBe(409);
  });
});

describe('bodies', () => {
  test('reply patterns with a time need time and unit; unknown patterns are refused', async () => {
    const { path } = ring();
    expect((await k.call('POST', `${path}/reply`, { replyWithPattern: { pattern: 'CallMeBack' } })).status).toBe(400);
    expect((await k.call('POST', `${path}/reply`, { replyWithPattern: { pattern: 'CallMeBack', time: 2, timeUnit: 'Hour' } })).status).toBe(
      200,
    );
    expect((await k.call('POST', `${path}/reply`, { replyWithPattern: { pattern: 'OnMyWay' } })).status).toBe(200);
    expect((await k.call('POST', `${path}/reply`, { replyWithPattern: { pattern: 'Later' } })).status).toBe(400);
  });

  test('forward and transfer take exactly one target', async () => {
    const { path } = ring();
    const answer = await k.call('POST', `${path}/forward`, { phoneNumber: '+1650', extensionNumber: '103' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ errorCode: 'CMN-101' });
  });

  test('mute is accepted in both the {party:{…}} and the flat form', async () => {
    const { sid, path } = ring();
    k.sim.scenario.answerOnDevice(sid);
    expect((await k.call('PATCH', path, { party: { muted: true } })).body.muted).toBe(true);
    expect((await k.call('PATCH', path, { muted: false })).body.muted).toBe(false);
  });

  test('call-out only from a desk phone or softphone', async () => {
    const answer = await k.call('POST', `${TEL}/call-out`, { from: { deviceId: '800001' }, to: { phoneNumber: '+1650' } });
    expect(answer.status).toBe(400);
  });
});

describe('errors', () => {
  test('unknown session: 404 CMN-102 in the modern shape, and in the legacy shape when asked', async () => {
    const modern = await k.call('GET', `${TEL}/sessions/s-none`);
    expect(modern.status).toBe(404);
    expect(modern.body).toEqual({ errors: [{ errorCode: 'CMN-102', message: 'Telephony session [s-none] not found' }] });
    expect(modern.headers.get('rcrequestid')).toBeTruthy();
    k.sim.setErrorShape('legacy');
    const legacy = await k.call('GET', `${TEL}/sessions/s-none`);
    expect(legacy.body).toEqual({
      errorCode: 'CMN-102',
      message: 'Telephony session [s-none] not found',
      errors: [{ errorCode: 'CMN-102', message: 'Telephony session [s-none] not found' }],
    });
  });

  test('a missing or expired token is 401; expired is OAU-128', async () => {
    expect((await k.call('GET', '/restapi/v1.0/account/~/extension/~', undefined, 'nope')).status).toBe(401);
    k.sim.faults.expireTokens();
    const expired = await k.call('GET', '/restapi/v1.0/account/~/extension/~');
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].errorCode).toBe('OAU-128');
  });

  test('another account or extension is not found', async () => {
    expect((await k.call('GET', '/restapi/v1.0/account/999/extension/~')).status).toBe(404);
  });
});

describe('rate limits', () => {
  test('over the Heavy limit: 429 with Retry-After 60, and a request during the penalty restarts it', async () => {
    const kit = await startSimKit({ rateLimits: { Heavy: 1 } });
    try {
      const out = () => kit.call('POST', `${TEL}/conference`, {});
      expect((await out()).status).toBe(201);
      const refused = await out();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('x-rate-limit-group')).toBe('heavy');
      expect(refused.body.errors[0].errorCode).toBe('CMN-301');
      kit.timers.advance(59_000);
      expect((await out()).status).toBe(429);
      kit.timers.advance(59_000);
      expect((await out()).status).toBe(429);
      kit.timers.advance(60_000);
      expect((await out()).status).toBe(201);
      // Light requests were never limited meanwhile.
      expect((await kit.call('GET', '/restapi/v1.0/account/~/extension/~')).status).toBe(200);
    } finally {
      await kit.sim.close();
    }
  });
});

describe('presence', () => {
  test('detailedTelephonyState lists the user’s active calls with session and party ids', async () => {
    const { sid, pid } = ring();
    const presence = await k.call('GET', '/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true');
    expect(presence.body).toMatchObject({
      telephonyStatus: 'Ringing',
      activeCalls: [{ telephonySessionId: sid, partyId: pid, direction: 'Inbound' }],
    });
    const plain = await k.call('GET', '/restapi/v1.0/account/~/extension/~/presence');
    expect(plain.body.activeCalls).toBeUndefined();
  });
});
