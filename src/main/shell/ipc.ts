/**
 * The one place IPC handlers are registered: every channel of the contract's `commands` map, each
 * behind the same wrapper that (1) accepts only our own windows' main frames showing our own pages,
 * (2) parses the argument with the channel's schema, and (3) turns anything thrown into a Result, so
 * nothing ever throws across IPC. Knows nothing of what the handlers do.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { type CommandArgs, type CommandChannel, type CommandResult, commands, type WindowName } from '../../shared/contract';
import { err } from '../../shared/result';
import { isOwnRendererUrl } from './renderer-location';
import type { WindowRegistry } from './window-registry';

export type CommandHandlers = {
  [C in CommandChannel]: (args: CommandArgs<C>, from: WindowName) => CommandResult<C> | Promise<CommandResult<C>>;
};

/** Which of our windows sent this, or undefined when it is not a main frame of ours showing our page. */
export function trustedSender(registry: WindowRegistry, event: IpcMainInvokeEvent): WindowName | undefined {
  const frame = event.senderFrame;
  // A frame that navigated or was destroyed is null; a sub-frame could be anyone's content.
  if (!frame || frame.parent !== null) return undefined;
  if (!isOwnRendererUrl(frame.url)) return undefined;
  return registry.nameOf(event.sender);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Registers every command channel; returns a function that removes them again. */
export function registerIpcHandlers(registry: WindowRegistry, handlers: CommandHandlers): () => void {
  const channels = Object.keys(commands) as CommandChannel[];
  for (const channel of channels) {
    const schema = commands[channel].args as z.ZodType;
    const handler = handlers[channel] as (args: unknown, from: WindowName) => unknown;
    ipcMain.handle(channel, async (event, raw: unknown) => {
      const from = trustedSender(registry, event);
      if (!from) return err('BAD_INPUT', `Refused "${channel}": the request did not come from a Switchboard window.`);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return err('BAD_INPUT', `Invalid request for "${channel}": ${describeIssues(parsed.error)}.`);
      try {
        return await handler(parsed.data, from);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return err('UNAVAILABLE', `Switchboard could not complete "${channel}": ${message}`, { retryable: true });
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
