/**
 * Page weight per window: for each page in out/renderer, the gzipped size of every script and
 * stylesheet its HTML references (module entry, module preloads, stylesheets), next to the goal.
 * Reads the build; builds nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rendererPages } from '../src/preview/renderer-site';

/** Gzipped-size goals in KB per window, where there is one. */
const GOALS_KB: Record<string, number> = { popup: 40, panel: 80 };

/** The .js and .css files a page loads, from its script src and link href attributes. */
export function pageAssets(html: string): string[] {
  const found = new Set<string>();
  for (const [, url] of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)) if (url) found.add(url);
  return [...found];
}

export function pageWeights(rendererDir: string): { page: string; files: number; rawBytes: number; gzipBytes: number }[] {
  return rendererPages(rendererDir).map((file) => {
    const assets = pageAssets(readFileSync(join(rendererDir, file), 'utf8'));
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const asset of assets) {
      const content = readFileSync(join(rendererDir, asset.replace(/^\.?\//, '')));
      rawBytes += content.length;
      gzipBytes += gzipSync(content).length;
    }
    return { page: file.replace(/\.html$/, ''), files: assets.length, rawBytes, gzipBytes };
  });
}

export function runBundleSizeBenchmark(rendererDir: string): void {
  console.log('');
  console.log('Page weight (JS + CSS each window loads, gzipped):');
  for (const { page, files, rawBytes, gzipBytes } of pageWeights(rendererDir)) {
    const goal = GOALS_KB[page];
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    console.log(
      `  ${page.padEnd(12)} ${kb(gzipBytes).padStart(6)} KB gzipped (${kb(rawBytes)} KB raw, ${files} files)${goal === undefined ? '' : `   goal ≤ ${goal} KB`}`,
    );
  }
}
