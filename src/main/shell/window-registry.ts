/**
 * The app's own windows by name. The IPC sender check asks it whether a webContents is ours, and the
 * push hub asks it where to send. Destroyed windows drop out by themselves.
 */
import type { BrowserWindow, WebContents } from 'electron';
import type { WindowName } from '../../shared/contract';

export interface WindowRegistry {
  add(name: WindowName, window: BrowserWindow): void;
  get(name: WindowName): BrowserWindow | undefined;
  /** Which of our windows a webContents belongs to, if any. */
  nameOf(contents: WebContents): WindowName | undefined;
  entries(): [WindowName, BrowserWindow][];
}

export function createWindowRegistry(): WindowRegistry {
  const windows = new Map<WindowName, BrowserWindow>();
  const live = (window: BrowserWindow | undefined): BrowserWindow | undefined => (window && !window.isDestroyed() ? window : undefined);
  return {
    add(name, window) {
      windows.set(name, window);
      window.once('closed', () => {
        if (windows.get(name) === window) windows.delete(name);
      });
    },
    get: (name) => live(windows.get(name)),
    nameOf(contents) {
      for (const [name, window] of windows) if (live(window) && window.webContents === contents) return name;
      return undefined;
    },
    entries: () => [...windows].filter(([, w]) => live(w) !== undefined),
  };
}
