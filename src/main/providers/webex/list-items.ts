/**
 * Reads the items of a Webex list one by one: an item that does not fit its schema is skipped and
 * reported through the log port, and the others are kept, so one call Webex describes in a way this
 * release cannot read never hides every other call. Pure apart from the log; no I/O.
 */
import type { z } from 'zod';

/** Where the Webex provider reports what it skipped or could not understand (the runtime's logger). */
export interface WebexLog {
  warn(message: string): void;
}

export const SILENT_LOG: WebexLog = { warn: () => undefined };

/** The items that parse; each one that does not is named (by position and the fields at fault, never its content) in one warning. */
export function readEach<S extends z.ZodType>(items: readonly unknown[], schema: S, what: string, log: WebexLog): z.infer<S>[] {
  const read: z.infer<S>[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      read.push(parsed.data);
      return;
    }
    // Only the paths: the item may hold names and numbers, which do not belong in a log.
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(item)'))].join(', ');
    log.warn(`Webex sent ${what} #${index + 1} that Switchboard cannot read (${fields}): it is left out.`);
  });
  return read;
}
