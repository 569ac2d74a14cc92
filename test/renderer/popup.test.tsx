// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../src/renderer/popup/App';
import { FakeBridge } from './fake-bridge';
import { makeCall, mount, ringingCall, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

async function mountPopup(bridge = new FakeBridge()) {
  return mount(<PopupApp />, bridge, { history: false });
}

function liveRegion(container: Element): HTMLElement {
  const region = container.querySelector('[aria-live="assertive"]');
  if (!(region instanceof HTMLElement)) throw new Error('no assertive live region');
  return region;
}

describe('popup', () => {
  it('renders nothing when no call rings', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      makeCall({ state: 'connected', actions: ['hangup'] }),
      makeCall({ id: 'out', direction: 'outgoing', state: 'alerting' }),
    ];
    const { container } = await mountPopup(bridge);
    expect(container.textContent).toBe('');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('shows the caller, the call type, the line and only the allowed buttons, Answer first', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ringingCall({ appearance: 2, actions: ['decline', 'answer'] })];
    await mountPopup(bridge);
    const card = screen.getByRole('article', { name: 'Alice Smith' });
    expect(card.textContent).toContain('+15550100001');
    expect(card.textContent).toContain('Incoming external call');
    expect(card.textContent).toContain('Line 2');
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Answer', 'Decline']);
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Answer' }));
  });

  it('says why the call reaches me: forwarded busy, call queue, park recall', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      ringingCall({
        id: 'a',
        createdAt: '2026-01-05T10:00:01.000Z',
        redirections: [{ reason: 'busy', by: { name: 'Bob Jones', privacy: false } }],
      }),
      ringingCall({
        id: 'b',
        createdAt: '2026-01-05T10:00:02.000Z',
        remote: { name: 'Carol White', number: '+15550100003', privacy: false, callType: 'organization' },
        redirections: [{ reason: 'callQueue', by: { name: 'Support', number: '5100', privacy: false } }],
      }),
      ringingCall({
        id: 'c',
        createdAt: '2026-01-05T10:00:03.000Z',
        remote: { name: 'Dan Brown', privacy: false },
        recall: { type: 'park', party: { number: '5021', privacy: false } },
      }),
    ];
    await mountPopup(bridge);
    expect(screen.getByRole('article', { name: 'Alice Smith' }).textContent).toContain('Forwarded from Bob Jones — busy');
    const queue = screen.getByRole('article', { name: 'Carol White' });
    expect(queue.textContent).toContain('Call queue Support');
    expect(queue.textContent).toContain('Incoming internal call');
    expect(screen.getByRole('article', { name: 'Dan Brown' }).textContent).toContain('Parked call returning from 5021');
    expect(screen.getByRole('main', { name: '3 incoming calls' })).toBeTruthy();
  });

  it('announces a new ringing call through an assertive live region', async () => {
    const bridge = new FakeBridge();
    const { container } = await mountPopup(bridge);
    expect(liveRegion(container).textContent).toBe('');
    act(() => bridge.setCalls([ringingCall({ redirections: [{ reason: 'busy', by: { name: 'Bob', privacy: false } }] })]));
    await settle();
    expect(liveRegion(container).getAttribute('aria-atomic')).toBe('true');
    expect(liveRegion(container).textContent).toBe('Incoming call from Alice Smith, forwarded from Bob — busy');
    act(() =>
      bridge.setCalls([
        ringingCall({ redirections: [{ reason: 'busy', by: { name: 'Bob', privacy: false } }] }),
        ringingCall({ id: 'second', remote: { privacy: true }, createdAt: '2026-01-05T10:00:09.000Z' }),
      ]),
    );
    await settle();
    expect(liveRegion(container).textContent).toBe('Incoming call from Private number');
  });

  it('sends Answer, Decline and Send to voicemail for the right call', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ringingCall({ id: 'r-1', line: 'owner-9' })];
    await mountPopup(bridge);
    for (const name of ['Answer', 'Decline', 'Send to voicemail']) {
      fireEvent.click(screen.getByRole('button', { name }));
      await settle();
    }
    expect(bridge.commands).toEqual([
      { type: 'answer', callId: 'r-1', line: 'owner-9' },
      { type: 'decline', callId: 'r-1', line: 'owner-9' },
      { type: 'toVoicemail', callId: 'r-1', line: 'owner-9' },
    ]);
  });

  it('disables the buttons while the answer is pending and shows a failure', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ringingCall({ pending: 'answer' })];
    await mountPopup(bridge);
    expect((screen.getByRole('button', { name: 'Answer' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(screen.getByRole('article')).getByRole('status').textContent).toContain('Answering…');
    bridge.failCommands('Webex refused: the device cannot answer through the API.');
    act(() => bridge.setCalls([ringingCall()]));
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Webex refused: the device cannot answer through the API.');
  });

  it('empties itself when the call stops ringing', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ringingCall()];
    const { container } = await mountPopup(bridge);
    act(() => bridge.setCalls([makeCall({ state: 'connected', actions: ['hangup'] })]));
    await settle();
    expect(container.textContent).toBe('');
  });

  it('Escape hides the popup', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ringingCall()];
    await mountPopup(bridge);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Answer' }), { key: 'Escape' });
    expect(bridge.hides).toBe(1);
  });

  it('does not read the history', async () => {
    const { bridge } = await mountPopup();
    expect(bridge.historyQueries).toEqual([]);
  });
});
