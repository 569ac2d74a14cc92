/**
 * Where the windows' pages and the preload live, and whether a URL is one of our own pages. Packaged
 * and `npm start` builds load files from out/renderer; `electron-vite dev` serves them from a local dev
 * server named in ELECTRON_RENDERER_URL (never in a packaged app). Used for loading, for the IPC sender
 * check and for navigation limits.
 */
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';

export type RendererPage = 'panel' | 'popup' | 'conference';

export function rendererDirectory(): string {
  return join(app.getAppPath(), 'out', 'renderer');
}

/** The bundled preload (CJS: a sandboxed preload cannot be ESM). */
export function preloadPath(): string {
  return join(app.getAppPath(), 'out', 'preload', 'index.cjs');
}

function devServerOrigin(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function loadRendererPage(window: BrowserWindow, page: RendererPage): Promise<void> {
  const dev = devServerOrigin();
  if (dev) return window.loadURL(`${dev}/${page}.html`);
  return window.loadFile(join(rendererDirectory(), `${page}.html`));
}

/** True for our renderer pages only: files inside out/renderer, or the dev server's origin in development. */
export function isOwnRendererUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const dev = devServerOrigin();
  if (dev && parsed.origin === dev) return true;
  if (parsed.protocol !== 'file:') return false;
  let path: string;
  try {
    path = resolve(fileURLToPath(parsed));
  } catch {
    return false;
  }
  const within = relative(rendererDirectory(), path);
  return within !== '' && !within.startsWith('..') && !within.startsWith(sep) && !/^[a-zA-Z]:/.test(within);
}
