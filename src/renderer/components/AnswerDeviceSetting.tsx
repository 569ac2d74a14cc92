/**
 * "Answer and dial on": which of the user's devices a provider with answer devices (its
 * `answerEndpoints` capability) rings and dials on. The devices come from main (`answerEndpoints`);
 * the choice is saved in the provider's settings section as `answerEndpointId` ('' is the primary
 * device). Shown only when the current provider has the capability, its section has that setting and
 * someone is signed in (signed out, there are no devices to read).
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { AnswerEndpoint, ProviderId } from '../../shared/domain';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { useBridge } from '../bridge-context';
import { throughBridge } from '../bridge-request';
import { capabilities, currentProvider, settings, status } from '../state';
import { useSettingsSave } from './use-settings-save';
import { FieldError } from './FieldError';

/** The provider's section when it has the device setting (not every provider's section does). */
function deviceSetting(current: Settings, id: ProviderId): string | undefined {
  const section: unknown = (current.providers as Partial<Record<ProviderId, unknown>>)[id];
  if (typeof section !== 'object' || section === null || !('answerEndpointId' in section)) return undefined;
  const value = section.answerEndpointId;
  return typeof value === 'string' ? value : undefined;
}

export function AnswerDeviceSetting() {
  const bridge = useBridge();
  const { save, error } = useSettingsSave();
  const [devices, setDevices] = useState<AnswerEndpoint[] | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const selectId = useId();
  const provider = currentProvider.value?.id;
  const offered = capabilities.value.has('answerEndpoints');
  const chosen = settings.value && provider ? deviceSetting(settings.value, provider) : undefined;
  const signedIn = status.value?.account !== undefined && status.value.health !== 'signedOut';
  const shown = offered && signedIn && chosen !== undefined;

  useEffect(() => {
    if (!shown) return undefined;
    let live = true;
    void throughBridge(() => bridge.answerEndpoints(), 'read your devices').then((result) => {
      if (!live) return;
      if (result.ok) setDevices(result.value);
      else setReadError(`Could not read your devices: ${result.error.message}`);
    });
    return () => {
      live = false;
    };
  }, [bridge, shown, provider]);

  if (!shown || !provider) return null;
  const onChange = (answerEndpointId: string) => {
    // The patch's provider sections are typed per provider; this one names the running provider's.
    void save({ providers: { [provider]: { answerEndpointId } } } as SettingsPatch);
  };
  return (
    <div class="field">
      <label for={selectId}>Answer and dial on</label>
      <select id={selectId} value={chosen} disabled={devices === null} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Your primary device</option>
        {(devices ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      {readError && <p class="field-hint">{readError}</p>}
      <FieldError error={error} />
    </div>
  );
}
