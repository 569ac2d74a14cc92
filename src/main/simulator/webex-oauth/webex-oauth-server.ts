/**
 * The fake Webex OAuth server on its own loopback port, for tests and for running sign-in against
 * something real without a Webex account. Serves the handler under /v1 on 127.0.0.1 only.
 * Must not import electron.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebexOAuthHandler, type WebexOAuthControls, type WebexOAuthOptions } from './webex-oauth-handler';

export interface WebexOAuthServer extends WebexOAuthControls {
  /** e.g. http://127.0.0.1:41234/v1: pass as authBaseUrl. */
  baseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  close(): Promise<void>;
}

export async function startWebexOAuthServer(options: WebexOAuthOptions): Promise<WebexOAuthServer> {
  const handler = createWebexOAuthHandler(options);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://simulator');
    if (pathname.startsWith('/v1/') && handler.handle(req, res, pathname.slice('/v1'.length))) return;
    req.resume();
    res.writeHead(404, { 'Content-Type': 'application/json;charset=utf-8' });
    res.end(
      JSON.stringify({
        message: 'The requested resource could not be found.',
        errors: [{ description: 'The requested resource could not be found.' }],
        trackingId: 'SIM_OAUTH_404',
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/v1`;
  const { handle: _handle, ...controls } = handler;
  return {
    ...controls,
    baseUrl,
    authorizeUrl: `${baseUrl}/authorize`,
    tokenUrl: `${baseUrl}/access_token`,
    revokeUrl: `${baseUrl}/access_token/revoke`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
