// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CallCard } from '../../src/renderer/components/CallCard';
import { Notices } from '../../src/renderer/components/Notices';
import { calls } from '../../src/renderer/state';
import type { Action, Call } from '../../src/shared/domain';
import { err, ok } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { makeCall, mount, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

/** Renders the card for the call as it is in the calls signal, so pushes re-render it. */
function LiveCard({ id }: { id: string }) {
  const call = calls.value.find((c) => c.id === id);
  return call ? <CallCard call={call} /> : null;
}

async function mountCard(call: Call, bridge = new FakeBridge(), others: Call[] = []) {
  bridge.callList = [call, ...others];
  const mounted = await mount(
    <>
      <Notices />
      <LiveCard id={call.id} />
    </>,
    bridge,
  );
  const card = screen.getByRole('article', { name: call.remote.privacy ? 'Private number' : call.remote.name });
  return { ...mounted, card };
}

function buttonNames(container: HTMLElement): string[] {
  return within(container)
    .queryAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe('CallCard buttons follow call.actions exactly', () => {
  const cases: [Action[], string[]][] = [
    [
      ['answer', 'decline', 'toVoicemail'],
      ['Answer', 'Decline', 'Send to voicemail'],
    ],
    [
      ['hangup', 'hold', 'mute'],
      ['Hang up', 'Hold', 'Mute'],
    ],
    [
      ['resume', 'unmute'],
      ['Resume', 'Unmute'],
    ],
    [['park'], ['Park']],
    [['startRecording'], ['Record']],
    [
      ['pauseRecording', 'stopRecording'],
      ['Pause recording', 'Stop recording'],
    ],
    [['resumeRecording'], ['Resume recording']],
    [['dtmf'], ['Keypad']],
    [['divert'], ['Forward']],
    [['transfer'], ['Transfer']],
    [['transfer', 'attendedTransfer', 'muteTransfer'], ['Transfer']],
    [[], []],
  ];
  for (const [actions, expected] of cases) {
    it(`[${actions.join(', ')}] → ${expected.join(', ') || 'no buttons'}`, async () => {
      const { card } = await mountCard(makeCall({ actions }));
      expect(buttonNames(card).sort()).toEqual([...expected].sort());
    });
  }

  it('offers nothing the call does not allow, even in a ringing state', async () => {
    const { card } = await mountCard(makeCall({ state: 'alerting', actions: ['answer'] }));
    expect(buttonNames(card)).toEqual(['Answer']);
    expect(within(card).queryByRole('button', { name: 'Hang up' })).toBeNull();
  });
});

describe('CallCard sends the right command', () => {
  const simple: [string, Action, string][] = [
    ['Answer', 'answer', 'answer'],
    ['Decline', 'decline', 'decline'],
    ['Send to voicemail', 'toVoicemail', 'toVoicemail'],
    ['Hang up', 'hangup', 'hangup'],
    ['Hold', 'hold', 'hold'],
    ['Resume', 'resume', 'resume'],
    ['Mute', 'mute', 'mute'],
    ['Unmute', 'unmute', 'unmute'],
    ['Record', 'startRecording', 'startRecording'],
    ['Pause recording', 'pauseRecording', 'pauseRecording'],
    ['Resume recording', 'resumeRecording', 'resumeRecording'],
    ['Stop recording', 'stopRecording', 'stopRecording'],
  ];
  for (const [name, action, type] of simple) {
    it(`${name} → {type: '${type}'}`, async () => {
      const { bridge, card } = await mountCard(makeCall({ id: 'c-7', actions: [action] }));
      fireEvent.click(within(card).getByRole('button', { name }));
      expect(bridge.commands).toEqual([{ type, callId: 'c-7' }]);
    });
  }

  it('names the line on calls that are on a shared line', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-8', line: 'owner-2', actions: ['hold'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Hold' }));
    expect(bridge.commands).toEqual([{ type: 'hold', callId: 'c-8', line: 'owner-2' }]);
    expect(card.textContent).toContain('Shared line');
  });

  it("names a call's line by the account's label for it", async () => {
    const bridge = new FakeBridge();
    bridge.currentStatus = {
      health: 'live',
      demo: false,
      provider: 'webex',
      account: {
        provider: 'webex',
        displayName: 'Grace',
        lines: [
          { id: '', label: 'My line', primary: true },
          { id: 'owner-2', label: 'Virtual line', primary: false },
        ],
      },
    };
    const { card } = await mountCard(makeCall({ id: 'c-9', line: 'owner-2', actions: ['hold'] }), bridge);
    expect(card.textContent).toContain('Virtual line');
    expect(card.textContent).not.toContain('Shared line');
  });
});

