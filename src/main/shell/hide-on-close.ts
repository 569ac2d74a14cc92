/**
 * A tray app's windows outlive their close button: closing hides, so the window shows again at once
 * next time. Only while the app quits does a close really close.
 */
import type { BrowserWindow } from 'electron';

export function hideOnClose(window: BrowserWindow, quitting: () => boolean): void {
  window.on('close', (event) => {
    if (quitting()) return;
    event.preventDefault();
    window.hide();
  });
}
