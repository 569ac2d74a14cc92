/**
 * One vocabulary: the UI's button names and the demo menu's name are written once, in src/shared,
 * and every window, the tray, the notifications and the core's messages read them from there. A
 * button name spelled out again elsewhere would drift from the one the user (and a screen reader)
 * knows, so this scans the sources for copies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, DIAL_LABEL, SAVE_DIAGNOSTICS_LABEL } from '../../src/shared/action-labels';
import { DEMO_MENU_LABEL } from '../../src/shared/demo-calls';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The simulator plays the provider's side of the wire and speaks the provider's words, not ours; a
// provider's wire types and mapping quote the wire's own values ("Hold" is a RingCentral party status).
const SKIPPED = [
  'src/shared',
  'src/main/simulator',
  'src/main/providers/ringcentral/wire.ts',
  'src/main/providers/ringcentral/mapping.ts',
  'src/main/providers/ringcentral/actions.ts',
  'src/main/providers/ringcentral/conference-mapping.ts',
  'src/main/providers/ringcentral/provider.ts',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIPPED.includes(relative(ROOT, path))) return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** A label as code would spell it: a string literal, or the whole text of a JSX element or line. */
function copies(source: string, label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(['"\`])${escaped}\\1|>\\s*${escaped}\\s*</|^\\s*${escaped}\\s*$`, 'gm');
  return source.match(pattern)?.length ?? 0;
}

describe('one vocabulary', () => {
  // The demo calls' own names are not scanned: "Call queue" is also a popup rule, a different thing.
  const labels = [...new Set([...Object.values(ACTION_LABELS), DIAL_LABEL, SAVE_DIAGNOSTICS_LABEL, DEMO_MENU_LABEL])];
  const files = sources(join(ROOT, 'src'));

  it('finds the sources and the labels', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(labels).toEqual(expect.arrayContaining(['Answer', 'Hang up', 'Send to voicemail', 'Keypad', 'Simulate incoming call']));
  });

  it('no file outside src/shared spells out a button name', () => {
    const found = files.flatMap((file) => {
      // Comments may name a button; code must not.
      const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
      return labels.filter((label) => copies(source, label) > 0).map((label) => `${relative(ROOT, file)}: "${label}"`);
    });
    expect(found).toEqual([]);
  });
});
