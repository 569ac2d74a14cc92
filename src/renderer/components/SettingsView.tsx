/**
 * The settings screen: account, calls (do not disturb, link confirmation), popup rules, shortcuts,
 * start at login, theme and support (Save diagnostics…). Every change goes to main as a patch; main
 * validates it and its answer (or its refusal, shown next to the control) is what the screen shows.
 */
import { useId } from 'preact/hooks';
import { LINK_DIAL_LABELS, LINK_DIAL_MODES, type LinkDialMode } from '../../shared/link-dial-policy';
import type { Settings } from '../../shared/settings';
import { appState, settings } from '../state';
import { AccountSettings } from './AccountSettings';
import { AnswerDeviceSetting } from './AnswerDeviceSetting';
import { PopupRuleSettings } from './PopupRuleSettings';
import { ShortcutSettings } from './ShortcutSettings';
import { SupportSettings } from './SupportSettings';
import { Toggle } from './Toggle';
import { useSettingsSave } from './use-settings-save';
import { FieldError } from './FieldError';

const THEMES: Record<Settings['theme'], string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

function GeneralSettings() {
  const { save, error } = useSettingsSave();
  const themeId = useId();
  const linkDialId = useId();
  const linkDialHintId = useId();
  const current = settings.value;
  if (!current) return null;
  return (
    <section class="settings-section" aria-labelledby="settings-general">
      <h2 id="settings-general">General</h2>
      <FieldError error={error} />
      <Toggle
        label="Do not disturb"
        hint="No popup and no notification; calls still show in the panel."
        checked={current.doNotDisturb}
        onChange={(doNotDisturb) => void save({ doNotDisturb })}
      />
      <div class="field">
        <label for={linkDialId}>Numbers from links and the selection</label>
        <select
          id={linkDialId}
          aria-describedby={linkDialHintId}
          value={current.linkDial}
          onChange={(e) => void save({ linkDial: e.currentTarget.value as LinkDialMode })}
        >
          {LINK_DIAL_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {LINK_DIAL_LABELS[mode]}
            </option>
          ))}
        </select>
        <p class="field-hint" id={linkDialHintId}>
          tel:, callto: and sip: links (any program can open one) and the dial-selection shortcut: a number that waits fills in the dialer
          until you press Dial.
        </p>
      </div>
      <AnswerDeviceSetting />
      <Toggle label="Start at login" checked={current.startAtLogin} onChange={(startAtLogin) => void save({ startAtLogin })} />
      <div class="field">
        <label for={themeId}>Theme</label>
        <select id={themeId} value={current.theme} onChange={(e) => void save({ theme: e.currentTarget.value as Settings['theme'] })}>
          {(Object.keys(THEMES) as Settings['theme'][]).map((theme) => (
            <option key={theme} value={theme}>
              {THEMES[theme]}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

export interface SettingsViewProps {
  /** Move focus to the Account section once (the status line's "Sign in" asked for it). */
  focusAccount?: boolean;
  onAccountFocused?: () => void;
}

export function SettingsView({ focusAccount, onAccountFocused }: SettingsViewProps = {}) {
  if (!settings.value) return <p class="empty">Loading settings…</p>;
  const version = appState.value?.version;
  return (
    <div class="settings">
      <AccountSettings focusRequested={focusAccount} onFocused={onAccountFocused} />
      <GeneralSettings />
      <PopupRuleSettings />
      <ShortcutSettings />
      <SupportSettings />
      {version && <p class="field-hint about">Switchboard {version}</p>}
    </div>
  );
}
