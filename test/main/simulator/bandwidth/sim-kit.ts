/** Raw HTTP against the Catapult simulator (no client code): Basic auth and JSON, for simulator tests. */
import type { BandwidthSimulator } from '../../../../src/main/simulator/bandwidth/index';

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export async function call(
  sim: BandwidthSimulator,
  method: string,
  path: string,
  body?: unknown,
  auth = `${sim.apiToken}:${sim.apiSecret}`,
): Promise<RawAnswer> {
  const url = path.startsWith('http') ? path : `${sim.baseUrl}/users/${sim.userId}${path}`;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export function lastSegment(location: string | null): string {
  return (location ?? '').split('/').pop() ?? '';
}