describe('CallCard shows the call', () => {
  it('shows name, number, direction, state and why it reached me', async () => {
    const { card } = await mountCard(
      makeCall({
        state: 'held',
        appearance: 2,
        recording: 'started',
        muted: true,
        redirections: [{ reason: 'busy', by: { name: 'Bob Jones', privacy: false } }],
      }),
    );
    const text = card.textContent ?? '';
    expect(text).toContain('Alice Smith');
    expect(text).toContain('+15550100001');
    expect(text).toContain('Incoming');
    expect(text).toContain('External call');
    expect(text).toContain('On hold');
    expect(text).toContain('Line 2');
    expect(text).toContain('Forwarded from Bob Jones — busy');
    expect(text).toContain('Recording');
    expect(text).toContain('Muted');
    expect(text).toMatch(/\d+:\d\d/);
  });

  it('says "Private number" for a hidden caller', async () => {
    const { card } = await mountCard(makeCall({ remote: { privacy: true, number: '+15550100009' } }));
    expect(within(card).getByRole('heading').textContent).toBe('Private number');
    expect(card.textContent).not.toContain('+15550100009');
  });

  it('labels each state for people', async () => {
    const bridge = new FakeBridge();
    const { card } = await mountCard(makeCall({ state: 'connecting', direction: 'outgoing', answeredAt: undefined }), bridge);
    expect(card.textContent).toContain('Calling…');
    const labels: [Partial<Call>, string][] = [
      [{ state: 'alerting', direction: 'incoming' }, 'Ringing'],
      [{ state: 'connected' }, 'Connected'],
      [{ state: 'remoteHeld' }, 'Held by other party'],
      [{ state: 'disconnected', endedAt: '2026-01-05T10:01:05.000Z' }, 'Ended'],
    ];
    for (const [change, label] of labels) {
      act(() => bridge.setCalls([makeCall(change)]));
      expect(screen.getByRole('article').textContent).toContain(label);
    }
  });
});

