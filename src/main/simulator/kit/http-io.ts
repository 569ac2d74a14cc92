/**
 * Small pieces of HTTP plumbing every simulator's server shares: reading a request body, parsing it as
 * JSON, Basic credentials, flattening headers, writing a JSON answer, and refusing what does not come
 * from this machine. No routing and no simulated state here.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false };

/** An empty body is "no body" (undefined); anything else must be JSON. */
export function parseJsonBody(raw: string): ParsedBody {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The user and password of an `Authorization: Basic …` header, or undefined when there is none. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export function writeJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
  const allHeaders: Record<string, string | number> = { ...headers, 'content-length': Buffer.byteLength(text) };
  if (text !== '') allHeaders['content-type'] = 'application/json;charset=UTF-8';
  response.writeHead(status, allHeaders);
  response.end(text);
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function fromLoopback(request: IncomingMessage): boolean {
  return LOOPBACK_ADDRESSES.has(request.socket.remoteAddress ?? '');
}

/**
 * A web page in any browser on this machine can send a simple POST to a loopback port (no preflight):
 * a request that carries an Origin must come from a page on this machine's own loopback host.
 */
export function originIsLoopback(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).host.replace(/:\d+$/, '').toLowerCase());
  } catch {
    return false;
  }
}

/** Refuses requests whose Host names another machine (DNS rebinding against a loopback server). */
export function hostIsLoopback(request: IncomingMessage): boolean {
  const host = request.headers.host;
  if (host === undefined) return true;
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}
