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
import { FormButtons } from '../components/FormButtons';
import { useInlineForm } from '../components/use-inline-form';
import { sendConferenceCommand } from '../send-conference-command';

export function DialIntoForm({ conference, disabled }: { conference: Conference; disabled: boolean }) {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const form = useInlineForm(
    () => {
      const destination = normalizeDestination(text);
      if (!destination.ok) return { problem: destination.error.message };
      return {
        send: () =>
          sendConferenceCommand(bridge, { type: 'dialIntoConference', conferenceId: conference.id, destination: destination.value }),
      };
    },
    () => setText(''),
  );

  return (
    <form class="inline-form dial-into" aria-label="Dial into the conference" onSubmit={form.onSubmit}>
      <DestinationField
        label="Number to dial into the conference"
        value={text}
        onInput={setText}
        error={form.error}
        hint="They join as soon as they answer."
        disabled={disabled}
      />
      <FormButtons submit={DIAL_LABEL} disabled={disabled} />
    </form>
  );
}
