/**
 * The preview server's end of the Bridge: a WebSocket at /bridge that answers command requests
 * `{id, channel, arg}` with `{id, result}` (or `{id, error}` for a channel that does not exist, as
 * Electron rejects an unknown invoke) and sends push events `{channel, payload}` to the pages whose
 * window receives them. A page plays the window its `window` parameter names and may use only that
 * window's channels, as in Electron.
 * Requests run through the same handler map and argument parsing as Electron's IPC. A connection is
 * accepted only with this preview's token AND from this preview's own origin: a foreign page can
 * include /preview-bridge.js and so learn the token, but its WebSocket carries its own Origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { WINDOW_NAMES, type WindowName } from '../shared/contract';
import { receivesPush } from '../shared/window-channels';
import type { CommandHandlers, PushSender } from '../main/runtime/bridge-handlers';
import { invokeCommand, isCommandChannel } from '../main/runtime/command-invocation';
import { BRIDGE_SOCKET_PATH } from './bridge-script';

export interface BridgeSocketOptions {
  server: Server;
  /** The only Origin a page may connect from, e.g. http://127.0.0.1:5173. */
  origin: string;
  token: string;
  handlers: CommandHandlers;
}

export interface BridgeSocket {
  /** Sends a push event to every connected page whose window receives it (src/shared/window-channels.ts). */
  broadcast: PushSender;
  /** How many pages are connected. */
  connections(): number;
  close(): Promise<void>;
}

/** Requests larger than this are not ours (the largest real one is a settings patch). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: string, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

function windowNameOf(value: string | null): WindowName {
  return (WINDOW_NAMES as readonly string[]).includes(value ?? '') ? (value as WindowName) : 'panel';
}

export function attachBridgeSocket(options: BridgeSocketOptions): BridgeSocket {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  /** Every connected page, with the window it plays. */
  const pages = new Map<WebSocket, WindowName>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', options.origin);
    if (url.pathname !== BRIDGE_SOCKET_PATH) return refuse(socket, '404 Not Found', 'No WebSocket here.');
    if (request.headers.origin !== options.origin) return refuse(socket, '403 Forbidden', 'Only the preview’s own pages may connect.');
    if (!sameSecret(url.searchParams.get('token'), options.token))
      return refuse(socket, '403 Forbidden', 'Wrong or missing preview token.');
    const from = windowNameOf(url.searchParams.get('window'));
    sockets.handleUpgrade(request, socket, head, (page) => serve(page, from));
  };
  options.server.on('upgrade', onUpgrade);

  function serve(page: WebSocket, from: WindowName): void {
    pages.set(page, from);
    page.on('close', () => pages.delete(page));
    // A frame over MAX_MESSAGE_BYTES (or any protocol error) is emitted as 'error' before ws closes the
    // socket (1009): without a listener that event would end the whole preview process.
    page.on('error', () => {
      pages.delete(page);
      page.terminate();
    });
    page.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let request: { id?: unknown; channel?: unknown; arg?: unknown };
      try {
        request = JSON.parse(data.toString()) as typeof request;
      } catch {
        return;
      }
      const { id, channel } = request ?? {};
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) return;
      const answer = (message: { result?: unknown; error?: string }) => {
        if (page.readyState === WebSocket.OPEN) page.send(JSON.stringify({ id, ...message }));
      };
      if (!isCommandChannel(channel)) return answer({ error: `No handler registered for '${String(channel)}'` });
      void invokeCommand(options.handlers, channel, request.arg, from).then((result) => answer({ result }));
    });
  }

  return {
    broadcast(channel, payload) {
      const message = JSON.stringify({ channel, payload });
      for (const [page, window] of pages) if (receivesPush(window, channel) && page.readyState === WebSocket.OPEN) page.send(message);
    },
    connections: () => pages.size,
    close() {
      options.server.off('upgrade', onUpgrade);
      for (const page of pages.keys()) page.terminate();
      pages.clear();
      return new Promise((resolve) => sockets.close(() => resolve()));
    },
  };
}
