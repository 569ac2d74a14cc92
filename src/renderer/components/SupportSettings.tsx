/**
 * Settings' Support section: "Save diagnostics…" asks main to save a redacted report for a support
 * ticket (main shows the save dialog and builds the report; this window never sees its content). Says
 * where it was saved, nothing when the dialog was cancelled, and main's refusal otherwise. Must not ask
 * for or show the report's content: it stays in main.
 */
import { useState } from 'preact/hooks';
import { SAVE_DIAGNOSTICS_LABEL } from '../../shared/action-labels';
import { useBridge } from '../bridge-context';
import { throughBridge } from '../bridge-request';
import { FieldError } from './FieldError';

export function SupportSettings() {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    setSavedAt(null);
    const result = await throughBridge(() => bridge.saveDiagnostics(), 'save diagnostics');
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.saved) setSavedAt(result.value.path);
  };

  return (
    <section class="settings-section" aria-labelledby="settings-support">
      <h2 id="settings-support">Support</h2>
      <p class="field-hint">
        A report for a support ticket: versions, connection health, your last commands and the log. Tokens, secrets, phone numbers and
        addresses are left out.
      </p>
      <button type="button" class="btn" disabled={busy} onClick={() => void save()}>
        {SAVE_DIAGNOSTICS_LABEL}
      </button>
      {savedAt && (
        <p class="field-hint" role="status">
          Saved to {savedAt}
        </p>
      )}
      <FieldError error={error} />
    </section>
  );
}
