/**
 * The last lines of the app log (runtime/app-log.ts) for the diagnostics report: read from the end of
 * the file, reaching into electron-log's rotated `<name>.old.log` when the current file is short. Reads
 * a bounded number of bytes whatever the file's size; a missing file is an empty tail. Returns the
 * lines as written: the caller redacts them. Must not import electron.
 */
import { open } from 'node:fs/promises';
import { parse, join } from 'node:path';

/** Enough for 200 ordinary lines; a line longer than this is cut, never read whole. */
const MAX_BYTES = 128 * 1024;

async function lastBytes(file: string, max: number): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, max);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // A read that starts mid-file starts mid-line: drop that partial line.
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    await handle.close();
  }
}

function linesOf(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\r?\n/).filter((line) => line.length > 0);
}

/** electron-log's rotated file beside `file` (switchboard.log → switchboard.old.log). */
function rotatedLogFile(file: string): string {
  const { dir, name, ext } = parse(file);
  return join(dir, `${name}.old${ext}`);
}

export async function readLogTail(file: string, maxLines = 200): Promise<string[]> {
  const current = linesOf(await lastBytes(file, MAX_BYTES));
  if (current.length >= maxLines) return current.slice(-maxLines);
  const older = linesOf(await lastBytes(rotatedLogFile(file), MAX_BYTES));
  return [...older, ...current].slice(-maxLines);
}
