// @vitest-environment happy-dom
/**
 * The per-call actions RingCentral and Bandwidth add: Reply with message, Ignore, Flip, Speak, Play
 * audio, Stop playback, Collect digits (and what it collected), and a transfer's whisper. Each reaches
 * the bridge as the command the contract names, with only the fields the user filled in; each is absent
 * when the call does not offer it; forms open with focus inside and close with Escape.
 */
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CallCard } from '../../src/renderer/components/CallCard';
import { Notices } from '../../src/renderer/components/Notices';
import { calls } from '../../src/renderer/state';
import type { Action, Call } from '../../src/shared/domain';
import { err } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { makeCall, mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

function LiveCard({ id }: { id: string }) {
  const call = calls.value.find((c) => c.id === id);
  return call ? <CallCard call={call} /> : null;
}

async function mountCard(call: Call, bridge = new FakeBridge()) {
  bridge.callList = [call];
  const mounted = await mount(
    <>
      <Notices />
      <LiveCard id={call.id} />
    </>,
    bridge,
  );
  return { ...mounted, card: screen.getByRole('article', { name: call.remote.name }) };
}

function buttonNames(card: HTMLElement): string[] {
  return within(card)
    .queryAllByRole('button')
    .map((b) => b.textContent ?? '')
    .sort();
}

const NEW_BUTTONS: [Action, string][] = [
  ['reply', 'Reply with message'],
  ['ignore', 'Ignore'],
  ['flip', 'Flip'],
  ['speak', 'Speak'],
  ['playAudio', 'Play audio'],
  ['gather', 'Collect digits'],
];

describe('the new buttons follow call.actions exactly', () => {
  for (const [action, name] of NEW_BUTTONS) {
    it(`[${action}] → ${name}, and nothing without it`, async () => {
      const { card } = await mountCard(makeCall({ actions: [action] }));
      expect(buttonNames(card)).toEqual([name]);
      unmountAll();
      const { card: bare } = await mountCard(makeCall({ actions: ['hangup'] }));
      expect(within(bare).queryByRole('button', { name })).toBeNull();
    });
  }

  it('Stop playback shows while audio plays, and not when the call does not offer it', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'c-1', actions: ['stopAudio', 'hangup'], playing: true }), bridge);
    expect(card.textContent).toContain('Playing audio');
    fireEvent.click(within(card).getByRole('button', { name: 'Stop playback' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'stopAudio', callId: 'c-1' }]);
    act(() => bridge.setCalls([makeCall({ id: 'c-1', actions: ['hangup'], playing: false })]));
    expect(within(card).queryByRole('button', { name: 'Stop playback' })).toBeNull();
    expect(card.textContent).not.toContain('Playing audio');
  });

  it('Stop playback stays hidden while nothing plays', async () => {
    const { card } = await mountCard(makeCall({ actions: ['stopAudio'], playing: false }));
    expect(within(card).queryByRole('button', { name: 'Stop playback' })).toBeNull();
  });

  it('Ignore sends {type: ignore} with the line', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'q-1', state: 'alerting', line: 'owner-2', actions: ['answer', 'ignore'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Ignore' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'ignore', callId: 'q-1', line: 'owner-2' }]);
  });
});

