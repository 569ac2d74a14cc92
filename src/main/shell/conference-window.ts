/**
 * The conference control panel: an ordinary framed window (it is worked in for minutes, beside other
 * apps), created hidden at start and shown on demand from the panel, the tray or a shortcut. Closing it
 * only hides it; it is destroyed when the app quits.
 */
import type { BrowserWindow } from 'electron';
import { CONFERENCE_SIZE } from './window-placement';
import { loadRendererPage } from './renderer-location';
import { hideOnClose } from './hide-on-close';
import { createSecureWindow } from './secure-window';

export interface ConferenceWindow {
  readonly window: BrowserWindow;
  show(): void;
  hide(): void;
  isVisible(): boolean;
}

export function createConferenceWindow(options: { quitting(): boolean }): ConferenceWindow {
  const window = createSecureWindow({
    ...CONFERENCE_SIZE,
    minWidth: 340,
    minHeight: 360,
    show: false,
    title: 'Switchboard — Conference',
    autoHideMenuBar: true,
    fullscreenable: false,
  });
  void loadRendererPage(window, 'conference');
  hideOnClose(window, options.quitting);
  return {
    window,
    show() {
      if (window.isDestroyed()) return;
      // The user asked for it: it may take focus.
      window.show();
      window.focus();
    },
    hide() {
      if (!window.isDestroyed()) window.hide();
    },
    isVisible: () => !window.isDestroyed() && window.isVisible(),
  };
}
