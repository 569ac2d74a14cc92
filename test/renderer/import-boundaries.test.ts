// The renderer's doors: it imports only src/shared (and its own files), Preact and signals; contract.ts
// and settings.ts only as types, so zod never lands in a window's bundle.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = join(root, 'src/renderer');
const sharedDir = join(root, 'src/shared');
const ALLOWED_PACKAGES = new Set(['preact', 'preact/hooks', '@preact/signals']);
const TYPE_ONLY = ['contract', 'settings'].map((name) => join(sharedDir, name));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

interface ImportLine {
  typeOnly: boolean;
  from: string;
}

function imports(source: string): ImportLine[] {
  const found: ImportLine[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) {
    found.push({ typeOnly: Boolean(match[2]), from: match[4] ?? '' });
  }
  return found;
}

describe('renderer imports', () => {
  const files = sourceFiles(rendererDir);

  it('finds the renderer sources', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  for (const file of files) {
    it(relative(root, file), () => {
      for (const { typeOnly, from } of imports(readFileSync(file, 'utf8'))) {
        if (!from.startsWith('.')) {
          expect(ALLOWED_PACKAGES.has(from), `${from} is not allowed in the renderer`).toBe(true);
          continue;
        }
        if (from.endsWith('.css')) continue;
        const target = resolve(dirname(file), from);
        const inside = target.startsWith(rendererDir + '/') || target.startsWith(sharedDir + '/');
        expect(inside, `${from} leaves src/renderer and src/shared`).toBe(true);
        if (TYPE_ONLY.includes(target)) expect(typeOnly, `${from} must be imported with "import type"`).toBe(true);
      }
    });
  }
});
