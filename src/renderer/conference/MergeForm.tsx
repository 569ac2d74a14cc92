/**
 * Start a (new) conference: Start conference (an empty one of my own, when the provider can) and my calls that can be merged and are in no conference yet, each with a checkbox (all chosen at first), and
 * Merge for the chosen ones once there are two or more. Shows exactly the calls whose `actions` offer
 * Merge, so nothing is offered that the provider would refuse.
 */
import { useId, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { Call, Conference } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { PendingLine } from '../components/PendingLine';
import { partyTitle } from '../../shared/party-text';
import { callStateLabel, pendingLabel } from '../labels';
import { sendConferenceCommand } from '../send-conference-command';
import { calls, callsInFlight, conferences } from '../state';
import { lineOf } from './conference-line';
import { callsInLiveConferences } from './joined-calls';
import { FormButtons } from '../components/FormButtons';

/** My calls that offer Merge and are in no conference yet (a merge makes a new one). */
export function mergeableCalls(all: readonly Call[], current: readonly Conference[]): Call[] {
  const joined = callsInLiveConferences(current);
  return all.filter((c) => c.actions.includes('merge') && !joined.has(c.id));
}

/** Start conference: an empty conference of my own; people are then dialled in or added. */
function StartConferenceButton() {
  const bridge = useBridge();
  const hintId = useId();
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    await sendConferenceCommand(bridge, { type: 'startConference' });
    setSending(false);
  };
  return (
    <div class="start-conference">
      <button type="button" class="btn btn-primary" disabled={sending} aria-describedby={hintId} onClick={() => void start()}>
        Start conference
      </button>
      <p id={hintId} class="field-hint">
        An empty conference of your own: then dial people into it or add your calls.
      </p>
      {sending && <PendingLine pending={undefined} />}
    </div>
  );
}

export function MergeForm({ canStart = false }: { canStart?: boolean }) {
  const bridge = useBridge();
  const titleId = useId();
  const all = calls.value;
  const mergeable = mergeableCalls(all, conferences.value);
  // Remember what was left out rather than what was chosen, so a call answered meanwhile is chosen too.
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const chosen = mergeable.filter((c) => !leftOut.has(c.id));
  const pending = mergeable.find((c) => c.pending === 'merge');
  const busy = mergeable.some((c) => c.pending !== undefined || callsInFlight.value.has(c.id));

  const toggle = (callId: string, include: boolean) => {
    const next = new Set(leftOut);
    if (include) next.delete(callId);
    else next.add(callId);
    setLeftOut(next);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (chosen.length < 2) return;
    const callIds = chosen.map((c) => c.id);
    void sendConferenceCommand(bridge, { type: 'merge', callIds, ...lineOf(callIds, all) });
  };

  return (
    <section class="merge" aria-labelledby={titleId}>
      <h2 id={titleId} class="section-title">
        Start a conference
      </h2>
      {canStart && <StartConferenceButton />}
      {mergeable.length < 2 ? (
        <p class="empty">
          {canStart
            ? 'With two or more answered calls you can also merge them into one.'
            : 'You need two or more answered calls to start a conference.'}
        </p>
      ) : (
        <form class="inline-form" onSubmit={submit}>
          <fieldset class="choice">
            <legend>Calls to merge</legend>
            {mergeable.map((call) => (
              <label key={call.id} class="choice-option">
                <input
                  type="checkbox"
                  checked={!leftOut.has(call.id)}
                  disabled={busy}
                  onChange={(e) => toggle(call.id, e.currentTarget.checked)}
                />
                {`${partyTitle(call.remote)} (${callStateLabel(call)})`}
              </label>
            ))}
          </fieldset>
          {chosen.length < 2 && <p class="field-hint">Choose two or more calls.</p>}
          <FormButtons submit={ACTION_LABELS.merge} disabled={busy || chosen.length < 2} />
        </form>
      )}
      {busy && (
        <p class="call-pending" role="status">
          <span class="spinner" aria-hidden="true" />
          {pendingLabel(pending ? 'merge' : undefined)}
        </p>
      )}
    </section>
  );
}
