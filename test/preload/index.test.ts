import { beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, CHANNELS, PUSH_CHANNELS } from '../../src/shared/contract';
import { fakeElectron, ipcRenderer } from '../fakes/electron';

type BridgeFunction = keyof Bridge;
let exposed: Record<string, unknown>;
let bridge: Bridge;

beforeAll(async () => {
  const preload = await import('../../src/preload/index');
  // Type-level proof (checked by tsc): the preload implements the whole Bridge.
  const typed: Bridge = preload.bridge;
  bridge = typed;
  exposed = fakeElectron.exposedInMainWorld;
});

const entries = Object.entries(CHANNELS) as [BridgeFunction, (typeof CHANNELS)[BridgeFunction]][];
const invokeChannels = entries.flatMap(([name, spec]) => (spec.kind === 'invoke' ? [[name, spec.channel] as const] : []));
const pushChannels = entries.flatMap(([name, spec]) => (spec.kind === 'push' ? [[name, spec.channel] as const] : []));

describe('preload bridge', () => {
  it('exposes window.switchboard with exactly one function per contract channel and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['switchboard']);
    const api = exposed.switchboard as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).toBe(bridge);
    expect(pushChannels.map(([, c]) => c).sort()).toEqual([...PUSH_CHANNELS].sort());
  });

  it.each(invokeChannels)('%s invokes its own channel %s with just its argument', async (name, channel) => {
    const fn = bridge[name] as (arg?: unknown) => Promise<unknown>;
    const takesArgument = fn.length > 0;
    const argument = takesArgument ? { marker: name } : undefined;
    fakeElectron.rendererInvocations = [];
    const answer = await (takesArgument ? fn(argument) : fn());
    expect(fakeElectron.rendererInvocations).toEqual([{ channel, args: takesArgument ? [argument] : [] }]);
    expect(answer).toEqual({ channel, args: takesArgument ? [argument] : [] });
  });

  it('passes no stray argument on channels that take none', async () => {
    fakeElectron.rendererInvocations = [];
    await (bridge.listCalls as (x?: unknown) => Promise<unknown>)({ injected: true });
    expect(fakeElectron.rendererInvocations).toEqual([{ channel: 'calls:list', args: [] }]);
  });

  it.each(pushChannels)('%s listens on %s, drops the IPC event, and its unsubscribe removes only that listener', (name, channel) => {
    const subscribe = bridge[name] as (listener: (payload: unknown) => void) => () => void;
    const first: unknown[] = [];
    const second: unknown[] = [];
    const unsubscribeFirst = subscribe((payload) => first.push(payload));
    const unsubscribeSecond = subscribe((payload) => second.push(payload));
    expect(ipcRenderer.listenerCount(channel)).toBe(2);

    ipcRenderer.push(channel, { n: 1 });
    expect(first).toEqual([{ n: 1 }]);

    unsubscribeFirst();
    unsubscribeFirst();
    expect(ipcRenderer.listenerCount(channel)).toBe(1);
    ipcRenderer.push(channel, { n: 2 });
    expect(first).toEqual([{ n: 1 }]);
    expect(second).toEqual([{ n: 1 }, { n: 2 }]);

    unsubscribeSecond();
    expect(ipcRenderer.listenerCount(channel)).toBe(0);
  });

  it('a listener never sees events of another channel', () => {
    const calls: unknown[] = [];
    const unsubscribe = bridge.onCallsChanged((c) => calls.push(c));
    ipcRenderer.push('status:changed', { health: 'live' });
    expect(calls).toEqual([]);
    unsubscribe();
  });
});
