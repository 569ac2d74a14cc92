/**
 * The dialer: one field for a number or address, checked and normalised with the shared rules as the
 * user types or pastes, dialled with the Dial button or Enter. The same field is the optional target of
 * Pick up and Retrieve and the required target of Barge in and Listen (a colleague's extension). Each of
 * those buttons shows only when the current provider can do it (its capabilities). A number from a
 * link or the selection (dial:requested) is pre-filled and waits for the user to press Dial. With more
 * than one line on the account, and a provider with lines, a Line choice says which line dials, picks
 * up, barges in, retrieves and listens.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTION_LABELS, DIAL_LABEL } from '../../shared/action-labels';
import type { CallCommand } from '../../shared/contract';
import { normalizeDestination } from '../../shared/dial-string';
import type { Party } from '../../shared/domain';
import type { ProviderCapability } from '../../shared/providers';
import { useBridge } from '../bridge-context';
import { sendCommand } from '../send-command';
import { capabilities, dialRequest, lastParkedAt, status } from '../state';
import { DestinationField } from './DestinationField';

const SOURCE_LABELS = { link: 'A link', selection: 'Your selection' } as const;

/** The commands the dialer sends: each starts a call, so each goes out on the chosen line. */
type DialerCommand = Extract<CallCommand, { type: 'dial' | 'pickup' | 'bargeIn' | 'retrieve' | 'listen' }>;

/** What the field means for the buttons under it, naming only those the provider offers. */
function dialerHint(can: ReadonlySet<ProviderCapability>, parked: Party | null): string {
  if (parked && can.has('park'))
    return `Your parked call waits at ${parked.number || parked.name || 'your park slot'}: Retrieve brings it back.`;
  const empty = [can.has('pickup') && 'pick up your group’s ringing call', can.has('park') && 'retrieve a call parked on you'].filter(
    Boolean,
  );
  const sentences = [
    empty.length > 0 && `Leave the field empty to ${empty.join(' or ')}.`,
    can.has('listen') && 'Enter a colleague’s extension to listen to their call.',
  ].filter(Boolean);
  return sentences.join(' ');
}

export function Dialer() {
  const bridge = useBridge();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const dialButton = useRef<HTMLButtonElement>(null);
  const request = dialRequest.value;
  const parked = lastParkedAt.value;
  const can = capabilities.value;
  const lines = can.has('lines') ? (status.value?.account?.lines ?? []) : [];
  const [lineId, setLineId] = useState('');
  // '' is my own line; a line that has gone from the account falls back to it.
  const line = lines.some((l) => l.id === lineId && !l.primary) ? lineId : '';

  useEffect(() => {
    if (!request) return;
    const normalized = normalizeDestination(request.destination);
    setText(normalized.ok ? normalized.value : request.destination);
    setError(normalized.ok ? null : normalized.error.message);
    dialButton.current?.focus();
  }, [request]);

  const moreHint = dialerHint(can, parked);
  const preview = normalizeDestination(text);
  const hint = preview.ok && preview.value !== text.trim() ? `Dials ${preview.value}` : undefined;

  const run = async (command: DialerCommand): Promise<void> => {
    setError(null);
    setSending(true);
    const result = await sendCommand(bridge, line ? { ...command, line } : command);
    setSending(false);
    if (result.ok) {
      setText('');
      dialRequest.value = null;
      if (command.type === 'retrieve') lastParkedAt.value = null;
    }
  };

  /** The field as a destination, or undefined (with the error shown) when it is not one. */
  const destination = (): string | undefined => {
    const result = normalizeDestination(text);
    if (result.ok) return result.value;
    setError(result.error.message);
    return undefined;
  };

  const dial = (event: Event) => {
    event.preventDefault();
    const to = destination();
    if (to) void run({ type: 'dial', destination: to });
  };

  const pickUp = () => {
    if (text.trim() === '') return void run({ type: 'pickup' });
    const target = destination();
    if (target) void run({ type: 'pickup', target });
  };

  const bargeIn = () => {
    if (text.trim() === '') return setError('Enter the number or extension to barge in on.');
    const target = destination();
    if (target) void run({ type: 'bargeIn', target });
  };

  const listen = () => {
    if (text.trim() === '') return setError('Enter the extension of the colleague to listen to.');
    const target = destination();
    if (target) void run({ type: 'listen', target });
  };

  const retrieve = () => {
    if (text.trim() === '') {
      return void run(parked?.number ? { type: 'retrieve', destination: parked.number } : { type: 'retrieve' });
    }
    const to = destination();
    if (to) void run({ type: 'retrieve', destination: to });
  };

  // A pasted "+1 (555) 010-2030" lands as "+15550102030" when it replaces the whole field.
  const onPaste = (event: ClipboardEvent) => {
    const input = event.currentTarget as HTMLInputElement;
    const pasted = event.clipboardData?.getData('text') ?? '';
    const replacesAll = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const normalized = normalizeDestination(pasted);
    if (!normalized.ok || !(replacesAll || input.value === '')) return;
    event.preventDefault();
    setText(normalized.value);
    setError(null);
  };

  const cancelRequest = () => {
    dialRequest.value = null;
    setText('');
    setError(null);
  };

  return (
    <section class="dialer" aria-label="Dialer">
      {request && (
        <div class="dial-request" role="status">
          <p>
            {SOURCE_LABELS[request.source]} asks to call <strong>{text || request.destination}</strong>.{' '}
            {request.reason ? `${request.reason} ` : ''}Press Dial to call.
          </p>
          <button type="button" class="btn" onClick={cancelRequest}>
            Cancel
          </button>
        </div>
      )}
      {lines.length > 1 && (
        <label class="dial-line">
          Line
          <select value={line} onChange={(event) => setLineId((event.currentTarget as HTMLSelectElement).value)}>
            {lines.map((l) => (
              <option key={l.id} value={l.primary ? '' : l.id}>
                {[l.label, l.number ?? l.extension].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <form class="dial-form" onSubmit={dial}>
        <DestinationField
          label="Number to call"
          value={text}
          onInput={(value) => {
            setText(value);
            setError(null);
          }}
          onPaste={onPaste}
          error={error}
          hint={hint}
          placeholder="Number, extension or name@company.com"
        />
        <button ref={dialButton} type="submit" class="btn btn-primary btn-dial" disabled={sending}>
          {DIAL_LABEL}
        </button>
      </form>
      {(can.has('pickup') || can.has('bargeIn') || can.has('park') || can.has('listen')) && (
        <>
          <div class="dial-more" role="group" aria-label="More ways to take a call">
            {can.has('pickup') && (
              <button type="button" class="btn btn-small" disabled={sending} onClick={pickUp}>
                {ACTION_LABELS.pickup}
              </button>
            )}
            {can.has('bargeIn') && (
              <button type="button" class="btn btn-small" disabled={sending} onClick={bargeIn}>
                {ACTION_LABELS.bargeIn}
              </button>
            )}
            {can.has('park') && (
              <button type="button" class="btn btn-small" disabled={sending} onClick={retrieve}>
                {ACTION_LABELS.retrieve}
              </button>
            )}
            {can.has('listen') && (
              <button type="button" class="btn btn-small" disabled={sending} onClick={listen}>
                {ACTION_LABELS.listen}
              </button>
            )}
          </div>
          {moreHint && <p class="field-hint">{moreHint}</p>}
        </>
      )}
    </section>
  );
}
