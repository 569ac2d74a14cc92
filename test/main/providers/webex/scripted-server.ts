/**
 * A tiny raw HTTP server on 127.0.0.1 that answers each request with whatever the test scripted
 * (status, headers, body text), to see how the Webex client copes with answers the simulator never
 * gives: non-JSON, wrong shapes, empty bodies. Records what it received.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The JSON content type, for scripted answers that are JSON. */
export const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A connected incoming call as Webex describes it; tests spread it to vary the field they are about. */
export const WIRE_CALL = {
  id: 'call-1',
  callSessionId: 's-1',
  personality: 'terminator',
  state: 'connected',
  remoteParty: { number: '+15550100' },
  created: '2025-01-01T00:00:00Z',
};

export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface ScriptedServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** What to answer to `METHOD /path` (path without the query). Unscripted requests get 404. */
  answer(method: string, path: string, answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const script = new Map<string, ScriptedAnswer>();
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname.replace(/^\/v1/, '');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      received.push({ method: req.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
      const answer = script.get(`${req.method} ${path}`) ?? { status: 404, body: '' };
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    answer: (method, path, answer) => void script.set(`${method.toUpperCase()} ${path}`, answer),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
