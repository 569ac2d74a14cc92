/**
 * Runs one command channel the way every transport must: the argument is parsed with the channel's
 * schema from the contract — the one place a command is validated and normalised (dial strings,
 * DTMF) before the core takes it as typed — the handler is called only with a valid argument, and
 * anything it throws becomes a Result, so nothing ever throws across the bridge. A window may use only
 * its own channels (src/shared/window-channels.ts): any other is refused before its argument is even
 * read. Shared by Electron's IPC (shell/ipc.ts, after its sender check) and the browser preview's WebSocket.
 */
import type { z } from 'zod';
import { type CommandChannel, COMMAND_SCHEMAS, USER_WORDED, type WindowName } from '../../shared/contract';
import { type AppError, err } from '../../shared/result';
import { mayInvoke } from '../../shared/window-channels';
import { capLength, flattenText } from '../foundation/secret-text';
import { MAX_PROVIDER_TEXT, safeAppError } from '../provider-api/provider-error';
import type { CommandHandlers } from './bridge-handlers';

export function isCommandChannel(name: unknown): name is CommandChannel {
  return typeof name === 'string' && Object.hasOwn(COMMAND_SCHEMAS, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** A number or tone the user typed wrong: say the normaliser's own sentence, not a schema report. */
function userWording(error: z.ZodError): string | undefined {
  const worded = error.issues.filter((issue) => issue.code === 'custom' && issue.params?.[USER_WORDED] === true);
  return worded.length > 0 && worded.length === error.issues.length ? worded[0]?.message : undefined;
}

/**
 * A refusal as it may reach a window, whichever handler made it (sign-in failures carry provider and
 * OAuth text too): its error through `safeAppError` (provider-api/provider-error.ts), the one way an
 * error is made safe. Anything that is not a refusal passes unchanged.
 */
function safeRefusal(result: unknown): unknown {
  if (typeof result !== 'object' || result === null || (result as { ok?: unknown }).ok !== false) return result;
  const { error } = result as { ok: false; error?: AppError };
  if (!error || typeof error.message !== 'string') return result;
  return { ok: false, error: safeAppError(error) };
}

/** Parses `raw` for `channel` and runs its handler; always resolves with the channel's result or an error Result. */
export async function invokeCommand(handlers: CommandHandlers, channel: CommandChannel, raw: unknown, from: WindowName): Promise<unknown> {
  if (!mayInvoke(from, channel)) return err('BAD_INPUT', `Refused "${channel}": the ${from} window may not use it.`);
  const schema: z.ZodType = COMMAND_SCHEMAS[channel];
  const handler = handlers[channel] as (args: unknown, from: WindowName) => unknown;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // The words may quote what was sent ("\"…\" is not a number"): one line, no reordering characters, bounded.
    const words = userWording(parsed.error) ?? `Invalid request for "${channel}": ${describeIssues(parsed.error)}.`;
    return err('BAD_INPUT', capLength(flattenText(words), MAX_PROVIDER_TEXT));
  }
  try {
    return safeRefusal(await handler(parsed.data, from));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return safeRefusal(err('UNAVAILABLE', `Switchboard could not complete "${channel}": ${message}`, { retryable: true }));
  }
}
