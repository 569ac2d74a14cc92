/**
 * Tells the core when the machine wakes, unlocks or changes network: a resume or unlock re-reads the
 * calls at once (they may have changed while asleep); going offline pauses polling and coming back
 * re-reads. Network state is polled from net.isOnline() because Electron has no event for it in main.
 */
import { net, powerMonitor } from 'electron';
import type { SwitchboardCore } from '../core/switchboard-core';

export interface ConnectivityOptions {
  core: Pick<SwitchboardCore, 'reconcile' | 'setOnline'>;
  /** How often to look at the network state (default 10 s). */
  pollMs?: number;
}

/** Starts watching; returns a function that stops it. */
export function watchConnectivity(options: ConnectivityOptions): () => void {
  const { core } = options;
  let online = net.isOnline();
  if (!online) core.setOnline(false);

  /** Applies a network change; true when there was one (setOnline(true) re-reads by itself). */
  const follow = (now: boolean): boolean => {
    if (now === online) return false;
    online = now;
    core.setOnline(now);
    return true;
  };
  const wake = (): void => {
    if (!follow(net.isOnline()) && online) void core.reconcile();
  };
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);

  const timer = setInterval(() => follow(net.isOnline()), options.pollMs ?? 10_000);
  timer.unref?.();

  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', wake);
    powerMonitor.off('unlock-screen', wake);
  };
}
