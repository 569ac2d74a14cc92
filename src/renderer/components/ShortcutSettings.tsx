/**
 * Global shortcuts: one row per action with its accelerator, editable by typing it or by pressing the
 * keys. A shortcut the OS refused (appState.shortcutFailures) says so, since it would otherwise just
 * silently not work.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShortcutAction } from '../../shared/settings';
import { SHORTCUT_LABELS } from '../labels';
import { appState, settings } from '../state';
import { acceleratorFromKey } from './accelerator';
import { useSettingsSave } from './use-settings-save';

const ACTIONS = Object.keys(SHORTCUT_LABELS) as ShortcutAction[];

function ShortcutRow({ action, value, failed, platform }: { action: ShortcutAction; value: string; failed: boolean; platform: string }) {
  const { save, error } = useSettingsSave();
  const [draft, setDraft] = useState(value);
  // Enter, a recorded press and the blur that follows must not send the same change twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    setDraft(value);
    sent.current = null;
  }, [value]);
  const label = SHORTCUT_LABELS[action];
  const errorId = `shortcut-${action}-error`;

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === value || trimmed === sent.current) return;
    sent.current = trimmed;
    void save({ shortcuts: { [action]: trimmed } }).then((saved) => {
      if (!saved) sent.current = null;
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(draft);
      return;
    }
    if (event.key === 'Escape' && draft !== value) {
      event.preventDefault();
      setDraft(value);
      return;
    }
    const recorded = acceleratorFromKey(event, platform);
    if (recorded) {
      event.preventDefault();
      setDraft(recorded);
      commit(recorded);
    }
  };

  const message = error ?? (failed ? 'Could not register: taken by another app' : undefined);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <input
          type="text"
          class="shortcut-input"
          aria-label={`Shortcut: ${label}`}
          value={draft}
          placeholder="None"
          spellcheck={false}
          autoComplete="off"
          aria-invalid={message ? 'true' : undefined}
          aria-describedby={message ? errorId : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={() => commit(draft)}
        />
        {message && (
          <p id={errorId} class="field-error">
            {message}
          </p>
        )}
      </td>
    </tr>
  );
}

export function ShortcutSettings() {
  const current = settings.value;
  if (!current) return null;
  const failures = appState.value?.shortcutFailures ?? [];
  const platform = appState.value?.platform ?? '';
  return (
    <section class="settings-section" aria-labelledby="settings-shortcuts">
      <h2 id="settings-shortcuts">Keyboard shortcuts</h2>
      <p class="field-hint">Work from any app. Press the keys in a field to record them; clear it to turn a shortcut off.</p>
      <table class="shortcuts">
        <tbody>
          {ACTIONS.map((action) => (
            <ShortcutRow
              key={action}
              action={action}
              value={current.shortcuts[action] ?? ''}
              failed={failures.includes(action)}
              platform={platform}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