describe('Reply with message', () => {
  async function openReply(bridge = new FakeBridge()) {
    const mounted = await mountCard(makeCall({ id: 'r-1', state: 'alerting', actions: ['answer', 'reply'] }), bridge);
    fireEvent.click(within(mounted.card).getByRole('button', { name: 'Reply with message' }));
    await settle();
    return { ...mounted, form: within(mounted.card).getByRole('form', { name: 'Reply with a message' }) };
  }

  it('sends a written message, trimmed, and closes', async () => {
    const { bridge, card, form } = await openReply();
    const message = within(form).getByLabelText('Message') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(message);
    fireEvent.input(message, { target: { value: '  In a meeting, back at 3  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send reply' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'reply', callId: 'r-1', text: 'In a meeting, back at 3' }]);
    expect(within(card).queryByRole('form')).toBeNull();
  });

  it('counts characters against the 150 limit and cannot go past it', async () => {
    const { form } = await openReply();
    const message = within(form).getByLabelText('Message') as HTMLTextAreaElement;
    expect(message.maxLength).toBe(150);
    fireEvent.input(message, { target: { value: 'On my way' } });
    expect(form.textContent).toContain('9 of 150 characters');
  });

  it('an empty message is refused before sending', async () => {
    const { bridge, form } = await openReply();
    fireEvent.submit(form);
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(form.textContent).toContain('Write a message, or choose a ready reply.');
  });

  it('a timed ready reply sends its pattern, time and unit', async () => {
    const { bridge, form } = await openReply();
    fireEvent.click(within(form).getByRole('radio', { name: 'Choose a ready reply' }));
    fireEvent.change(within(form).getByLabelText('Ready reply'), { target: { value: 'CallMeBack' } });
    fireEvent.input(within(form).getByLabelText('In'), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('Unit'), { target: { value: 'Hour' } });
    fireEvent.submit(form);
    await settle();
    expect(bridge.commands).toEqual([{ type: 'reply', callId: 'r-1', pattern: { pattern: 'CallMeBack', time: 2, timeUnit: 'Hour' } }]);
  });

  it('an untimed ready reply sends the pattern alone', async () => {
    const { bridge, form } = await openReply();
    fireEvent.click(within(form).getByRole('radio', { name: 'Choose a ready reply' }));
    fireEvent.change(within(form).getByLabelText('Ready reply'), { target: { value: 'InAMeeting' } });
    expect(within(form).queryByLabelText('In')).toBeNull();
    fireEvent.submit(form);
    await settle();
    expect(bridge.commands).toEqual([{ type: 'reply', callId: 'r-1', pattern: { pattern: 'InAMeeting' } }]);
  });

  it("main's refusal shows as a notice and the form stays open", async () => {
    const bridge = new FakeBridge();
    bridge.answer = () => err('BAD_INPUT', 'a reply is at most 150 characters');
    const { card, form } = await openReply(bridge);
    fireEvent.input(within(form).getByLabelText('Message'), { target: { value: 'hello' } });
    fireEvent.submit(form);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('a reply is at most 150 characters');
    expect(within(card).getByRole('form', { name: 'Reply with a message' })).toBeTruthy();
  });

  it('Escape closes it and gives focus back to the button', async () => {
    const { card, form } = await openReply();
    fireEvent.keyDown(within(form).getByLabelText('Message'), { key: 'Escape' });
    await settle();
    expect(within(card).queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Reply with message' }));
  });
});

describe('Flip', () => {
  it('sends the call-flip number', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'f-1', actions: ['flip', 'hangup'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Flip' }));
    await settle();
    const field = within(card).getByLabelText('Call-flip number');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: ' *2 ' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await settle();
    expect(bridge.commands).toEqual([{ type: 'flip', callId: 'f-1', flipId: '*2' }]);
  });

  it("an empty number is refused; a wrong one is main's to refuse", async () => {
    const bridge = new FakeBridge();
    bridge.answer = () => err('BAD_INPUT', 'a call-flip number such as *2');
    const { card } = await mountCard(makeCall({ actions: ['flip'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Flip' }));
    const form = within(card).getByRole('form', { name: 'Flip the call to another phone' });
    fireEvent.submit(form);
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(form.textContent).toContain('Enter the call-flip number');
    fireEvent.input(within(form).getByLabelText('Call-flip number'), { target: { value: 'abc' } });
    fireEvent.submit(form);
    await settle();
    expect(bridge.commands).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toContain('a call-flip number such as *2');
  });
});

describe('Speak', () => {
  it('sends the sentence alone when nothing else is filled in', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 's-1', actions: ['speak'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Speak' }));
    await settle();
    const sentence = within(card).getByLabelText('Sentence to say') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(sentence);
    expect(sentence.maxLength).toBe(1000);
    fireEvent.input(sentence, { target: { value: 'Please hold.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Say it' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'speak', callId: 's-1', sentence: 'Please hold.' }]);
    expect(within(card).queryByRole('form')).toBeNull();
  });

  it('sends voice, locale and gender when chosen', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 's-1', actions: ['speak'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Speak' }));
    fireEvent.input(within(card).getByLabelText('Sentence to say'), { target: { value: 'Hola' } });
    fireEvent.input(within(card).getByLabelText('Voice (optional)'), { target: { value: 'Jorge' } });
    fireEvent.input(within(card).getByLabelText('Locale (optional)'), { target: { value: 'es_MX' } });
    fireEvent.change(within(card).getByLabelText('Gender'), { target: { value: 'male' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Say it' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'speak', callId: 's-1', sentence: 'Hola', voice: 'Jorge', locale: 'es_MX', gender: 'male' }]);
  });

  it('an empty sentence is refused before sending', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ actions: ['speak'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Speak' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Say it' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(card.textContent).toContain('Write the sentence to say.');
  });
});

describe('Play audio', () => {
  it('plays an https file, looped when asked', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'p-1', actions: ['playAudio'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Play audio' }));
    await settle();
    const field = within(card).getByLabelText('Audio file address');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'https://example.com/hold.mp3' } });
    fireEvent.click(within(card).getByRole('checkbox', { name: 'Play it again and again until stopped' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Start playing' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'playAudio', callId: 'p-1', url: 'https://example.com/hold.mp3', loop: true }]);
  });

  it('refuses an address that is not https and sends nothing', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ actions: ['playAudio'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Play audio' }));
    const field = within(card).getByLabelText('Audio file address');
    fireEvent.input(field, { target: { value: 'ftp://example.com/a.wav' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Start playing' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(card.textContent).toContain('The address must start with https://');
  });

  it('refuses a plain http address, as main does, and sends nothing', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ actions: ['playAudio'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Play audio' }));
    const field = within(card).getByLabelText('Audio file address');
    fireEvent.input(field, { target: { value: 'http://example.com/hold.mp3' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Start playing' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(card.textContent).toContain('The address must start with https://');
  });
});

describe('Collect digits', () => {
  it('sends the prompt, max digits and terminating digit', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'g-1', actions: ['gather'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Collect digits' }));
    await settle();
    const prompt = within(card).getByLabelText('Prompt to say first (optional)');
    expect(document.activeElement).toBe(prompt);
    fireEvent.input(prompt, { target: { value: 'Enter your PIN' } });
    fireEvent.input(within(card).getByLabelText('Max digits'), { target: { value: '4' } });
    fireEvent.input(within(card).getByLabelText('Ends with'), { target: { value: '*' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Start collecting' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'gather', callId: 'g-1', prompt: 'Enter your PIN', maxDigits: 4, terminatingDigits: '*' }]);
  });

  it('with nothing changed sends only the default terminating #', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'g-1', actions: ['gather'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Collect digits' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Start collecting' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'gather', callId: 'g-1', terminatingDigits: '#' }]);
  });

  it('shows "Collecting digits…" while collecting, then the digits', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 'g-1', actions: ['hangup'], gather: { id: 'gt-1', state: 'collecting' } }), bridge);
    expect(within(card).getByRole('status').textContent).toBe('Collecting digits…');
    act(() =>
      bridge.setCalls([makeCall({ id: 'g-1', actions: ['hangup', 'gather'], gather: { id: 'gt-1', state: 'completed', digits: '1234' } })]),
    );
    expect(within(card).getByRole('status').textContent).toBe('Digits: 1234');
  });
});

describe('transfer with a whisper', () => {
  it('sends the whisper only when filled in', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 't-1', actions: ['transfer', 'speak'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    fireEvent.input(within(card).getByLabelText('Transfer to'), { target: { value: '+15550102030' } });
    fireEvent.input(within(card).getByLabelText('Whisper (optional)'), { target: { value: 'Alice, about her order' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Complete transfer' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'transfer', callId: 't-1', destination: '+15550102030', whisper: 'Alice, about her order' }]);
  });

  it('an empty whisper is not sent', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ id: 't-1', actions: ['transfer', 'speak'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    fireEvent.input(within(card).getByLabelText('Transfer to'), { target: { value: '5021' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Complete transfer' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'transfer', callId: 't-1', destination: '5021' }]);
  });

  it('a call that cannot be spoken into (Webex) has no whisper field', async () => {
    const { card } = await mountCard(makeCall({ actions: ['transfer'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    expect(within(card).queryByLabelText('Whisper (optional)')).toBeNull();
  });
});

describe('keyboard', () => {
  it('every new control is a named <button>; one form at a time', async () => {
    const { card } = await mountCard(
      makeCall({ actions: ['reply', 'ignore', 'flip', 'speak', 'playAudio', 'stopAudio', 'gather'], playing: true }),
    );
    for (const button of within(card).getAllByRole('button')) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('tabindex')).not.toBe('-1');
    }
    fireEvent.click(within(card).getByRole('button', { name: 'Speak' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Collect digits' }));
    expect(within(card).getAllByRole('form')).toHaveLength(1);
    expect(within(card).getByRole('button', { name: 'Collect digits' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByRole('button', { name: 'Speak' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('Cancel closes a form without sending', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ actions: ['playAudio'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Play audio' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(within(card).queryByRole('form')).toBeNull();
    expect(bridge.commands).toEqual([]);
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Play audio' }));
  });
});
