/**
 * Global keyboard shortcuts from settings.shortcuts. Only actions that have a handler are registered. A shortcut the OS refuses — taken by another
 * app, unparseable, or bound twice — is reported, never silently lost. Re-applied on every settings
 * change; only our own accelerators are ever unregistered.
 */
import { globalShortcut } from 'electron';
import { SHORTCUT_ACTIONS, type Settings, type ShortcutAction } from '../../shared/settings';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

export interface ShortcutManager {
  /** Registers the shortcuts; returns the actions whose accelerator could not be registered. */
  apply(shortcuts: Settings['shortcuts']): ShortcutAction[];
  failures(): ShortcutAction[];
  unregisterAll(): void;
}

export function createShortcutManager(handlers: ShortcutHandlers): ShortcutManager {
  let registered: string[] = [];
  let failed: ShortcutAction[] = [];

  function unregisterAll(): void {
    for (const accelerator of registered) globalShortcut.unregister(accelerator);
    registered = [];
  }

  return {
    apply(shortcuts) {
      unregisterAll();
      failed = [];
      for (const action of SHORTCUT_ACTIONS) {
        const handler = handlers[action];
        const accelerator = shortcuts[action]?.trim() ?? '';
        if (!handler || accelerator === '') continue;
        if (registered.includes(accelerator)) {
          failed.push(action);
          continue;
        }
        let ok = false;
        try {
          ok = globalShortcut.register(accelerator, handler);
        } catch {
          ok = false;
        }
        if (ok) registered.push(accelerator);
        else failed.push(action);
      }
      return [...failed];
    },
    failures: () => [...failed],
    unregisterAll,
  };
}
