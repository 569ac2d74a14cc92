/**
 * Draws the tray icons (one per tray state) and writes them to assets/tray/: `<state>.png` (16 px) and
 * `<state>@2x.png` (32 px) in colour for Windows and Linux, `<state>Template.png` and
 * `<state>Template@2x.png` in black and alpha for the macOS menu bar, which tints them itself. Each
 * state has its own shape as well as its own colour, so the monochrome variants stay distinguishable.
 * Pure Node: a tiny PNG encoder on zlib, shapes sampled 4×4 per pixel for smooth edges. Deterministic,
 * so a test can check that the committed files are current.
 *
 * Run: node --import tsx scripts/generate-tray-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { TRAY_STATES, type TrayState } from '../src/main/shell/tray-model';

type Rgb = readonly [number, number, number];
/** Coverage of a point in the unit square (0,0 top-left … 1,1 bottom-right): 1 inside the shape. */
type Shape = (x: number, y: number) => boolean;

const COLOURS: Record<TrayState, Rgb> = {
  idle: [59, 130, 246],
  ringing: [245, 158, 11],
  inCall: [22, 163, 74],
  muted: [220, 38, 38],
  offline: [107, 114, 128],
  signedOut: [156, 163, 175],
};

const distance = (x: number, y: number): number => Math.hypot(x - 0.5, y - 0.5);
const disk =
  (r: number): Shape =>
  (x, y) =>
    distance(x, y) <= r;
const ring =
  (r: number, width: number): Shape =>
  (x, y) =>
    Math.abs(distance(x, y) - r) <= width / 2;
/** A band along the diagonal from bottom-left to top-right. */
const slash =
  (width: number, reach: number): Shape =>
  (x, y) =>
    Math.abs(x + y - 1) / Math.SQRT2 <= width / 2 && distance(x, y) <= reach;
const dashed =
  (shape: Shape, dashes: number): Shape =>
  (x, y) => {
    const angle = Math.atan2(y - 0.5, x - 0.5) + Math.PI;
    return Math.floor((angle / (2 * Math.PI)) * dashes * 2) % 2 === 0 && shape(x, y);
  };
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !cut(x, y);

const SHAPES: Record<TrayState, Shape> = {
  idle: ring(0.34, 0.14),
  ringing: union(disk(0.2), ring(0.4, 0.1)),
  inCall: disk(0.42),
  muted: minus(disk(0.42), slash(0.16, 0.5)),
  offline: union(ring(0.34, 0.12), slash(0.1, 0.38)),
  signedOut: dashed(ring(0.34, 0.12), 6),
};

const SUPERSAMPLE = 4;

function render(shape: Shape, size: number, colour: Rgb): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (shape((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)) hits++;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = colour[0];
      pixels[offset + 1] = colour[1];
      pixels[offset + 2] = colour[2];
      pixels[offset + 3] = Math.round((255 * hits) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG: every scanline prefixed with filter type 0, deflated as one IDAT chunk. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file by name, e.g. "ringing.png", "ringingTemplate@2x.png". */
export function trayIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const state of TRAY_STATES) {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      files.set(`${state}${suffix}.png`, encodePng(size, size, render(SHAPES[state], size, COLOURS[state])));
      files.set(`${state}Template${suffix}.png`, encodePng(size, size, render(SHAPES[state], size, [0, 0, 0])));
    }
  }
  return files;
}

export const TRAY_ICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../assets/tray');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(TRAY_ICON_DIR, { recursive: true });
  for (const [name, png] of trayIcons()) writeFileSync(join(TRAY_ICON_DIR, name), png);
  console.log(`Wrote ${trayIcons().size} tray icons to ${TRAY_ICON_DIR}`);
}
