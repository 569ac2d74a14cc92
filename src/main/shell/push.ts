/**
 * Push events from main to the windows that show them, and only to those: each window receives the
 * push channels src/shared/window-channels.ts gives it (the popup no account or history, for one).
 * Hidden windows still get their events so they are current the moment they show.
 */
import type { PushChannel, PushEvents } from '../../shared/contract';
import { receivesPush } from '../../shared/window-channels';
import type { WindowRegistry } from './window-registry';

export interface PushHub {
  send<C extends PushChannel>(channel: C, payload: PushEvents[C]): void;
}

export function createPushHub(registry: WindowRegistry): PushHub {
  return {
    send(channel, payload) {
      for (const [name, window] of registry.entries()) {
        if (!receivesPush(name, channel)) continue;
        if (window.webContents.isDestroyed()) continue;
        window.webContents.send(channel, payload);
      }
    },
  };
}
