/**
 * The laptop Switchboard runs on, for the sleep and network-change proofs: two hand-driven clocks (the
 * app's, which stops while the machine sleeps, and the world's — the provider's simulator — which never
 * stops), the network the app's requests and push sockets go through (offline: a request fails at once
 * with a network error; asleep or switched: an open socket goes silent without closing, as a TCP
 * connection over a lost network does), and the shell's connectivity watch on the fake electron
 * (powerMonitor 'resume', net.isOnline, the network the machine is on). Not a test itself.
 */
import { WebSocket } from 'ws';
import { expect } from 'vitest';
import type { FetchFn } from '../../../../src/main/provider-api/http-client';
import type { SwitchboardCore } from '../../../../src/main/core/switchboard-core';
import type { SocketLike } from '../../../../src/main/providers/ringcentral/subscription';
import { watchConnectivity } from '../../../../src/main/shell/connectivity';
import { fakeElectron, powerMonitor } from '../../../fakes/electron';
import { eventually } from '../../../support/eventually';
import { HandTimers } from '../../../support/hand-timers';

/** Lets loopback I/O run without moving either clock. */
export async function io(turns = 30): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

const STEP_MS = 100;

/** The network error fetch gives when there is no connection. */
function noNetwork(): TypeError {
  return new TypeError('net::ERR_INTERNET_DISCONNECTED');
}

export class Machine {
  readonly app: HandTimers;
  readonly world: HandTimers;
  private asleepSince: number | undefined;
  private offline = false;
  private networkName = 'wifi-home';
  /** Sockets the app opened; a dead one neither delivers nor sends, and never says it closed. */
  private readonly sockets = new Set<{ dead: boolean; real: WebSocket }>();
  private stopWatching: (() => void) | undefined;

  constructor(start = Date.parse('2026-12-01T09:00:00Z')) {
    this.app = new HandTimers(start);
    this.world = new HandTimers(start);
    fakeElectron.online = true;
  }

  /** The fetch the app's provider client uses: no request leaves while asleep or offline. */
  readonly fetch: FetchFn = (input, init) => {
    if (this.asleepSince !== undefined || this.offline) return Promise.reject(noNetwork());
    return fetch(input, init);
  };

  /** The app's push sockets (RingCentral's WebSocket), through this machine's network. */
  readonly openSocket = (url: string): SocketLike => {
    const real = new WebSocket(url);
    const entry = { dead: this.asleepSince !== undefined || this.offline, real };
    this.sockets.add(entry);
    const alive = () => !entry.dead;
    return {
      get readyState() {
        return real.readyState;
      },
      send(data: string) {
        if (alive()) real.send(data);
      },
      close(code?: number, reason?: string) {
        real.close(code, reason);
      },
      addEventListener(type: 'message' | 'close' | 'error' | 'open', listener: (event: { data: unknown }) => void) {
        if (type === 'message') real.on('message', (data: unknown) => alive() && listener({ data: String(data) }));
        else real.on(type, () => alive() && listener({ data: undefined }));
      },
    };
  };

  /** Open sockets go silent (the network under them is gone); the far end may keep writing into the void. */
  private silenceSockets(): void {
    for (const entry of this.sockets) entry.dead = true;
  }

  /** The shell's connectivity watch, on the app's clock, feeding `core`. */
  watch(core: SwitchboardCore): void {
    this.stopWatching = watchConnectivity({
      core,
      timers: this.app,
      pollMs: 3_000,
      network: () => this.networkName,
    });
  }

  /** Time passes with the machine awake (both clocks), with loopback I/O between the steps. */
  async run(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += STEP_MS) {
      this.world.advance(STEP_MS);
      this.app.advance(STEP_MS);
      await io();
    }
  }

  /**
   * Waits until `check` passes, letting at most `budgetMs` of app time pass (in steps, with I/O between
   * them); after that only I/O already under way can make it pass, however slow the machine is.
   */
  async within(budgetMs: number, check: () => void): Promise<void> {
    for (let spent = 0; ; spent += STEP_MS) {
      await io();
      try {
        check();
        return;
      } catch {
        if (spent >= budgetMs) break;
      }
      this.world.advance(STEP_MS);
      this.app.advance(STEP_MS);
    }
    await eventually(check);
  }

  /** The outcome of `promise`, letting at most `budgetMs` of app time pass for it (a rate gate may make it wait). */
  async settle<T>(promise: Promise<T>, budgetMs = 5_000): Promise<T> {
    let done = false;
    const watched = promise.finally(() => {
      done = true;
    });
    await this.within(budgetMs, () => expect(done).toBe(true));
    return watched;
  }

  /** The lid closes: the app stops (its timers too) and its sockets go silent. */
  suspend(): void {
    this.asleepSince = this.world.now();
    this.silenceSockets();
  }

  /** Time passes while the machine sleeps: only the world's clock moves. */
  async asleepFor(ms: number): Promise<void> {
    expect(this.asleepSince).toBeDefined();
    for (let t = 0; t < ms; t += 1_000) {
      this.world.advance(1_000);
      await io(2);
    }
  }

  /** The lid opens: the app's clock jumps by the time asleep (no timer fires for it), then powerMonitor says 'resume'. */
  wake(): void {
    const since = this.asleepSince;
    if (since === undefined) throw new Error('not asleep');
    this.app.skip(this.world.now() - since);
    this.asleepSince = undefined;
    powerMonitor.emit('resume');
  }

  /** The network goes away; `noticed`: the OS says so (net.isOnline false), else requests just fail. */
  goOffline(noticed: boolean): void {
    this.offline = true;
    this.silenceSockets();
    if (noticed) fakeElectron.online = false;
  }

  goOnline(): void {
    this.offline = false;
    fakeElectron.online = true;
  }

  /** Wi-Fi to another network (still online throughout): open sockets die silently. */
  switchNetwork(name: string): void {
    this.networkName = name;
    this.silenceSockets();
  }

  close(): void {
    this.stopWatching?.();
    for (const { real } of this.sockets) real.terminate();
    this.sockets.clear();
    fakeElectron.online = true;
  }
}
