/**
 * Serves the built renderer (out/renderer) at the same relative paths Electron loads — panel.html,
 * popup.html, conference.html when built — with the bridge script inserted before each page's module
 * entry, the Content-Security-Policy as a header, and nothing outside the renderer folder. The pages'
 * own meta policy allows no WebSocket (packaged windows need none): here, and only here, its
 * connect-src is widened to the header's, which names this preview's one socket. Answers
 * only requests addressed to the preview's own host (a page on another name that resolves to
 * 127.0.0.1 gets nothing). Read-only: GET and HEAD.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, relative, resolve, sep } from 'node:path';
import { BRIDGE_SCRIPT_PATH } from './bridge-script';

export interface RendererSiteOptions {
  rendererDir: string;
  /** host:port this preview answers to, e.g. 127.0.0.1:5173. */
  host: string;
  contentSecurityPolicy: string;
  bridgeScript: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The window pages in a built renderer folder: panel.html, popup.html, conference.html … */
export function rendererPages(rendererDir: string): string[] {
  if (!existsSync(rendererDir)) return [];
  return readdirSync(rendererDir)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** The page with the bridge script as the first script to run, ahead of the module entry. */
export function withBridgeScript(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
  const entry = html.search(/<script\b[^>]*\btype="module"/i);
  if (entry >= 0) return `${html.slice(0, entry)}${tag}\n    ${html.slice(entry)}`;
  const head = html.search(/<\/head>/i);
  if (head >= 0) return `${html.slice(0, head)}${tag}\n  ${html.slice(head)}`;
  return `${tag}\n${html}`;
}

/** The page with its meta CSP's connect-src replaced by the given policy's (the other directives stay). */
export function withConnectSources(html: string, policy: string): string {
  const connect = policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('connect-src '));
  if (!connect) return html;
  return html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?)connect-src [^;"]*/i, `$1${connect}`);
}

export function createRendererSite(options: RendererSiteOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const root = resolve(options.rendererDir);
  const pages = rendererPages(root);
  const home = pages.includes('panel.html') ? 'panel.html' : pages[0];
  const baseHeaders: Record<string, string> = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    // Other sites may not embed or include anything from here (the bridge script carries the token).
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };

  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    head: boolean,
    extra: Record<string, string> = {},
  ) => {
    response.writeHead(status, { ...baseHeaders, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
    response.end(head ? undefined : body);
  };
  const text = (response: ServerResponse, status: number, body: string, head: boolean, extra: Record<string, string> = {}) =>
    send(response, status, 'text/plain; charset=utf-8', body, head, extra);

  return (request, response) => {
    const head = request.method === 'HEAD';
    if (request.headers.host !== options.host) return text(response, 421, `This preview answers only at http://${options.host}/`, head);
    if (request.method !== 'GET' && !head) return text(response, 405, 'The preview only serves files.', head, { Allow: 'GET, HEAD' });

    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', `http://${options.host}`).pathname);
    } catch {
      return text(response, 400, 'Bad path.', head);
    }
    if (path === '/') {
      if (!home) return text(response, 404, 'No page has been built.', head);
      return text(response, 302, `See /${home}`, head, { Location: `/${home}` });
    }
    if (path === BRIDGE_SCRIPT_PATH) return send(response, 200, CONTENT_TYPES['.js']!, options.bridgeScript, head);
    // Browsers ask for it on their own; Electron windows never do, and the renderer has none.
    if (path === '/favicon.ico' && !existsSync(resolve(root, 'favicon.ico'))) return send(response, 204, 'image/x-icon', '', head);

    const file = resolve(root, `.${path}`);
    const inside = relative(root, file);
    if (inside === '' || inside.startsWith('..') || inside.startsWith(sep) || path.includes('\0'))
      return text(response, 404, 'Not found.', head);
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) return text(response, 404, 'Not found.', head);

    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (extname(file).toLowerCase() === '.html')
      return send(
        response,
        200,
        type,
        withBridgeScript(withConnectSources(readFileSync(file, 'utf8'), options.contentSecurityPolicy)),
        head,
      );
    response.writeHead(200, { ...baseHeaders, 'Content-Type': type, 'Content-Length': String(statSync(file).size) });
    if (head) return response.end();
    createReadStream(file).pipe(response);
  };
}
