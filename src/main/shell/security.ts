/**
 * App-wide Electron hardening, installed once before any window exists: every webContents may not
 * navigate away from our pages, open windows or attach webviews; every permission request is denied;
 * every response carries our CSP. Links a page asks to open go to the system browser only when they are
 * https on the allow-list. Knows nothing of calls.
 */
import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-link-policy';
import { CONTENT_SECURITY_POLICY } from '../runtime/content-security-policy';
import { isOwnRendererUrl } from './renderer-location';

/** Opens an https link from the allow-list in the system browser; anything else is dropped. */
/**
 * Opens an allow-listed https address in the system browser. `alsoAllowOrigin` admits one more origin:
 * the running provider's API base (its fixed host, RingCentral's chosen server, or a development server
 * from the environment — never one a window named), whose sign-in page the app itself built.
 */
export function openExternalSafely(url: string, alsoAllowOrigin?: string): boolean {
  if (!isAllowedExternalUrl(url) && !(alsoAllowOrigin !== undefined && sameOrigin(url, alsoAllowOrigin))) return false;
  void shell.openExternal(url);
  return true;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin && new URL(a).origin !== 'null';
  } catch {
    return false;
  }
}

/** Our pages never navigate; a navigation within our own origin (dev server) or to our own files is the only one allowed. */
function navigationAllowed(contents: WebContents, target: string): boolean {
  return isOwnRendererUrl(target) && (sameOrigin(contents.getURL(), target) || isOwnRendererUrl(contents.getURL()));
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!navigationAllowed(contents, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!navigationAllowed(contents, event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, after ready and before creating windows. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
