/**
 * The incoming-call popup window: created hidden at start so it appears at once, frameless, always on
 * top, off the taskbar. It is shown INACTIVE (never steals focus from what the user is typing in), at
 * screen-saver level and on every workspace including full-screen ones — re-applied on every show
 * because some window managers (KDE) drop it on hide. It grows with the number of ringing calls.
 * Which calls ring and whether to pop is decided elsewhere (popup-controller).
 */
import type { BrowserWindow } from 'electron';
import { screen } from 'electron';
import { placePopup, popupSize } from './window-placement';
import { loadRendererPage } from './renderer-location';
import { hideOnClose } from './hide-on-close';
import { createSecureWindow } from './secure-window';

export interface PopupWindow {
  readonly window: BrowserWindow;
  /** Shows (or resizes) the popup for this many ringing calls without focusing it. */
  show(ringingCount: number): void;
  hide(): void;
  isVisible(): boolean;
}

export interface PopupWindowOptions {
  quitting(): boolean;
}

export function createPopupWindow(options: PopupWindowOptions): PopupWindow {
  const initial = popupSize(1, screen.getPrimaryDisplay().workArea);
  const window = createSecureWindow({
    width: initial.width,
    height: initial.height,
    show: false,
    frame: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    resizable: false,
    maximizable: false,
    minimizable: false,
    fullscreenable: false,
    // Focusable so the user can click and type (a DTMF reply, a divert number); it is just never focused for them.
    focusable: true,
    title: 'Incoming call — Switchboard',
  });
  void loadRendererPage(window, 'popup');

  hideOnClose(window, options.quitting);

  return {
    window,
    show(ringingCount) {
      if (window.isDestroyed()) return;
      const workArea = screen.getPrimaryDisplay().workArea;
      const size = popupSize(ringingCount, workArea);
      window.setBounds({ ...placePopup(workArea, size), ...size });
      window.showInactive();
      window.setAlwaysOnTop(true, 'screen-saver');
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
    },
    hide() {
      if (!window.isDestroyed()) window.hide();
    },
    isVisible: () => !window.isDestroyed() && window.isVisible(),
  };
}
