/**
 * Speak and Play audio into a conference, or to one member of it: each a button (as the conference's
 * or the member's `actions` offer it) that opens a small inline form — a sentence to say, or the https
 * address of an audio file (src/shared/audio-address.ts) — checked as main checks it before anything is sent. The form closes when
 * the provider accepts it; Escape or Cancel closes it and returns focus to its button.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ACTION_LABELS } from '../../shared/action-labels';
import type { Action } from '../../shared/domain';
import { useBridge } from '../bridge-context';
import { sendConferenceCommand } from '../send-conference-command';
import { SENTENCE_MAX_LENGTH } from '../../shared/command-limits';
import { FormButtons } from '../components/FormButtons';
import { audioAddressFault } from '../../shared/audio-address';

type AudioAction = Extract<Action, 'speak' | 'playAudio'>;

/** Why a sentence cannot be sent, or null. */
function sentenceProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Write something to say.';
  if (trimmed.length > SENTENCE_MAX_LENGTH) return `A sentence is at most 1,000 characters (this one has ${trimmed.length}).`;
  return null;
}

/** Why an audio address cannot be sent, or null: only https addresses reach the provider. */
function audioUrlProblem(text: string): string | null {
  switch (audioAddressFault(text.trim())) {
    case null:
      return null;
    case 'not-https':
      return 'The audio file must be an https address.';
    case 'too-long':
      return 'That address is too long: at most 2,048 characters.';
    default:
      return 'Enter the address of an audio file, starting with https://.';
  }
}

interface AudioFormProps {
  action: AudioAction;
  conferenceId: string;
  callId?: string;
  /** Whom it reaches, for the form's name: "the conference", "Ada Lovelace". */
  target: string;
  onClose: (sent: boolean) => void;
}

function AudioForm({ action, conferenceId, callId, target, onClose }: AudioFormProps) {
  const bridge = useBridge();
  const fieldId = useId();
  const messageId = useId();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const speaking = action === 'speak';

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const why = speaking ? sentenceProblem(text) : audioUrlProblem(text);
    setProblem(why);
    if (why) return;
    const who = callId === undefined ? {} : { callId };
    setSending(true);
    const result = await sendConferenceCommand(
      bridge,
      speaking
        ? { type: 'speakToConference', conferenceId, ...who, sentence: text.trim() }
        : { type: 'playToConference', conferenceId, ...who, url: text.trim() },
    );
    setSending(false);
    if (result.ok) onClose(true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose(false);
  };

  const common = {
    id: fieldId,
    ref: input,
    value: text,
    disabled: sending,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': problem ? messageId : undefined,
    onInput: (e: Event) => setText((e.currentTarget as HTMLInputElement).value),
  };

  return (
    <form
      class="inline-form audio-form"
      noValidate
      aria-label={`${ACTION_LABELS[action]} to ${target}`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <div class="field">
        <label for={fieldId}>{speaking ? 'Sentence to say' : 'Audio file address'}</label>
        {speaking ? (
          <textarea {...common} rows={2} />
        ) : (
          <input {...common} type="text" inputMode="url" placeholder="https://" autoComplete="off" spellcheck={false} />
        )}
        {problem && (
          <p id={messageId} class="field-error">
            {problem}
          </p>
        )}
      </div>
      <FormButtons submit={ACTION_LABELS[action]} disabled={sending} onCancel={() => onClose(false)} />
    </form>
  );
}

export interface AudioControlsProps {
  actions: readonly Action[];
  conferenceId: string;
  callId?: string;
  target: string;
  disabled: boolean;
}

/** The Speak / Play audio buttons the actions offer, and the form of the one opened. */
export function AudioControls({ actions, conferenceId, callId, target, disabled }: AudioControlsProps) {
  const [open, setOpen] = useState<AudioAction | null>(null);
  const formId = useId();
  const buttons = useRef(new Map<AudioAction, HTMLButtonElement | null>());
  // Focus goes back to the form's button once it can take it: after a send, the button is enabled again
  // only when the render that follows the answer has run.
  const [returnTo, setReturnTo] = useState<AudioAction | null>(null);
  useEffect(() => {
    if (returnTo === null || disabled) return;
    buttons.current.get(returnTo)?.focus();
    setReturnTo(null);
  }, [returnTo, disabled]);
  const offered = (['speak', 'playAudio'] as const).filter((a) => actions.includes(a));
  if (offered.length === 0) return null;

  const close = (which: AudioAction) => {
    setOpen(null);
    setReturnTo(which);
  };

  return (
    <div class="audio-controls">
      <div class="call-actions" role="group" aria-label={`Speak or play to ${target}`}>
        {offered.map((action) => (
          <button
            key={action}
            ref={(el) => {
              buttons.current.set(action, el);
            }}
            type="button"
            class="btn"
            disabled={disabled}
            aria-expanded={open === action}
            aria-controls={formId}
            onClick={() => (open === action ? close(action) : setOpen(action))}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      <div id={formId}>
        {open && offered.includes(open) && (
          <AudioForm key={open} action={open} conferenceId={conferenceId} callId={callId} target={target} onClose={() => close(open)} />
        )}
      </div>
    </div>
  );
}
