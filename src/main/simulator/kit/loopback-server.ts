/**
 * Starting a simulator's HTTP server on loopback: it listens on 127.0.0.1 only (port 0 gives a free one)
 * and keeps its open sockets, so closing it can end them at once instead of waiting for keep-alive.
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The server's open sockets, kept up to date. */
export function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Listens on 127.0.0.1; resolves with the port. */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
