import { describe, expect, it } from 'vitest';
import {
  clampInto,
  knownTrayBounds,
  placePanel,
  placePopup,
  type Rect,
  trayEdge,
  WINDOW_MARGIN,
} from '../../../src/main/shell/window-placement';

const screen: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const panel = { width: 360, height: 520 };
const m = WINDOW_MARGIN;

describe('placePanel', () => {
  it.each([
    {
      name: 'Windows, taskbar at the bottom, tray near the right',
      tray: { x: 1700, y: 1050, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      expected: { x: 1712 - 180, y: 1040 - 520 - m },
    },
    {
      name: 'macOS menu bar at the top',
      tray: { x: 1500, y: 0, width: 22, height: 24 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
      expected: { x: 1511 - 180, y: 25 + m },
    },
    {
      name: 'taskbar on the left',
      tray: { x: 10, y: 400, width: 24, height: 24 },
      workArea: { x: 60, y: 0, width: 1860, height: 1080 },
      expected: { x: 60 + m, y: 412 - 260 },
    },
    {
      name: 'taskbar on the right',
      tray: { x: 1880, y: 600, width: 24, height: 24 },
      workArea: { x: 0, y: 0, width: 1860, height: 1080 },
      expected: { x: 1860 - 360 - m, y: 612 - 260 },
    },
    {
      name: 'tray in the bottom-right corner: clamped into the work area',
      tray: { x: 1900, y: 1050, width: 20, height: 24 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      expected: { x: 1920 - 360, y: 1040 - 520 - m },
    },
    {
      name: 'tray at the far left of a top bar: clamped to the left edge',
      tray: { x: 2, y: 2, width: 20, height: 20 },
      workArea: { x: 0, y: 28, width: 1920, height: 1052 },
      expected: { x: 0, y: 28 + m },
    },
    {
      name: 'auto-hidden bottom taskbar (no cut in the work area): nearest edge',
      tray: { x: 1000, y: 1056, width: 24, height: 24 },
      workArea: screen,
      expected: { x: 1012 - 180, y: 1080 - 520 - m },
    },
  ])('$name', ({ tray, workArea, expected }) => {
    expect(placePanel({ trayBounds: tray, displayBounds: screen, workArea, window: panel })).toEqual(expected);
  });

  it.each([
    { name: 'undefined (Linux)', tray: undefined },
    { name: 'x = y = 0 (Linux)', tray: { x: 0, y: 0, width: 0, height: 0 } },
    { name: 'zero size', tray: { x: 300, y: 0, width: 0, height: 0 } },
    { name: 'not a number', tray: { x: Number.NaN, y: 4, width: 20, height: 20 } },
  ])('unknown tray bounds ($name) → top-right of the work area', ({ tray }) => {
    const workArea = { x: 0, y: 27, width: 1920, height: 1053 };
    expect(placePanel({ trayBounds: tray, displayBounds: screen, workArea, window: panel })).toEqual({ x: 1920 - 360 - m, y: 27 + m });
  });

  it('places on a second display to the left of the primary (negative coordinates)', () => {
    const display = { x: -1280, y: 0, width: 1280, height: 1024 };
    const workArea = { x: -1280, y: 0, width: 1280, height: 984 };
    const tray = { x: -100, y: 994, width: 24, height: 24 };
    expect(placePanel({ trayBounds: tray, displayBounds: display, workArea, window: panel })).toEqual({
      x: -1280 + 1280 - 360,
      y: 984 - 520 - m,
    });
  });
});

describe('trayEdge', () => {
  it('picks the bar the icon sits in when two edges are cut (menu bar on top, Dock on the left)', () => {
    const workArea = { x: 80, y: 25, width: 1840, height: 1055 };
    expect(trayEdge({ x: 1500, y: 0, width: 22, height: 24 }, screen, workArea)).toBe('top');
  });
});

describe('knownTrayBounds', () => {
  it('accepts real bounds only', () => {
    expect(knownTrayBounds({ x: 5, y: 0, width: 22, height: 22 })).toBe(true);
    expect(knownTrayBounds({ x: 0, y: 0, width: 22, height: 22 })).toBe(false);
  });
});

describe('placePopup and clampInto', () => {
  it('puts the popup in the top-right corner of the work area', () => {
    expect(placePopup({ x: 0, y: 0, width: 1920, height: 1040 }, { width: 380, height: 140 })).toEqual({ x: 1920 - 380 - m, y: m });
  });

  it('pins a window larger than the work area to its top-left', () => {
    expect(clampInto({ x: 10, y: 20, width: 300, height: 300 }, { width: 400, height: 400 }, { x: 100, y: 100 })).toEqual({ x: 10, y: 20 });
  });

  it('rounds to whole pixels', () => {
    expect(clampInto(screen, { width: 101, height: 101 }, { x: 10.4, y: 10.6 })).toEqual({ x: 10, y: 11 });
  });
});
