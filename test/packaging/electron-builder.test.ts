/**
 * Packaging smoke test: electron-builder packs the built app (`--linux --dir`) from electron-builder.yml
 * into app.asar. Electron's binary cannot be downloaded here, so a stub distribution stands in for it
 * and fuses (which need the real binary) are left out; everything else is the real configuration.
 * Asserts what a user's install would contain: the three windows, the preload, the tray icons and
 * only runtime dependencies — no sources, tests, preview or dev tooling.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { build, Platform, type Configuration } from 'electron-builder';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function stubElectronDist(): string {
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(dist, 'LICENSE'), 'MIT');
  writeFileSync(join(dist, 'version'), '45.3.4');
  return dist;
}

describe('packaging', () => {
  it('packs the built app with exactly what it needs to run', async () => {
    const { electronFuses: _fuses, ...config } = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
    const output = join(work, 'release');
    // A config *file* replaces electron-builder.yml (an object would be merged over it, fuses included).
    const configFile = join(work, 'electron-builder.json');
    const packaging: Configuration = {
      ...config,
      electronDist: stubElectronDist(),
      electronVersion: '45.3.4',
      directories: { ...config.directories, output },
    };
    writeFileSync(configFile, JSON.stringify(packaging));
    await build({ targets: Platform.LINUX.createTarget('dir'), projectDir: ROOT, config: configFile });

    const files = listPackage(join(output, 'linux-unpacked', 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const needed of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/panel.html',
      '/out/renderer/popup.html',
      '/out/renderer/conference.html',
      '/assets/tray/ringing.png',
      '/assets/tray/ringingTemplate@2x.png',
      '/node_modules/electron-store',
      '/node_modules/ky',
      '/node_modules/zod',
      // The RingCentral demo's simulator serves its WebSocket with ws (the client side uses Node's own).
      '/node_modules/ws',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const forbidden = files.filter((f) =>
      /^\/(src|test|bench|scripts|docs|security)\/|^\/node_modules\/(preact|@preact|playwright-core|vitest|tsx|typescript|electron|electron-builder|happy-dom|axe-core)(\/|$)|\.map$/.test(
        f,
      ),
    );
    expect(forbidden).toEqual([]);
  });
});