describe('pending commands', () => {
  it('disables every control and shows a spinner while the provider has not confirmed', async () => {
    const { card } = await mountCard(makeCall({ actions: ['hold', 'hangup', 'mute', 'transfer', 'dtmf'], pending: 'hold' }));
    for (const button of within(card).getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(within(card).getByRole('status').textContent).toContain('Putting on hold…');
  });

  it('disables the controls while the command is on its way, then enables them again', async () => {
    const bridge = new FakeBridge();
    const held = bridge.holdCommands();
    const { card } = await mountCard(makeCall({ actions: ['hold', 'hangup'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Hold' }));
    await settle();
    expect((within(card).getByRole('button', { name: 'Hang up' }) as HTMLButtonElement).disabled).toBe(true);
    held.release();
    await settle();
    expect((within(card).getByRole('button', { name: 'Hang up' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('a failed command', () => {
  it('shows the provider message as an alert', async () => {
    const bridge = new FakeBridge();
    bridge.failCommands('Webex refused: call not found (tracking ID ROUTER_1)');
    const { card } = await mountCard(makeCall({ actions: ['hold'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Hold' }));
    const alert = await screen.findByRole('alert');
    await settle();
    expect(alert.textContent).toContain('Webex refused: call not found (tracking ID ROUTER_1)');
  });

  it('shows a bridge that throws as a failure, not a crash', async () => {
    const bridge = new FakeBridge();
    bridge.answer = () => Promise.reject(new Error('channel closed'));
    const { card } = await mountCard(makeCall({ actions: ['hangup'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Hang up' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Switchboard could not send the command: channel closed');
  });
});

describe('transfer form', () => {
  it('blind: transfers to a normalised number', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-1', actions: ['transfer'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    const form = within(card).getByRole('form', { name: 'Transfer the call' });
    fireEvent.input(within(form).getByLabelText('Transfer to'), { target: { value: '+1 (555) 010-2030' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Complete transfer' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'transfer', callId: 'c-1', destination: '+15550102030' }]);
    expect(within(card).queryByRole('form')).toBeNull();
  });

  it('refuses a destination that is not a number and sends nothing', async () => {
    const { bridge, card } = await mountCard(makeCall({ actions: ['transfer'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    fireEvent.input(within(card).getByLabelText('Transfer to'), { target: { value: 'hello' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Complete transfer' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(card.textContent).toContain('"hello" is not a number');
  });

  it('attended: connects this call with another of my calls', async () => {
    const other = makeCall({ id: 'c-2', state: 'held', remote: { name: 'Carol White', number: '+15550100003', privacy: false } });
    const { bridge, card } = await mountCard(makeCall({ id: 'c-1', actions: ['attendedTransfer'] }), new FakeBridge(), [other]);
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    const select = within(card).getByLabelText('Connect with') as HTMLSelectElement;
    expect(select.options[0]?.textContent).toBe('Carol White (On hold)');
    fireEvent.click(within(card).getByRole('button', { name: 'Complete transfer' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'attendedTransfer', callId: 'c-1', otherCallId: 'c-2' }]);
  });

  it('attended: explains when there is no other call to connect', async () => {
    const { bridge, card } = await mountCard(makeCall({ actions: ['attendedTransfer'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    expect(card.textContent).toContain('You have no other call to connect this one with.');
    expect((within(card).getByRole('button', { name: 'Complete transfer' }) as HTMLButtonElement).disabled).toBe(true);
    expect(bridge.commands).toEqual([]);
  });

  it('mute transfer: chosen among the kinds the call allows', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-1', actions: ['transfer', 'muteTransfer'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Transfer' }));
    const radios = within(card)
      .getAllByRole('radio')
      .map((r) => r.parentElement?.textContent);
    expect(radios).toEqual(['To a number now', 'To a number, once they answer']);
    fireEvent.click(within(card).getByRole('radio', { name: 'To a number, once they answer' }));
    fireEvent.input(within(card).getByLabelText('Transfer to'), { target: { value: '5021' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Complete transfer' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'muteTransfer', callId: 'c-1', destination: '5021' }]);
  });

  it('opening puts focus in the form; Escape closes it and returns focus to Transfer', async () => {
    const { card } = await mountCard(makeCall({ actions: ['transfer'] }));
    const opener = within(card).getByRole('button', { name: 'Transfer' });
    fireEvent.click(opener);
    await settle();
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(card).getByLabelText('Transfer to'));
    fireEvent.keyDown(within(card).getByLabelText('Transfer to'), { key: 'Escape' });
    await settle();
    expect(within(card).queryByRole('form')).toBeNull();
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(opener);
  });
});

describe('park', () => {
  it('parks the call and says where it waits', async () => {
    const bridge = new FakeBridge();
    bridge.answer = (command) => (command.type === 'park' ? ok({ parkedAt: { number: '5021', privacy: false } }) : ok({}));
    const { card } = await mountCard(makeCall({ id: 'c-3', actions: ['park'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Park' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'park', callId: 'c-3' }]);
    expect(screen.getByText('Parked at 5021')).toBeTruthy();
  });
});

describe('keypad', () => {
  it('sends the tone of a pressed key', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-4', actions: ['dtmf'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Keypad' }));
    const keys = within(card).getByRole('group', { name: /Keypad for the call/ });
    expect(
      within(keys)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1', '2', '3', 'A', '4', '5', '6', 'B', '7', '8', '9', 'C', '*', '0', '#', 'D']);
    fireEvent.click(within(keys).getByRole('button', { name: '#' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dtmf', callId: 'c-4', digits: '#' }]);
  });

  it('sends typed digits and refuses "E" with a clear message', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-4', actions: ['dtmf'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Keypad' }));
    const field = within(card).getByLabelText('Tones to send');
    fireEvent.input(field, { target: { value: '12E' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Send tones' }));
    await settle();
    expect(bridge.commands).toEqual([]);
    expect(within(card).getByRole('alert').textContent).toBe('"E" cannot be sent as a tone: use 0-9, *, #, A-D, or "," for a pause.');
    fireEvent.input(field, { target: { value: '1234#,9b' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dtmf', callId: 'c-4', digits: '1234#,9B' }]);
  });

  it('typing a digit on the key grid sends it', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-4', actions: ['dtmf'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Keypad' }));
    fireEvent.keyDown(within(card).getByRole('button', { name: '5' }), { key: '7' });
    await settle();
    expect(bridge.commands).toEqual([{ type: 'dtmf', callId: 'c-4', digits: '7' }]);
  });
});

describe('forward (divert)', () => {
  it('forwards a ringing call to a number', async () => {
    const { bridge, card } = await mountCard(makeCall({ id: 'c-5', state: 'alerting', actions: ['answer', 'divert'] }));
    fireEvent.click(within(card).getByRole('button', { name: 'Forward' }));
    fireEvent.input(within(card).getByLabelText('Forward to'), { target: { value: '555.010.4000' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Forward call' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'divert', callId: 'c-5', destination: '5550104000' }]);
  });

  it('a failed forward keeps the form open and shows why', async () => {
    const bridge = new FakeBridge();
    bridge.answer = () => err('NOT_ALLOWED', 'The call is no longer ringing.');
    const { card } = await mountCard(makeCall({ state: 'alerting', actions: ['divert'] }), bridge);
    fireEvent.click(within(card).getByRole('button', { name: 'Forward' }));
    fireEvent.input(within(card).getByLabelText('Forward to'), { target: { value: '5021' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Forward call' }));
    await settle();
    expect(within(card).getByRole('form', { name: 'Forward the call' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The call is no longer ringing.');
  });
});

describe('keyboard', () => {
  it('every control is a real, named <button> in the tab order', async () => {
    const { card } = await mountCard(
      makeCall({ actions: ['hangup', 'hold', 'mute', 'transfer', 'park', 'dtmf', 'startRecording', 'divert', 'toVoicemail'] }),
    );
    for (const name of ['Transfer', 'Keypad', 'Forward']) fireEvent.click(within(card).getByRole('button', { name }));
    const buttons = within(card).getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(9);
    for (const button of buttons) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('tabindex')).not.toBe('-1');
      expect((button.textContent ?? button.getAttribute('aria-label') ?? '').trim()).not.toBe('');
    }
  });
});
