/**
 * The browser preview is development tooling: no app code imports it, and the packager packs only the
 * build output (out/**, which the preview is never built into), the tray icons and package.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the preview stays out of the app', () => {
  it('nothing under src/main, src/preload, src/renderer or src/shared imports src/preview', () => {
    const preview = join(ROOT, 'src/preview');
    const imports = ['src/main', 'src/preload', 'src/renderer', 'src/shared']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]*)['"]/gm)].map(
          ([, specifier]) => ({
            file,
            target: resolve(dirname(file), specifier ?? ''),
          }),
        ),
      );
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.filter(({ target }) => target.startsWith(preview)).map(({ file }) => file)).toEqual([]);
  });

  it('electron-builder packs only out/**, the tray icons and package.json', () => {
    const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const files = /^files:\n((?:\s+-.*\n)+)/m
      .exec(config)?.[1]
      ?.trim()
      .split('\n')
      .map((line) => line.replace(/^\s*-\s*/, '').replace(/["']/g, ''));
    expect(files).toEqual(['out/**', 'assets/tray/**', 'package.json', '!**/*.map']);
  });

  it('the build has three entries (main, preload, renderer pages) and none of them is the preview', () => {
    const config = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(config).not.toMatch(/src\/preview/);
  });
});
