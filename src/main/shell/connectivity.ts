/**
 * Tells the core when the machine wakes, unlocks or changes network: a resume, an unlock or a move to
 * another network resumes the feed (push opened afresh — its socket may have died silently — the calls
 * read at once, the history re-read); going offline pauses it and coming back reads at once. Electron
 * has no event for either in main, so net.isOnline() and the machine's network addresses are looked at
 * every few seconds on the Timers port. Must not touch the windows or the provider.
 */
import { networkInterfaces } from 'node:os';
import { net, powerMonitor } from 'electron';
import { realTimers, type TimerHandle, type Timers } from '../foundation/timers';
import type { SwitchboardCore } from '../core/switchboard-core';

export interface ConnectivityOptions {
  core: Pick<SwitchboardCore, 'resume' | 'setOnline'>;
  /** How often to look at the network (default 3 s: a call can start ringing right after a change). */
  pollMs?: number;
  timers?: Timers;
  /** What names the network the machine is on now (default: its external addresses); a change is a new network. */
  network?: () => string;
}

/** The machine's non-internal addresses, sorted: another Wi-Fi, a cable or a VPN changes them. */
export function currentNetwork(): string {
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) if (!address.internal) addresses.push(address.address);
  }
  return addresses.sort().join(' ');
}

/** Starts watching; returns a function that stops it. */
export function watchConnectivity(options: ConnectivityOptions): () => void {
  const { core } = options;
  const timers = options.timers ?? realTimers;
  const pollMs = options.pollMs ?? 3_000;
  const readNetwork = options.network ?? currentNetwork;
  /**
   * The network's name, or the last one known when the addresses cannot be read (os.networkInterfaces
   * throws in some sandboxes): a throw here would end the looks, and at start the whole shell.
   */
  let lastNetwork = '';
  const network = (): string => {
    try {
      return readNetwork();
    } catch {
      return lastNetwork;
    }
  };
  let online = net.isOnline();
  lastNetwork = network();
  if (!online) core.setOnline(false);

  /** Applies a network change; true when there was one (setOnline(true) re-reads by itself). */
  const follow = (now: boolean): boolean => {
    if (now === online) return false;
    online = now;
    core.setOnline(now);
    return true;
  };
  const wake = (): void => {
    lastNetwork = network();
    if (!follow(net.isOnline()) && online) void core.resume();
  };
  const look = (): void => {
    const name = network();
    const moved = name !== lastNetwork;
    lastNetwork = name;
    if (!follow(net.isOnline()) && online && moved) void core.resume();
  };
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);

  let timer: TimerHandle | null = null;
  const schedule = (): void => {
    timer = timers.setTimeout(() => {
      look();
      schedule();
    }, pollMs);
    (timer as { unref?: () => void } | null)?.unref?.();
  };
  schedule();

  return () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    powerMonitor.off('resume', wake);
    powerMonitor.off('unlock-screen', wake);
  };
}
