/**
 * "Save diagnostics…": asks where to save (a save dialog opening in Downloads with a dated name) and
 * writes the report there. The report itself is built and redacted outside the shell
 * (runtime/diagnostics-gather.ts, runtime/diagnostics-report.ts); this file only asks for the path and
 * writes the file. A cancelled dialog writes nothing. Must not build, read or change the report's text:
 * what is in it, and its redaction, are the runtime's.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type { DiagnosticsSaved } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import { diagnosticsFileName } from '../runtime/diagnostics-report';

export interface DiagnosticsExportOptions {
  /** Builds the report text (redacted). */
  build(): Promise<string>;
  /** The window the dialog belongs to, when one is showing. */
  parent?: () => BrowserWindow | undefined;
  now?: () => Date;
}

export async function saveDiagnostics(options: DiagnosticsExportOptions): Promise<Result<DiagnosticsSaved>> {
  const now = options.now ?? (() => new Date());
  // Everything in the try, the dialog too: the tray does not await a Result's rejection, so a dialog
  // that fails must become words for the user rather than an unhandled rejection.
  try {
    const dialogOptions = {
      title: 'Save diagnostics',
      defaultPath: join(app.getPath('downloads'), diagnosticsFileName(now())),
      buttonLabel: 'Save',
      filters: [{ name: 'Text', extensions: ['txt'] }],
    };
    const parent = options.parent?.();
    const choice = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    if (choice.canceled || !choice.filePath) return ok({ saved: false });
    const report = await options.build();
    await writeFile(choice.filePath, report, { encoding: 'utf8', mode: 0o600 });
    return ok({ saved: true, path: choice.filePath });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err('UNAVAILABLE', `Switchboard could not save the diagnostics: ${reason}`);
  }
}
