/**
 * The browser preview: the real backend (demo by default, or whatever SWITCHBOARD_* names) and the
 * built renderer, served on 127.0.0.1 with a Bridge over a token- and origin-checked WebSocket. The
 * pages run the same handler map as the Electron shell (runtime/bridge-handlers.ts); windows do not
 * exist here, so opening or hiding one simply succeeds. Settings live in memory for the run.
 * Development and end-to-end tests only: never imported by src/main, never packaged.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AppState } from '../shared/contract';
import { err, ok } from '../shared/result';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { CONTENT_SECURITY_POLICY } from '../main/runtime/content-security-policy';
import { memorySecretVault } from '../main/auth/secrets';
import { createBridgeHandlers, forwardCoreEvents } from '../main/runtime/bridge-handlers';
import { createMemorySettings } from '../main/runtime/memory-settings';
import { providerInfos } from '../main/runtime/provider-registry';
import { type Session, startSession } from '../main/runtime/session';
import { type BridgeSocket, attachBridgeSocket } from './bridge-socket';
import { bridgeScript } from './bridge-script';
import { createRendererSite, rendererPages } from './renderer-site';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

export interface PreviewOptions {
  /** SWITCHBOARD_* overrides, as for the app (default: none, i.e. the demo). */
  env?: Record<string, string | undefined>;
  /** Default 0: any free port. */
  port?: number;
  /** The built renderer (default out/renderer of this checkout). */
  rendererDir?: string;
  /** Starting settings (default: the app's defaults). */
  settings?: Settings;
  /**
   * How "Sign in with Webex" reaches a browser (default: print the address to open). End-to-end
   * tests open it in a real browser tab.
   */
  openBrowser?: (url: string) => Promise<void>;
  /** The sign-in redirect's loopback port (default the registered one; tests use 0). */
  redirectPort?: number;
}

export interface Preview {
  /** http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly backend: Session;
  close(): Promise<void>;
}

function projectVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The windows' policy with the one difference the preview needs: the page may reach its WebSocket. */
export function previewContentSecurityPolicy(origin: string): string {
  const socket = origin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => (directive.startsWith('connect-src ') ? `connect-src 'self' ${socket}` : directive))
    .join('; ');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (rendererPages(rendererDir).length === 0) {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build" first (npm run preview does it for you).`);
  }

  const settings = createMemorySettings(options.settings ?? DEFAULT_SETTINGS);
  const backend = await startSession({
    settings,
    env: options.env ?? {},
    // Nothing is written by the preview: secrets last for the run.
    vault: memorySecretVault('The browser preview keeps sign-ins in memory only.'),
    openBrowser:
      options.openBrowser ??
      (async (url) => {
        console.log(`Sign in: open ${url}`);
      }),
    ...(options.redirectPort === undefined ? {} : { redirectPort: options.redirectPort }),
  });
  const token = randomBytes(32).toString('hex');
  const server = createServer();
  let socket: BridgeSocket | undefined;
  let stopForwarding = () => {};

  try {
    const port = await listen(server, options.port ?? 0);
    const host = `127.0.0.1:${port}`;
    const origin = `http://${host}`;
    const appState = (): AppState => ({
      demo: backend.demo,
      provider: backend.provider,
      providers: providerInfos(),
      version: projectVersion(),
      platform: process.platform,
      shortcutFailures: [],
    });

    const handlers = createBridgeHandlers({
      backend,
      account: backend.accountControls,
      settings: {
        get: () => settings.get(),
        update(patch) {
          const result = settings.update(patch);
          if (result.ok) {
            socket?.broadcast('settings:changed', result.value);
            void backend.settingsChanged(result.value);
          }
          return result;
        },
      },
      appState,
      // No windows in a browser: each page is its own tab, already open.
      windows: { open: () => ok(null), hide: () => ok(null) },
      // A browser page has no save dialog: the report is saved from the app's tray or settings.
      saveDiagnostics: async () => err('UNAVAILABLE', 'Save diagnostics from the Switchboard app: the browser preview cannot save files.'),
    });
    socket = attachBridgeSocket({ server, origin, token, handlers });
    const bridge = socket;
    const stops = [
      forwardCoreEvents(backend.core, (channel, payload) => bridge.broadcast(channel, payload)),
      backend.onAccountChanged((account) => bridge.broadcast('account:changed', account)),
      backend.onSwitched(() => bridge.broadcast('app:changed', appState())),
      // Settings the session saved itself (leaving the demo after a sign-in) reach the pages too.
      backend.onSettingsChanged((current) => bridge.broadcast('settings:changed', current)),
    ];
    stopForwarding = () => stops.forEach((stop) => stop());
    server.on(
      'request',
      createRendererSite({
        rendererDir,
        host,
        contentSecurityPolicy: previewContentSecurityPolicy(origin),
        bridgeScript: bridgeScript(token),
      }),
    );

    let closing: Promise<void> | undefined;
    return {
      url: `${origin}/`,
      backend,
      close() {
        closing ??= (async () => {
          stopForwarding();
          await bridge.close();
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await backend.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    stopForwarding();
    await socket?.close();
    server.close();
    await backend.close();
    throw error;
  }
}
