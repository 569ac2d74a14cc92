// @vitest-environment happy-dom
// axe-core's rule set over the new call forms as a user opens them (colour contrast needs real layout,
// so it is left to the browser end-to-end run).
import { fireEvent, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../src/renderer/panel/App';
import { PopupApp } from '../../src/renderer/popup/App';
import type { Action } from '../../src/shared/domain';
import { FakeBridge } from './fake-bridge';
import { makeCall, mount, ringingCall, settle, unmountAll } from './fixtures';
import { RINGCENTRAL_LIKE, useProvider } from './provider-infos';

afterEach(unmountAll);

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const FORMS: [Action, string][] = [
  ['reply', 'Reply with message'],
  ['flip', 'Flip'],
  ['speak', 'Speak'],
  ['playAudio', 'Play audio'],
  ['gather', 'Collect digits'],
  ['transfer', 'Transfer'],
];

describe('accessibility of the new call forms (axe)', () => {
  it('panel: each form open on its own call, with the Listen dialer and collected digits', async () => {
    const bridge = useProvider(new FakeBridge(), RINGCENTRAL_LIKE);
    bridge.callList = FORMS.map(([action], i) =>
      makeCall({
        id: `c-${i}`,
        remote: { name: `Caller ${i}`, privacy: false },
        actions: [action, 'speak', 'stopAudio', 'ignore'],
        playing: true,
        ...(i === 0 ? { gather: { id: 'g', state: 'completed' as const, digits: '42' } } : {}),
      }),
    );
    await mount(<PanelApp />, bridge);
    FORMS.forEach(([, name], i) => {
      const card = screen.getByRole('article', { name: `Caller ${i}` });
      fireEvent.click(within(card).getByRole('button', { name }));
    });
    await settle();
    expect(screen.getAllByRole('form').length).toBe(FORMS.length);
    expect(await violations()).toEqual([]);
  });

  it('popup: the reply form open, with a ready reply chosen', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ringingCall({ actions: ['answer', 'ignore', 'reply'] })];
    await mount(<PopupApp />, bridge, { history: false, account: false });
    fireEvent.click(screen.getByRole('button', { name: 'Reply with message' }));
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: 'Choose a ready reply' }));
    expect(await violations()).toEqual([]);
  });
});
