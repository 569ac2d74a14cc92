/**
 * The browser preview's `window.switchboard`, as it runs in the page. bridge-script.ts serves this
 * file, compiled, as the classic script /preview-bridge.js, which each page loads before its module
 * entry. It gives the page the same Bridge the preload gives an Electron window — one function per
 * contract channel, promises for commands, subscriptions whose unsubscribe removes exactly their own
 * listener — spoken over a WebSocket to the preview server. Browser code only: no Node, no imports
 * at run time (the channel table arrives as `config`), and nothing but `export function` at the top.
 */
import type { Bridge } from '../shared/contract';

export interface PreviewBridgeConfig {
  /** The WebSocket's path on the page's own host, with the preview's token in the query. */
  socketPath: string;
  /** Bridge function → its command channel, and whether it passes its argument on. */
  invoke: Record<string, { channel: string; takesArgument: boolean }>;
  /** Bridge function → its push channel. */
  push: Record<string, string>;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Subscription {
  listener(payload: unknown): void;
}

export function installPreviewBridge(config: PreviewBridgeConfig, page: Window & typeof globalThis): void {
  // Which window this page plays, as Electron's IPC knows from the sender.
  const windowName = /\/([a-z]+)\.html$/.exec(page.location.pathname)?.[1] ?? 'panel';
  const scheme = page.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new page.WebSocket(`${scheme}//${page.location.host}${config.socketPath}&window=${encodeURIComponent(windowName)}`);
  const waiting = new Map<number, Waiting>();
  const outbox: string[] = [];
  const subscriptions = new Map<string, Set<Subscription>>();
  let nextId = 1;
  let gone: string | null = null;

  socket.addEventListener('open', () => {
    for (const message of outbox.splice(0)) socket.send(message);
  });

  socket.addEventListener('message', (event: MessageEvent) => {
    let message: { id?: unknown; result?: unknown; error?: unknown; channel?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(event.data)) as typeof message;
    } catch {
      return;
    }
    if (typeof message.id === 'number') {
      const entry = waiting.get(message.id);
      if (!entry) return;
      waiting.delete(message.id);
      if (typeof message.error === 'string') entry.reject(new Error(message.error));
      else entry.resolve(message.result);
      return;
    }
    if (typeof message.channel !== 'string') return;
    // A copy of the set: a listener may unsubscribe itself (or another) while being told.
    for (const subscription of [...(subscriptions.get(message.channel) ?? [])]) {
      try {
        subscription.listener(message.payload);
      } catch (error) {
        // Like an IPC listener that throws: reported, and the other listeners still hear the event.
        page.setTimeout(() => {
          throw error;
        });
      }
    }
  });

  socket.addEventListener('close', () => {
    gone = 'The Switchboard preview is not reachable any more: start `npm run preview` again and reload this page.';
    for (const entry of waiting.values()) entry.reject(new Error(gone));
    waiting.clear();
  });

  function invoke(channel: string, argument: unknown): Promise<unknown> {
    if (gone) return Promise.reject(new Error(gone));
    return new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const message = JSON.stringify({ id, channel, arg: argument });
      if (socket.readyState === page.WebSocket.OPEN) socket.send(message);
      else outbox.push(message);
    });
  }

  function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
    const subscription: Subscription = { listener };
    const set = subscriptions.get(channel) ?? new Set<Subscription>();
    subscriptions.set(channel, set);
    set.add(subscription);
    return () => {
      set.delete(subscription);
    };
  }

  const bridge: Record<string, unknown> = {};
  for (const [name, { channel, takesArgument }] of Object.entries(config.invoke)) {
    bridge[name] = takesArgument ? (argument: unknown) => invoke(channel, argument) : () => invoke(channel, undefined);
  }
  for (const [name, channel] of Object.entries(config.push)) {
    bridge[name] = (listener: (payload: unknown) => void) => subscribe(channel, listener);
  }
  // Like contextBridge.exposeInMainWorld: a fixed property holding a frozen object of functions.
  Object.defineProperty(page, 'switchboard', { value: Object.freeze(bridge as unknown as Bridge), enumerable: true });
}
