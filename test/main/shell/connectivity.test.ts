/**
 * The shell's connectivity watch on the fake electron: waking or unlocking resumes the feed; a move to
 * another network (the machine's addresses change, still online) resumes it too; going offline and
 * back is told as such; and nothing is told when nothing changed. Time is the Timers port, by hand.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { currentNetwork, watchConnectivity } from '../../../src/main/shell/connectivity';
import { HandTimers } from '../../support/hand-timers';
import { fakeElectron, powerMonitor } from '../../fakes/electron';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  fakeElectron.online = true;
});

/** Starts the watch on a hand clock with `network` as the machine's network reader; what the core is told goes in `told`. */
function watchWith(network: () => string) {
  const timers = new HandTimers();
  const told: string[] = [];
  stop = watchConnectivity({
    core: {
      resume: async () => {
        told.push('resume');
        return { ok: true, value: null };
      },
      setOnline: (online) => void told.push(online ? 'online' : 'offline'),
    },
    timers,
    pollMs: 3_000,
    network,
  });
  return { timers, told };
}

function watch() {
  let network = 'wifi-home';
  return { ...watchWith(() => network), moveTo: (name: string) => (network = name) };
}

describe('connectivity', () => {
  test('resume and unlock resume the feed', () => {
    const { told } = watch();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(told).toEqual(['resume', 'resume']);
  });

  test('another network resumes the feed within one look; the same network tells nothing', () => {
    const { timers, told, moveTo } = watch();
    timers.advance(30_000);
    expect(told).toEqual([]);
    moveTo('wifi-office');
    timers.advance(3_000);
    expect(told).toEqual(['resume']);
    timers.advance(30_000);
    expect(told).toEqual(['resume']);
  });

  test('offline and back are told once each; waking offline says offline, not resume', () => {
    const { timers, told } = watch();
    fakeElectron.online = false;
    timers.advance(3_000);
    timers.advance(3_000);
    fakeElectron.online = true;
    timers.advance(3_000);
    expect(told).toEqual(['offline', 'online']);
    fakeElectron.online = false;
    powerMonitor.emit('resume');
    expect(told).toEqual(['offline', 'online', 'offline']);
  });

  test('stopping ends the looks and the listeners', () => {
    const { timers, told, moveTo } = watch();
    stop?.();
    stop = undefined;
    moveTo('elsewhere');
    timers.advance(10_000);
    powerMonitor.emit('resume');
    expect(told).toEqual([]);
    expect(timers.size).toBe(0);
  });

  test('a machine whose addresses cannot be read (os.networkInterfaces throws in some sandboxes) is still watched for offline and back', () => {
    const { timers, told } = watchWith(() => {
      throw new Error('uv_interface_addresses returned Unknown system error 1');
    });
    fakeElectron.online = false;
    timers.advance(3_000);
    fakeElectron.online = true;
    timers.advance(3_000);
    powerMonitor.emit('resume');
    expect(told).toEqual(['offline', 'online', 'resume']);
    expect(timers.size).toBe(1);
  });

  test("the machine's network is named by its external addresses", () => {
    expect(typeof currentNetwork()).toBe('string');
    expect(currentNetwork()).not.toContain('127.0.0.1');
  });
});
