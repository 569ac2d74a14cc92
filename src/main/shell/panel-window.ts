/**
 * The tray popover: a frameless 360×520 window placed next to the tray icon (top-right of the work area
 * where the OS does not say where the icon is), shown on demand, hidden when it loses focus. Closing it
 * only hides it; it is destroyed when the app quits.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import { PANEL_SIZE, knownTrayBounds, placePanel } from './window-placement';
import { loadRendererPage } from './renderer-location';
import { hideOnClose } from './hide-on-close';
import { createSecureWindow } from './secure-window';

export interface PanelWindow {
  readonly window: BrowserWindow;
  show(): void;
  hide(): void;
  toggle(): void;
  isVisible(): boolean;
}

export interface PanelWindowOptions {
  /** The tray icon's bounds where the OS reports them (macOS, Windows). */
  trayBounds(): Rectangle | undefined;
  /** True while the app quits: then a close really closes. */
  quitting(): boolean;
  /** Milliseconds clock (default Date.now). */
  now?: () => number;
}

/**
 * Clicking the tray icon while the panel is open first blurs (and so hides) the panel, then delivers
 * the click: a click this soon after a blur-hide means "close", not "open again".
 */
const BLUR_CLICK_MS = 300;

export function createPanelWindow(options: PanelWindowOptions): PanelWindow {
  const window = createSecureWindow({
    width: PANEL_SIZE.width,
    height: PANEL_SIZE.height,
    show: false,
    frame: false,
    resizable: false,
    maximizable: false,
    minimizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    title: 'Switchboard',
  });
  void loadRendererPage(window, 'panel');

  const now = options.now ?? Date.now;
  let hiddenByBlurAt = Number.NEGATIVE_INFINITY;
  window.on('blur', () => {
    if (!window.isVisible()) return;
    hiddenByBlurAt = now();
    window.hide();
  });
  hideOnClose(window, options.quitting);

  function place(): void {
    const tray = options.trayBounds();
    const display = knownTrayBounds(tray) ? screen.getDisplayMatching(tray) : screen.getPrimaryDisplay();
    const position = placePanel({ trayBounds: tray, displayBounds: display.bounds, workArea: display.workArea, window: PANEL_SIZE });
    window.setBounds({ ...position, ...PANEL_SIZE });
  }

  const panel: PanelWindow = {
    window,
    show() {
      if (window.isDestroyed()) return;
      place();
      // The user asked for the panel: it may take focus (unlike the popup).
      window.show();
      window.focus();
    },
    hide() {
      if (!window.isDestroyed()) window.hide();
    },
    toggle() {
      if (panel.isVisible()) panel.hide();
      else if (now() - hiddenByBlurAt > BLUR_CLICK_MS) panel.show();
    },
    isVisible: () => !window.isDestroyed() && window.isVisible(),
  };
  return panel;
}
