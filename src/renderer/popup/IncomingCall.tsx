/**
 * One ringing call in the popup: who is calling, internal or external, why it reaches me (forwarded,
 * call queue, park recall), which line, and Answer / Decline / Send to voicemail — only those its
 * actions allow. Answer comes first so it is the first control keyboard focus reaches.
 */
import { PendingLine } from '../components/PendingLine';
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import { callCommand } from '../../shared/call-reference';
import type { Call } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { lineText } from '../call-text';
import { callTypeText, partySubtitle, partyTitle, reachReason } from '../../shared/party-text';

import { sendCommand } from '../send-command';
import { callsInFlight } from '../state';

const POPUP_ACTIONS = ['answer', 'decline', 'toVoicemail'] as const;

export function IncomingCall({ call, answerRef }: { call: Call; answerRef?: Ref<HTMLButtonElement> }) {
  const bridge = useBridge();
  const titleId = useId();
  const busy = call.pending !== undefined || callsInFlight.value.has(call.id);
  const subtitle = partySubtitle(call.remote);
  const reason = reachReason(call);
  const line = lineText(call);
  const kind = callTypeText(call.remote);

  return (
    <article class={`incoming${call.recall ? ' is-recall' : ''}${call.redirections.length ? ' is-redirected' : ''}`} aria-labelledby={titleId} aria-busy={busy}>
      <p class="incoming-kind">{kind ? `Incoming ${kind.charAt(0).toLowerCase()}${kind.slice(1)}` : 'Incoming call'}</p>
      <h2 id={titleId} class="incoming-name">
        {partyTitle(call.remote)}
      </h2>
      {subtitle && <p class="incoming-number">{subtitle}</p>}
      {reason && <p class="incoming-reason">{reason}</p>}
      {line && <p class="incoming-line">{line}</p>}
      {busy && <PendingLine pending={call.pending} />}
      <div class="incoming-actions" role="group" aria-label={`Controls for the call from ${partyTitle(call.remote)}`}>
        {POPUP_ACTIONS.filter((action) => call.actions.includes(action)).map((action) => (
          <button
            key={action}
            ref={action === 'answer' ? answerRef : undefined}
            type="button"
            class={`btn btn-${action}`}
            disabled={busy}
            onClick={() => void sendCommand(bridge, callCommand(action, call))}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
    </article>
  );
}
