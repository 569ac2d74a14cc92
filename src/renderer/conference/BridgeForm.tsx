/**
 * Bridge two calls: connect two of my answered calls so they hear each other (shown afterwards as a
 * conference of type "bridge"). Offers exactly the calls that offer Merge and are in no conference or
 * bridge yet; with two, it names them; with more, the user picks the two. Shown only when the
 * provider has the bridge capability (the window decides).
 */
import { useId, useState } from 'preact/hooks';
import type { Call } from '../../shared/domain';
import { partyTitle } from '../../shared/party-text';
import { useBridge } from '../bridge-context';
import { PendingLine } from '../components/PendingLine';
import { CONFERENCE_TYPE_LABELS, callStateLabel } from '../labels';
import { sendConferenceCommand } from '../send-conference-command';
import { calls, callsInFlight, conferences } from '../state';
import { mergeableCalls } from './MergeForm';
import { FormButtons } from '../components/FormButtons';

const describe = (c: Call) => `${partyTitle(c.remote)} (${callStateLabel(c)})`;

function CallChoice({
  label,
  options,
  value,
  onChange,
  disabled,
}: {
  label: string;
  options: Call[];
  value: string;
  onChange: (id: string) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((c) => (
          <option key={c.id} value={c.id}>
            {describe(c)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function BridgeForm() {
  const bridge = useBridge();
  const titleId = useId();
  const candidates = mergeableCalls(calls.value, conferences.value);
  const [firstId, setFirstId] = useState('');
  const [secondId, setSecondId] = useState('');
  const first = candidates.find((c) => c.id === firstId) ?? candidates[0];
  const others = candidates.filter((c) => c.id !== first?.id);
  const second = others.find((c) => c.id === secondId) ?? others[0];
  const busy = candidates.some((c) => c.pending !== undefined || callsInFlight.value.has(c.id));

  const submit = (event: Event) => {
    event.preventDefault();
    if (!first || !second) return;
    void sendConferenceCommand(bridge, { type: 'bridge', callIds: [first.id, second.id] });
  };

  return (
    <section class="merge bridge-form" aria-labelledby={titleId}>
      <h2 id={titleId} class="section-title">
        Bridge two calls
      </h2>
      {!first || !second ? (
        <p class="empty">You need two answered calls to bridge them: they then hear each other.</p>
      ) : (
        <form class="inline-form" aria-label="Calls to bridge" onSubmit={submit}>
          {candidates.length === 2 ? (
            <p class="form-note">{`Connects ${describe(first)} and ${describe(second)}.`}</p>
          ) : (
            <>
              <CallChoice label="First call" options={candidates} value={first.id} onChange={setFirstId} disabled={busy} />
              <CallChoice label="Second call" options={others} value={second.id} onChange={setSecondId} disabled={busy} />
            </>
          )}
          <FormButtons submit={CONFERENCE_TYPE_LABELS.bridge} disabled={busy} />
        </form>
      )}
      {busy && <PendingLine pending={candidates.find((c) => c.pending)?.pending} />}
    </section>
  );
}
