/**
 * Every Switchboard window is made here, with one fixed set of webPreferences: isolated, sandboxed, no
 * Node, web security on, the narrow preload, no auxclick (middle-click opening links). Callers choose
 * size and chrome only; they cannot loosen these. Written out literally so static checkers
 * (electronegativity) can verify them.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { preloadPath } from './renderer-location';

export type SecureWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
