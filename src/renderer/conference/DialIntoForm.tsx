/**
 * Dial into conference: a number (or SIP address) that the provider calls and joins to this
 * conference (Bandwidth members join by a call made for them). Shown when the conference offers Add
 * to conference and the provider can start conferences. The number is checked with the shared
 * normaliser before anything is sent; the field empties once the provider accepts it.
 */
import { useState } from 'preact/hooks';
import { DIAL_LABEL } from '../../shared/action-labels';
import { normalizeDestination } from '../../shared/dial-string';
import type { Conference } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { DestinationField } from '../components/DestinationField';
import { sendConferenceCommand } from '../send-conference-command';

export function DialIntoForm({ conference, disabled }: { conference: Conference; disabled: boolean }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const destination = normalizeDestination(text);
    if (!destination.ok) return setError(destination.error.message);
    setError(null);
    const result = await sendConferenceCommand(bridge, {
      type: 'dialIntoConference',
      conferenceId: conference.id,
      destination: destination.value,
    });
    if (result.ok) setText('');
  };

  return (
    <form class="inline-form dial-into" aria-label="Dial into the conference" onSubmit={submit}>
      <DestinationField
        label="Number to dial into the conference"
        value={text}
        onInput={setText}
        error={error}
        hint="They join as soon as they answer."
        disabled={disabled}
      />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={disabled}>
          {DIAL_LABEL}
        </button>
      </div>
    </form>
  );
}
