/**
 * Runs Electronegativity (Doyensec's static Electron security checker) on src/ — main, preload,
 * renderer; never out/ — assuming Electron 45, and fails on any finding that is not accepted with a
 * reason in security/electronegativity-review.json, and on review entries that no longer match.
 *
 * Tool quirks worked around here:
 * - it exits 0 even with findings, so the report is parsed;
 * - its CSV writer races (header and rows are two concurrent writeFile calls), so SARIF is used;
 * - on Node 24 its translation download (got 11) crashes the process from a retry timer when offline,
 *   so LANG is set to a value that makes that URL invalid (no request, English built-in messages);
 * - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list; it is skipped (the app
 *   tracks the current Electron major through its dependency instead).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

interface Review {
  electronVersion: string;
  accepted: { check: string; file: string; reason: string }[];
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

const root = process.cwd();
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

it('Electronegativity finds nothing in src/ that is not reviewed and accepted', async () => {
  const review = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-review.json'), 'utf8')) as Review;
  const directory = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const report = join(directory, 'report.sarif');
  try {
    await promisify(execFile)(
      process.execPath,
      [cli, '-i', 'src', '-e', review.electronVersion, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
      { cwd: root, env: { ...process.env, LANG: '%' }, timeout: 60_000 },
    );
    const sarif = JSON.parse(readFileSync(report, 'utf8')) as { runs: { results: SarifResult[] }[] };
    const findings = (sarif.runs[0]?.results ?? []).map((r) => {
      const location = r.locations[0]?.physicalLocation;
      return {
        check: r.ruleId,
        file: location?.artifactLocation.uri ?? 'N/A',
        line: location?.region.startLine ?? 0,
        message: r.message.text,
      };
    });
    // Scanned the real tree: the windows and the renderer pages are in it.
    expect(findings.some((f) => f.file.startsWith('renderer/'))).toBe(true);

    const accepted = (f: { check: string; file: string }) => review.accepted.some((a) => a.check === f.check && a.file === f.file);
    const unreviewed = findings.filter((f) => !accepted(f)).map((f) => `${f.check} ${f.file}:${f.line} — ${f.message}`);
    expect(unreviewed, 'fix these in code, or accept them with a reason in security/electronegativity-review.json').toEqual([]);

    const stale = review.accepted
      .filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file))
      .map((a) => `${a.check} ${a.file}`);
    expect(stale, 'these review entries match no finding any more: remove them').toEqual([]);
    for (const entry of review.accepted) expect(entry.reason.length, `${entry.check} ${entry.file} needs a reason`).toBeGreaterThan(40);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
