/**
 * Add to conference: another of my answered calls joins this conference. Offers exactly the calls
 * whose `actions` include Add to conference and that are in no live conference (an ended one still listed
 * holds nobody); with several, the user
 * picks one. Absent when no call can join.
 */
import { useId, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { Conference } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { partyTitle } from '../../shared/party-text';
import { callStateLabel } from '../labels';
import { sendConferenceCommand } from '../send-conference-command';
import { calls, callsInFlight, conferences } from '../state';
import { callsInLiveConferences } from './joined-calls';
import { FormButtons } from '../components/FormButtons';

export function AddParticipantForm({ conference }: { conference: Conference }) {
  const bridge = useBridge();
  const selectId = useId();
  const joined = callsInLiveConferences(conferences.value);
  const candidates = calls.value.filter((c) => c.actions.includes('addToConference') && !joined.has(c.id));
  const [chosenId, setChosenId] = useState('');
  const chosen = candidates.find((c) => c.id === chosenId) ?? candidates[0];
  const busy = !chosen || chosen.pending !== undefined || callsInFlight.value.has(chosen.id);
  const describe = (c: (typeof candidates)[number]) => `${partyTitle(c.remote)} (${callStateLabel(c)})`;

  // Nothing to offer: the conference may still take people dialled in (DialIntoForm).
  if (candidates.length === 0) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    void sendConferenceCommand(bridge, { type: 'addParticipant', conferenceId: conference.id, callId: chosen.id });
  };

  return (
    <form class="inline-form add-participant" aria-label="Add a call to the conference" onSubmit={submit}>
      {candidates.length > 1 ? (
        <div class="field">
          <label for={selectId}>Call to add</label>
          <select id={selectId} value={chosen?.id} onChange={(e) => setChosenId(e.currentTarget.value)}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {describe(c)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        chosen && <p class="form-note">{`Your other call: ${describe(chosen)}`}</p>
      )}
      <FormButtons submit={ACTION_LABELS.addToConference} disabled={busy} />
    </form>
  );
}
