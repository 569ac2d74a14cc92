/**
 * The preload: exposes `window.switchboard`, one narrow function per contract channel and nothing else
 * (no ipcRenderer, no channel parameter, no Node). The functions are built from the contract's one
 * channel table (src/shared/contract.ts `CHANNELS`), so a new channel needs no edit here; each
 * function still closes over its own channel. Subscriptions drop the IPC event and return an
 * unsubscribe that removes exactly their own listener. Bundled to CJS with the contract (and so zod)
 * inside, because a sandboxed preload can neither load ESM nor require packages.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type Bridge, CHANNELS, type Unsubscribe, takesArgument } from '../shared/contract';

function subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe {
  const wrapper = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(channel, wrapper);
  return () => {
    ipcRenderer.removeListener(channel, wrapper);
  };
}

function buildBridge(): Bridge {
  const functions: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CHANNELS)) {
    const { channel } = spec;
    if (spec.kind === 'push') functions[name] = (listener: (payload: unknown) => void) => subscribe(channel, listener);
    else if (takesArgument(spec)) functions[name] = (argument: unknown) => ipcRenderer.invoke(channel, argument);
    // No argument means none at all: a stray one from the page never reaches main.
    else functions[name] = () => ipcRenderer.invoke(channel);
  }
  return functions as Bridge;
}

export const bridge: Bridge = buildBridge();

contextBridge.exposeInMainWorld('switchboard', bridge);
