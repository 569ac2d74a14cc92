/**
 * The per-window channel sets (src/shared/window-channels.ts) match what each window's code calls: every
 * Bridge request a window's page can make (its entry and everything it imports, found by bundling it)
 * is in that window's set, so no control the user presses is refused as "not for this window".
 * Reads of the shared state that a page switches off (`boot(…, { history: false, account: false })`)
 * are not made there and are not counted.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHANNELS, WINDOW_NAMES, type BridgeFunctionName } from '../../../src/shared/contract';
import { WINDOW_CHANNELS } from '../../../src/shared/window-channels';

/** The state's reads that the ConnectOptions switch off, by option (src/renderer/state.ts). */
const OPTIONAL_READS: Record<string, BridgeFunctionName[]> = { history: ['history'], account: ['account'] };

async function filesOf(window: string): Promise<string[]> {
  const result = await build({
    entryPoints: [`src/renderer/${window}/main.tsx`],
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'unused',
    loader: { '.css': 'empty' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
}

describe('channels per window match what each window calls', () => {
  it.each(WINDOW_NAMES)('the %s page asks only for channels of its set', async (window) => {
    const entry = readFileSync(`src/renderer/${window}/main.tsx`, 'utf8');
    const switchedOff = Object.entries(OPTIONAL_READS).flatMap(([option, names]) =>
      new RegExp(`\\b${option}:\\s*false`).test(entry) ? names : [],
    );
    const used = new Set<BridgeFunctionName>();
    for (const file of await filesOf(window)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bbridge\.([A-Za-z]+)\b/g)) {
        const name = match[1] as BridgeFunctionName;
        if (name in CHANNELS && !(file.endsWith('renderer/state.ts') && switchedOff.includes(name))) used.add(name);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) {
      const spec = CHANNELS[name];
      // A subscription to an event the window is never sent is harmless (the shared state subscribes to all).
      if (spec.kind === 'push') continue;
      expect(WINDOW_CHANNELS[window].invoke, `${window} calls bridge.${name} (${spec.channel})`).toContain(spec.channel);
    }
  });
});
