/**
 * When the incoming-call popup shows: per reason a call reaches me, quiet hours, "my desk phone rings —
 * never pop", and whether an OS notification is shown as a hint.
 */
import { useId } from 'preact/hooks';
import type { PopupReason } from '../../shared/settings';
import { POPUP_REASON_LABELS } from '../labels';
import { settings } from '../state';
import { Toggle } from './Toggle';
import { useSettingsSave } from './use-settings-save';
import { FieldError } from './FieldError';

const REASONS = Object.keys(POPUP_REASON_LABELS) as PopupReason[];

export function PopupRuleSettings() {
  const { save, error } = useSettingsSave();
  const startId = useId();
  const endId = useId();
  const current = settings.value;
  if (!current) return null;
  const { popup } = current;
  const quiet = popup.quietHours;

  return (
    <section class="settings-section" aria-labelledby="settings-popup">
      <h2 id="settings-popup">Incoming call popup</h2>
      <FieldError error={error} />
      <Toggle
        label="My desk phone rings — never pop"
        hint="Show only the tray icon and the notification; answer on your phone."
        checked={popup.neverPop}
        onChange={(neverPop) => void save({ popup: { neverPop } })}
      />
      <Toggle
        label="Also show an OS notification"
        hint="A hint from your system's notification area; the popup stays the place to answer."
        checked={popup.notification}
        onChange={(notification) => void save({ popup: { notification } })}
      />
      <fieldset class="settings-group">
        <legend>Pop up for</legend>
        {REASONS.map((reason) => (
          <Toggle
            key={reason}
            label={POPUP_REASON_LABELS[reason]}
            checked={popup.reasons[reason] ?? true}
            disabled={popup.neverPop}
            onChange={(on) => void save({ popup: { reasons: { [reason]: on } } })}
          />
        ))}
      </fieldset>
      <fieldset class="settings-group">
        <legend>Quiet hours</legend>
        <Toggle
          label="No popup during quiet hours"
          checked={quiet.enabled}
          onChange={(enabled) => void save({ popup: { quietHours: { enabled } } })}
        />
        <div class="field-row">
          <label for={startId}>From</label>
          <input
            id={startId}
            type="time"
            value={quiet.start}
            disabled={!quiet.enabled}
            onChange={(e) => void save({ popup: { quietHours: { start: e.currentTarget.value } } })}
          />
          <label for={endId}>to</label>
          <input
            id={endId}
            type="time"
            value={quiet.end}
            disabled={!quiet.enabled}
            onChange={(e) => void save({ popup: { quietHours: { end: e.currentTarget.value } } })}
          />
        </div>
      </fieldset>
    </section>
  );
}
