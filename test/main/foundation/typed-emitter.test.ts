// The typed emitter's listener count, which the soak (test/main/soak) relies on to see listeners pile
// up: it follows subscriptions exactly, whichever way they end, and never counts one twice.
import { describe, expect, it } from 'vitest';
import { createEmitter, liveListenerCount } from '../../../src/main/foundation/typed-emitter';

describe('typed emitter listener count', () => {
  it('counts a listener while subscribed, once, whichever way it ends', () => {
    const start = liveListenerCount();
    const emitter = createEmitter<{ a: number; b: string }>();
    const heard: number[] = [];
    const listener = (n: number) => heard.push(n);
    const offA = emitter.on('a', listener);
    // The same function twice on one event is one listener: it hears each event once.
    const offAgain = emitter.on('a', listener);
    const offB = emitter.on('b', () => undefined);
    expect(liveListenerCount()).toBe(start + 2);
    emitter.emit('a', 1);
    expect(heard).toEqual([1]);
    offA();
    offAgain();
    expect(liveListenerCount()).toBe(start + 1);
    emitter.on('a', listener);
    emitter.clear();
    expect(liveListenerCount()).toBe(start);
    // Unsubscribing after clear() removes nothing a second time.
    offB();
    expect(liveListenerCount()).toBe(start);
    emitter.emit('a', 2);
    expect(heard).toEqual([1]);
  });
});
