/**
 * Where the tray popover and the incoming-call popup go on screen. Pure geometry: the shell passes the
 * tray's bounds (which Linux does not report) and the display's work area; nothing here touches
 * electron or a real screen.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export type ScreenEdge = 'top' | 'bottom' | 'left' | 'right';

/** Keeps a window off the very edge of the screen and clear of the taskbar. */
export const WINDOW_MARGIN = 8;

export interface PanelPlacementInput {
  /** The tray icon's bounds; undefined or all-zero where the OS does not tell (most Linux desktops). */
  trayBounds: Rect | undefined;
  /** The display the tray sits on: its whole area and the part not taken by task bars and docks. */
  displayBounds: Rect;
  workArea: Rect;
  window: Size;
}

/** Linux reports no tray bounds (undefined or 0,0 with no size): then we cannot anchor to the icon. */
export function knownTrayBounds(tray: Rect | undefined): tray is Rect {
  if (!tray) return false;
  if (![tray.x, tray.y, tray.width, tray.height].every(Number.isFinite)) return false;
  return !(tray.x === 0 && tray.y === 0) && tray.width > 0 && tray.height > 0;
}

/**
 * Which edge the tray is on: the side where the work area is cut short by a task bar or menu bar,
 * else (auto-hidden bars) the screen edge nearest to the icon.
 */
export function trayEdge(tray: Rect, displayBounds: Rect, workArea: Rect): ScreenEdge {
  const centre = centreOf(tray);
  const cut: Record<ScreenEdge, number> = {
    top: workArea.y - displayBounds.y,
    bottom: displayBounds.y + displayBounds.height - (workArea.y + workArea.height),
    left: workArea.x - displayBounds.x,
    right: displayBounds.x + displayBounds.width - (workArea.x + workArea.width),
  };
  const distance: Record<ScreenEdge, number> = {
    top: centre.y - displayBounds.y,
    bottom: displayBounds.y + displayBounds.height - centre.y,
    left: centre.x - displayBounds.x,
    right: displayBounds.x + displayBounds.width - centre.x,
  };
  const edges: ScreenEdge[] = ['top', 'bottom', 'left', 'right'];
  // Only a bar the icon actually sits in counts: a macOS menu bar (top) with the Dock on the left is
  // two cuts, and the icon is in the one it is closest to.
  const barEdges = edges.filter((edge) => cut[edge] > 0 && distance[edge] <= cut[edge] + tray.height);
  const candidates = barEdges.length > 0 ? barEdges : edges;
  return candidates.reduce((best, edge) => (distance[edge] < distance[best] ? edge : best));
}

/** The popover's top-left corner: next to the tray icon, opening away from its edge, inside the work area. */
export function placePanel(input: PanelPlacementInput): Point {
  const { trayBounds, displayBounds, workArea, window } = input;
  if (!knownTrayBounds(trayBounds)) return topRightOf(workArea, window);
  const centre = centreOf(trayBounds);
  const edge = trayEdge(trayBounds, displayBounds, workArea);
  const bottom = workArea.y + workArea.height;
  const right = workArea.x + workArea.width;
  const position: Point =
    edge === 'top'
      ? { x: centre.x - window.width / 2, y: workArea.y + WINDOW_MARGIN }
      : edge === 'bottom'
        ? { x: centre.x - window.width / 2, y: bottom - window.height - WINDOW_MARGIN }
        : edge === 'left'
          ? { x: workArea.x + WINDOW_MARGIN, y: centre.y - window.height / 2 }
          : { x: right - window.width - WINDOW_MARGIN, y: centre.y - window.height / 2 };
  return clampInto(workArea, window, position);
}

/** The incoming-call popup: the top-right corner of the work area, where notifications also appear. */
export function placePopup(workArea: Rect, window: Size): Point {
  return topRightOf(workArea, window);
}

export function topRightOf(workArea: Rect, window: Size): Point {
  return clampInto(workArea, window, {
    x: workArea.x + workArea.width - window.width - WINDOW_MARGIN,
    y: workArea.y + WINDOW_MARGIN,
  });
}

/** Moves a window fully into the work area; a window larger than it is pinned to its top-left. */
export function clampInto(workArea: Rect, window: Size, position: Point): Point {
  const maxX = workArea.x + workArea.width - window.width;
  const maxY = workArea.y + workArea.height - window.height;
  return {
    x: Math.round(Math.max(workArea.x, Math.min(position.x, maxX))),
    y: Math.round(Math.max(workArea.y, Math.min(position.y, maxY))),
  };
}

function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

export const PANEL_SIZE: Size = { width: 360, height: 520 };
/** The conference control panel: an ordinary window, worked in beside other apps. */
export const CONFERENCE_SIZE: Size = { width: 420, height: 560 };
export const POPUP_WIDTH = 380;
/** One incoming-call card (caller, number, why it reaches me, line, buttons: measured at 205 px in Chromium); several stack. */
export const POPUP_CARD_HEIGHT = 205;
export const POPUP_PADDING = 16;

/** The popup grows with the number of ringing calls, up to what the work area can hold. */
export function popupSize(ringingCount: number, workArea: Rect): Size {
  const cards = Math.max(1, ringingCount);
  const wanted = POPUP_PADDING + cards * POPUP_CARD_HEIGHT;
  return { width: POPUP_WIDTH, height: Math.min(wanted, Math.max(POPUP_PADDING + POPUP_CARD_HEIGHT, workArea.height - 2 * WINDOW_MARGIN)) };
}
