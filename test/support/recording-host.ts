/**
 * A loopback HTTP host for tests that records every request it hears (method, URL, body) and answers as
 * the test scripts it (404 by default): the host the app must never reach, or a stand-in provider that
 * must not be sent something. Binds 127.0.0.1 port 0; the test closes it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeardRequest {
  method: string;
  url: string;
  body: string;
}

/** A loopback host that records every request it hears; answers as the test scripts it (404 by default). */
export interface RecordingHost {
  readonly url: string;
  readonly heard: HeardRequest[];
  close(): Promise<void>;
}

export async function recordingHost(answer?: (req: HeardRequest, res: ServerResponse) => void): Promise<RecordingHost> {
  const heard: HeardRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', body };
      heard.push(request);
      if (answer) answer(request, res);
      else res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"not here"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    heard,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
