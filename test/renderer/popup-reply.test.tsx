// @vitest-environment happy-dom
/**
 * The popup offers Ignore and Reply with message on a ringing call whose actions allow them (RingCentral),
 * and nothing of the sort on a call that does not (Webex). Reply opens its small form in the popup;
 * Escape closes the form first and only a second Escape hides the popup.
 */
import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../src/renderer/popup/App';
import { FakeBridge } from './fake-bridge';
import { mount, ringingCall, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

async function mountPopup(actions: Parameters<typeof ringingCall>[0] = {}) {
  const bridge = new FakeBridge();
  bridge.callList = [ringingCall({ id: 'rc-1', provider: 'ringcentral', ...actions })];
  await mount(<PopupApp />, bridge, { history: false, account: false });
  return { bridge, card: screen.getByRole('article', { name: 'Alice Smith' }) };
}

describe('popup: Ignore and Reply with message', () => {
  it('offers them when the call does, after Answer', async () => {
    const { card } = await mountPopup({ actions: ['answer', 'decline', 'ignore', 'reply'] });
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Answer', 'Decline', 'Ignore', 'Reply with message']);
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Answer' }));
  });

  it('a Webex ringing call has neither', async () => {
    const { card } = await mountPopup({ provider: 'webex', actions: ['answer', 'decline', 'toVoicemail'] });
    expect(within(card).queryByRole('button', { name: 'Ignore' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Reply with message' })).toBeNull();
  });

  it('Ignore sends {type: ignore}', async () => {
    const { bridge, card } = await mountPopup({ actions: ['answer', 'ignore'] });
    fireEvent.click(within(card).getByRole('button', { name: 'Ignore' }));
    await settle();
    expect(bridge.commands).toEqual([{ type: 'ignore', callId: 'rc-1' }]);
  });

  it('Reply with message sends the text from the popup', async () => {
    const { bridge, card } = await mountPopup({ actions: ['answer', 'reply'] });
    const opener = within(card).getByRole('button', { name: 'Reply with message' });
    fireEvent.click(opener);
    await settle();
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    const message = within(card).getByLabelText('Message');
    expect(document.activeElement).toBe(message);
    fireEvent.input(message, { target: { value: 'Call you in 5' } });
    fireEvent.submit(message.closest('form') as HTMLFormElement);
    await settle();
    expect(bridge.commands).toEqual([{ type: 'reply', callId: 'rc-1', text: 'Call you in 5' }]);
  });

  it('Escape closes the reply form first, then hides the popup', async () => {
    const { bridge, card } = await mountPopup({ actions: ['answer', 'reply'] });
    fireEvent.click(within(card).getByRole('button', { name: 'Reply with message' }));
    await settle();
    fireEvent.keyDown(within(card).getByLabelText('Message'), { key: 'Escape' });
    await settle();
    expect(within(card).queryByRole('form')).toBeNull();
    expect(bridge.hides).toBe(0);
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Reply with message' }));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    await settle();
    expect(bridge.hides).toBe(1);
  });
});
