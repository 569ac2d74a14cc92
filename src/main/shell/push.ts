/**
 * Push events from main to the windows that show them: the panel shows everything, the popup only
 * what an incoming call needs, the conference window its conferences. Hidden windows still get their
 * events so they are current the moment they show.
 */
import { PUSH_CHANNELS, type PushChannel, type PushEvents, type WindowName } from '../../shared/contract';
import type { WindowRegistry } from './window-registry';

export const WINDOW_CHANNELS: Record<WindowName, readonly PushChannel[]> = {
  // The panel shows everything, so a new push channel reaches it without an edit here.
  panel: PUSH_CHANNELS,
  popup: ['calls:changed', 'status:changed', 'settings:changed', 'app:changed', 'notice'],
  conference: ['calls:changed', 'conferences:changed', 'status:changed', 'settings:changed', 'app:changed', 'notice'],
};

export interface PushHub {
  send<C extends PushChannel>(channel: C, payload: PushEvents[C]): void;
}

export function createPushHub(registry: WindowRegistry): PushHub {
  return {
    send(channel, payload) {
      for (const [name, window] of registry.entries()) {
        if (!WINDOW_CHANNELS[name].includes(channel)) continue;
        if (window.webContents.isDestroyed()) continue;
        window.webContents.send(channel, payload);
      }
    },
  };
}
