import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLog } from '../../../src/main/runtime/app-log';
import { eventually } from '../../support/eventually';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('app log', () => {
  it('writes lines to the log file with secrets and full numbers removed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-log-'));
    dirs.push(folder);
    const log = createAppLog({ folder });
    log.info('Signed in; Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH');
    log.warn('Dial +15550102030 failed');
    await eventually(() => expect(readFileSync(log.file, 'utf8')).toContain('failed'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('[info]');
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('Dial …2030 failed');
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(text).not.toContain('5550102030');
  });
});
