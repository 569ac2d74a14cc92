/**
 * Reply with message: answer a ringing call with a text (at most 150 characters) or one of
 * RingCentral's ready replies, some of which name a time ("I will call you back in 5 minutes"). Used on
 * the call card and in the popup; kept small for the popup's bundle. Main's parse of the `reply`
 * command (src/shared/contract.ts) is the rule; its refusal shows as a notice.
 */
import { useId, useState } from 'preact/hooks';
import type { CallCommand } from '../../shared/contract';
import type { Call } from '../../shared/domain';
import { callRef } from '../../shared/call-reference';
import { useBridge } from '../bridge-context';
import { sendCommand } from '../send-command';
import { FormButtons } from './FormButtons';
import { useInlineForm } from './use-inline-form';
import { TextAreaField } from './TextAreaField';
import { REPLY_MAX_LENGTH } from '../../shared/command-limits';

type ReplyCommand = Extract<CallCommand, { type: 'reply' }>;
type ReplyPattern = NonNullable<ReplyCommand['pattern']>;
type PatternName = ReplyPattern['pattern'];
type TimeUnit = NonNullable<ReplyPattern['timeUnit']>;

/** Each ready reply as the caller reads it; `timed` ones take a time and unit. Typed by the contract, so a new pattern needs its words here. */
const PATTERNS: Record<PatternName, { text: string; timed: boolean }> = {
  WillCallYouBack: { text: 'I will call you back in …', timed: true },
  CallMeBack: { text: 'Please call me back in …', timed: true },
  OnMyWay: { text: 'I am on my way', timed: false },
  OnTheOtherLine: { text: 'I am on the other line', timed: false },
  WillCallYouBackLater: { text: 'I will call you back later', timed: false },
  CallMeBackLater: { text: 'Please call me back later', timed: false },
  InAMeeting: { text: 'I am in a meeting', timed: false },
  OnTheOtherLineNoCall: { text: 'I am on the other line, please do not call', timed: false },
};
const UNITS: Record<TimeUnit, string> = { Minute: 'minutes', Hour: 'hours', Day: 'days' };

export function ReplyForm({ call, disabled, onDone }: { call: Call; disabled: boolean; onDone: () => void }) {
  const bridge = useBridge();
  const [kind, setKind] = useState<'text' | 'pattern'>('text');
  const [text, setText] = useState('');
  const [pattern, setPattern] = useState<PatternName>('WillCallYouBack');
  const [time, setTime] = useState('5');
  const [unit, setUnit] = useState<TimeUnit>('Minute');
  const group = useId();
  const patternId = useId();
  const timeId = useId();
  const unitId = useId();
  const timed = PATTERNS[pattern].timed;

  const form = useInlineForm(() => {
    let command: ReplyCommand;
    if (kind === 'text') {
      if (text.trim() === '') return { problem: 'Write a message, or choose a ready reply.' };
      command = { type: 'reply', ...callRef(call), text: text.trim() };
    } else {
      // A time that is not a whole number goes as typed: main refuses it with the contract's words.
      const amount = Number(time);
      command = { type: 'reply', ...callRef(call), pattern: timed ? { pattern, time: amount, timeUnit: unit } : { pattern } };
    }
    return { send: () => sendCommand(bridge, command) };
  }, onDone);

  return (
    <form class="inline-form" aria-label="Reply with a message" onSubmit={form.onSubmit}>
      <fieldset class="choice">
        <legend>Reply</legend>
        <label class="choice-option">
          <input type="radio" name={group} checked={kind === 'text'} onChange={() => setKind('text')} />
          Write a message
        </label>
        <label class="choice-option">
          <input type="radio" name={group} checked={kind === 'pattern'} onChange={() => setKind('pattern')} />
          Choose a ready reply
        </label>
      </fieldset>
      {kind === 'text' ? (
        <TextAreaField
          label="Message"
          value={text}
          maxLength={REPLY_MAX_LENGTH}
          error={form.error}
          autoFocus
          disabled={disabled}
          onInput={form.edited(setText)}
        />
      ) : (
        <>
          <div class="field">
            <label for={patternId}>Ready reply</label>
            <select id={patternId} value={pattern} disabled={disabled} onChange={(e) => setPattern(e.currentTarget.value as PatternName)}>
              {(Object.keys(PATTERNS) as PatternName[]).map((p) => (
                <option key={p} value={p}>
                  {PATTERNS[p].text}
                </option>
              ))}
            </select>
          </div>
          {timed && (
            <div class="field-row">
              <div class="field">
                <label for={timeId}>In</label>
                <input
                  id={timeId}
                  type="number"
                  min={1}
                  max={999}
                  step={1}
                  value={time}
                  disabled={disabled}
                  onInput={(e) => setTime(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for={unitId}>Unit</label>
                <select id={unitId} value={unit} disabled={disabled} onChange={(e) => setUnit(e.currentTarget.value as TimeUnit)}>
                  {(Object.keys(UNITS) as TimeUnit[]).map((u) => (
                    <option key={u} value={u}>
                      {UNITS[u]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
        </>
      )}
      <FormButtons submit="Send reply" disabled={disabled} onCancel={onDone} />
    </form>
  );
}
