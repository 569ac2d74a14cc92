/**
 * The wire watch and clock driver of the RingCentral fault run (ringcentral-fault-run.ts): it sees every
 * fetch the client makes, every WebSocket handshake, frame sent and frame received (by the gateway's
 * `wsc` sequence numbers), and moves the hand-driven clock (test/support/hand-timers.ts) to its next
 * timer only when none of that is under way, so what happens never depends on how fast the machine is. Knows the
 * simulator's sent frames, nothing of calls.
 */
import { WebSocket } from 'ws';
import type { FetchFn } from '../../../src/main/provider-api/http-client';
import type { SocketLike } from '../../../src/main/providers/ringcentral/subscription';
import type { RingCentralSimulator } from '../../../src/main/simulator/ringcentral';
import type { HandTimers } from '../../support/hand-timers';

/** The longest the clock jumps at once when no timer is due sooner. */
const MAX_STEP_MS = 60_000;

export interface WireWatch {
  fetch: FetchFn;
  openSocket(url: string): SocketLike;
  /** Whether anything is on the wire: a fetch, a WebSocket handshake, a frame either way. */
  busy(): boolean;
  /** A request the simulator holds on its clock (a slow answer) does not count as on the wire. */
  holdBack(path: string): void;
  release(path: string): void;
}

export function createWireWatch(sim: RingCentralSimulator): WireWatch {
  const inFlight = new Map<number, string>();
  let nextId = 0;
  const heldBack = new Set<string>();
  interface Watched {
    greeted: boolean;
    token?: string;
    awaiting: Set<string>;
  }
  const sockets = new Set<Watched>();
  const received = new Map<string, number>();
  const sentByToken = new Map<string, number>();
  let framesSeen = 0;

  function simSent(token: string): number {
    for (; framesSeen < sim.sentFrames.length; framesSeen++) {
      const wsc = (sim.sentFrames[framesSeen]?.[0] as { wsc?: { token: string; sequence: number } }).wsc;
      if (wsc) sentByToken.set(wsc.token, Math.max(wsc.sequence, sentByToken.get(wsc.token) ?? 0));
    }
    return sentByToken.get(token) ?? 0;
  }

  return {
    async fetch(input, init) {
      const id = nextId++;
      const request = input instanceof Request ? input : new Request(input, init);
      inFlight.set(id, new URL(request.url).pathname);
      try {
        return await fetch(input, init);
      } finally {
        inFlight.delete(id);
      }
    },
    openSocket(url) {
      const socket = new WebSocket(url);
      const watched: Watched = { greeted: false, awaiting: new Set() };
      sockets.add(watched);
      const send = socket.send.bind(socket);
      socket.send = ((data: string) => {
        const messageId = (JSON.parse(data) as [{ messageId?: string }])[0]?.messageId;
        if (messageId) watched.awaiting.add(messageId);
        send(data);
      }) as typeof socket.send;
      socket.on('message', (data: Buffer) => {
        const meta = (JSON.parse(String(data)) as [{ messageId?: string; wsc?: { token: string; sequence: number } }])[0];
        watched.greeted = true;
        if (meta.messageId) watched.awaiting.delete(meta.messageId);
        if (meta.wsc) {
          watched.token = meta.wsc.token;
          received.set(meta.wsc.token, Math.max(meta.wsc.sequence, received.get(meta.wsc.token) ?? 0));
        }
      });
      socket.on('close', () => sockets.delete(watched));
      return socket as unknown as SocketLike;
    },
    busy() {
      for (const path of inFlight.values()) if (![...heldBack].some((held) => path.includes(held))) return true;
      for (const socket of sockets) {
        if (!socket.greeted || socket.awaiting.size > 0) return true;
        if (socket.token !== undefined && simSent(socket.token) > (received.get(socket.token) ?? 0)) return true;
      }
      return false;
    },
    holdBack: (path) => heldBack.add(path),
    release: (path) => heldBack.delete(path),
  };
}

export interface Driver {
  /** Waits for `promise`, moving the clock whenever nothing is on the wire. */
  promise<T>(promise: Promise<T>): Promise<T>;
  /** Waits until `check` holds, the same way; gives up after 10 simulated minutes (then `onGiveUp`, or it throws). */
  until(check: () => boolean, what: string, onGiveUp?: () => void): Promise<void>;
  /** Lets `ms` of simulated time pass, the same way. */
  idle(ms: number, what: string): Promise<void>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createDriver(timers: HandTimers, wire: WireWatch): Driver {
  /**
   * One round: real I/O first. The clock moves a step only when the wire is quiet before and after a
   * macrotask turn and a timer turn (so a zero-delay timer inside the client, such as ky's replay after a
   * refreshed token, has run: it was set before ours).
   */
  async function round(): Promise<void> {
    if (wire.busy()) return pause();
    await turn();
    if (wire.busy()) return;
    await pause();
    if (wire.busy()) return;
    timers.fireNext(timers.now() + MAX_STEP_MS);
  }

  async function until(check: () => boolean, what: string, onGiveUp?: () => void, limitMs = 600_000): Promise<void> {
    const deadline = timers.now() + limitMs;
    while (!check()) {
      if (timers.now() >= deadline) {
        if (onGiveUp) return onGiveUp();
        throw new Error(`gave up waiting: ${what}`);
      }
      await round();
    }
  }

  return {
    async promise(promise) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      // A command always ends (every request has a timeout): however long it takes, its Result counts.
      await until(() => settled, 'a command to finish', undefined, Number.POSITIVE_INFINITY);
      return watched;
    },
    until,
    idle(ms, what) {
      const at = timers.now() + ms;
      return until(() => timers.now() >= at, what);
    },
  };
}
