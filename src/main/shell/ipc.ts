/**
 * The one place IPC handlers are registered: every invoke channel of the contract's table
 * (`COMMAND_SCHEMAS`), each behind the same wrapper that (1) accepts only our own windows' main
 * frames showing our own pages, then (2) refuses a channel that window may not use (its set in
 * src/shared/window-channels.ts: the popup cannot change settings or reach the account), (3) parses the
 * argument with the channel's schema and (4) turns anything thrown into a Result
 * (runtime/command-invocation.ts, shared with the browser preview), so nothing ever throws across IPC.
 * Knows nothing of what the handlers do.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type CommandChannel, COMMAND_SCHEMAS, type WindowName } from '../../shared/contract';
import { err } from '../../shared/result';
import type { CommandHandlers } from '../runtime/bridge-handlers';
import { invokeCommand } from '../runtime/command-invocation';
import { isOwnRendererUrl } from './renderer-location';
import type { WindowRegistry } from './window-registry';

export type { CommandHandlers } from '../runtime/bridge-handlers';

/** Which of our windows sent this, or undefined when it is not a main frame of ours showing our page. */
export function trustedSender(registry: WindowRegistry, event: IpcMainInvokeEvent): WindowName | undefined {
  const frame = event.senderFrame;
  // A frame that navigated or was destroyed is null; a sub-frame could be anyone's content.
  if (!frame || frame.parent !== null) return undefined;
  if (!isOwnRendererUrl(frame.url)) return undefined;
  return registry.nameOf(event.sender);
}

/** Registers every command channel; returns a function that removes them again. */
export function registerIpcHandlers(registry: WindowRegistry, handlers: CommandHandlers): () => void {
  const channels = Object.keys(COMMAND_SCHEMAS) as CommandChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw: unknown) => {
      const from = trustedSender(registry, event);
      if (!from) return err('BAD_INPUT', `Refused "${channel}": the request did not come from a Switchboard window.`);
      return invokeCommand(handlers, channel, raw, from);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
