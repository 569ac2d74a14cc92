/**
 * Telephony events are applied once and in order per party: duplicates (e.g. delivered twice or
 * replayed after recovery) and events overtaken by a newer one are dropped, over the real gateway and
 * in the ordering rule itself.
 */
import { afterEach, expect, test } from 'vitest';
import { PartySequences } from '../../../../src/main/providers/ringcentral/event-order';
import {
  type SocketLike,
  type TelephonySubscription,
  createTelephonySubscription,
} from '../../../../src/main/providers/ringcentral/subscription';
import type { WireSessionEvent } from '../../../../src/main/providers/ringcentral/wire';
import { type RcFixture, startRcFixture } from './rc-fixture';
import { eventually } from '../../../support/eventually';

function event(sequence: number, ...parties: [string, string][]): WireSessionEvent {
  return {
    sequence,
    telephonySessionId: 's-1',
    parties: parties.map(([id, code]) => ({ id, status: { code: code as 'Answered' }, recordings: [] })),
  };
}

test('older and duplicate events are dropped per party; other parties are unaffected', () => {
  const order = new PartySequences();
  expect(order.accept(event(2, ['p-1', 'Proceeding']))).toBeDefined();
  expect(order.accept(event(2, ['p-1', 'Proceeding']))).toBeUndefined();
  expect(order.accept(event(1, ['p-1', 'Setup']))).toBeUndefined();
  expect(order.accept(event(1, ['p-2', 'Setup']))).toBeDefined();
  const mixed = order.accept(event(3, ['p-1', 'Answered'], ['p-2', 'Setup']));
  expect(mixed?.parties.map((p) => p.id)).toEqual(['p-1', 'p-2']);
  expect(order.accept(event(3, ['p-1', 'Answered'], ['p-3', 'Setup']))?.parties.map((p) => p.id)).toEqual(['p-3']);
});

test('memory stays bounded: the least recently updated party is forgotten first', () => {
  const order = new PartySequences(2);
  order.accept(event(5, ['a', 'Answered']));
  order.accept(event(5, ['b', 'Answered']));
  order.accept(event(5, ['c', 'Answered']));
  expect(order.accept(event(5, ['a', 'Answered']))).toBeDefined();
  expect(order.accept(event(5, ['c', 'Answered']))).toBeUndefined();
});

let f: RcFixture | undefined;
let subscription: TelephonySubscription | undefined;
afterEach(async () => {
  subscription?.stop();
  await f?.close();
  f = undefined;
});

/**
 * A real WebSocket whose notifications the test reorders: each ServerNotification is held until the
 * test releases the held frames in the order it wants (every frame twice).
 */
function reorderingSocket(held: string[]): (url: string) => SocketLike {
  return (url) => {
    const real = new WebSocket(url);
    const listeners: ((event: { data: unknown }) => void)[] = [];
    real.addEventListener('message', (message) => {
      const text = String(message.data);
      if (text.includes('"ServerNotification"')) held.push(text);
      else for (const listener of listeners) listener({ data: text });
    });
    const socket: SocketLike & { release(order: number[]): void } = {
      get readyState() {
        return real.readyState;
      },
      send: (data) => real.send(data),
      close: (code, reason) => real.close(code, reason),
      addEventListener: ((type: 'message' | 'close' | 'error' | 'open', listener: (event: { data: unknown }) => void) => {
        if (type === 'message') listeners.push(listener);
        else real.addEventListener(type, () => (listener as () => void)());
      }) as SocketLike['addEventListener'],
      release(order) {
        for (const index of order) for (const listener of listeners) listener({ data: held[index] });
      },
    };
    sockets.push(socket);
    return socket;
  };
}
const sockets: (SocketLike & { release(order: number[]): void })[] = [];

test('over the gateway: frames delivered twice and out of order still give each state once, newest last', async () => {
  f = await startRcFixture();
  const fx = f;
  const held: string[] = [];
  sockets.length = 0;
  const states: string[] = [];
  subscription = createTelephonySubscription({
    wsToken: (signal) => fx.client.wsToken({ signal }),
    timers: fx.timers,
    openSocket: reorderingSocket(held),
  });
  subscription.on('sessionChanged', (e) => states.push(...e.parties.map((p) => `${e.sequence}:${p.status.code}`)));
  const connected = new Promise((resolve) => subscription?.on('connected', resolve));
  subscription.start();
  await connected;
  const sid = fx.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
  fx.sim.scenario.answerOnDevice(sid);
  fx.sim.scenario.remoteHangsUp(sid);
  await eventually(() => expect(held).toHaveLength(3));
  // 1, 1 (duplicate), 3, 2 (overtaken), 3 (duplicate)
  sockets[0]?.release([0, 0, 2, 1, 2]);
  expect(states).toEqual(['1:Proceeding', '3:Disconnected']);
});
