/**
 * One ringing call in the popup: who is calling, internal or external, why it reaches me (forwarded,
 * call queue, park recall), which line, and Answer / Decline / Send to voicemail / Ignore / Reply with
 * message — only those its actions allow. Answer comes first so it is the first control keyboard focus
 * reaches. Reply opens its small form in the popup; Escape closes it before it hides the popup.
 */
import { PendingLine } from '../components/PendingLine';
import type { Ref } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import { callCommand } from '../../shared/call-reference';
import type { Call } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { lineText } from '../call-text';
import { callTypeText, partySubtitle, partyTitle, reachReason } from '../../shared/party-text';
import { ReplyForm } from '../components/ReplyForm';
import { sendCommand } from '../send-command';
import { callsInFlight } from '../state';

const POPUP_ACTIONS = ['answer', 'decline', 'toVoicemail', 'ignore'] as const;

export function IncomingCall({ call, answerRef }: { call: Call; answerRef?: Ref<HTMLButtonElement> }) {
  const bridge = useBridge();
  const titleId = useId();
  const busy = call.pending !== undefined || callsInFlight.value.has(call.id);
  const subtitle = partySubtitle(call.remote);
  const reason = reachReason(call);
  const line = lineText(call);
  const kind = callTypeText(call.remote);
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const canReply = call.actions.includes('reply');
  const closeReply = () => {
    setReplying(false);
    replyButton.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && replying) {
      event.preventDefault();
      closeReply();
    }
  };

  return (
    <article
      class={`incoming${call.recall ? ' is-recall' : ''}${call.redirections.length ? ' is-redirected' : ''}`}
      aria-labelledby={titleId}
      aria-busy={busy}
      onKeyDown={onKeyDown}
    >
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
        {canReply && (
          <button
            ref={replyButton}
            type="button"
            class="btn btn-reply"
            disabled={busy}
            aria-expanded={replying}
            aria-controls={formId}
            onClick={() => setReplying(!replying)}
          >
            {ACTION_LABELS.reply}
          </button>
        )}
      </div>
      <div id={formId}>{replying && canReply && <ReplyForm call={call} disabled={busy} onDone={closeReply} />}</div>
    </article>
  );
}
