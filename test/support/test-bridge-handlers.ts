/**
 * The bridge handlers (src/main/runtime/bridge-handlers.ts) as tests build them, the way the shell and
 * the browser preview (src/preview/preview-server.ts) do: no windows to open or hide (each test page
 * is already open), a save dialog the user cancels (no file written), and, for a real session, a saved
 * settings patch applied to the session. No vitest here (the bench uses it too).
 */
import { createBridgeHandlers, type BridgeHandlerDeps, type CommandHandlers } from '../../src/main/runtime/bridge-handlers';
import type { MemorySettings } from '../../src/main/runtime/memory-settings';
import { providerInfos } from '../../src/main/runtime/provider-registry';
import type { Session } from '../../src/main/runtime/session';
import { ok } from '../../src/shared/result';

/** Handlers over `backend`, `account` and `settings`; the rest as a test page needs it unless given. */
export function testBridgeHandlers(
  deps: Pick<BridgeHandlerDeps, 'backend' | 'account' | 'settings' | 'appState'> & Partial<BridgeHandlerDeps>,
): CommandHandlers {
  return createBridgeHandlers({
    windows: { open: () => ok(null), hide: () => ok(null) },
    saveDiagnostics: async () => ok({ saved: false }),
    ...deps,
  });
}

export interface SessionHandlers {
  handlers: CommandHandlers;
  /** Settles when the session has applied the last settings patch a window saved. */
  applied(): Promise<unknown>;
}

/** Handlers over a real session (src/main/runtime/session.ts) and the settings it was started with. */
export function sessionBridgeHandlers(session: Session, settings: MemorySettings): SessionHandlers {
  let applying: Promise<unknown> = Promise.resolve();
  const handlers = testBridgeHandlers({
    backend: session,
    account: session.accountControls,
    settings: {
      get: () => settings.get(),
      update(patch) {
        const saved = settings.update(patch);
        if (saved.ok) applying = session.settingsChanged(saved.value);
        return saved;
      },
    },
    appState: () => ({
      demo: session.demo,
      provider: session.provider,
      providers: providerInfos(),
      version: '0.0.0',
      platform: process.platform,
      shortcutFailures: [],
    }),
  });
  return { handlers, applied: () => applying };
}
