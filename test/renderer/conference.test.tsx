// @vitest-environment happy-dom
// The conference window with a fake bridge: merge my calls, then the conference with my own controls,
// each participant's mute and deafen, add, leave and release (which asks first); plus the panel's way
// in. Only what `actions` allow is offered; every command goes through the bridge.
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConferenceApp } from '../../src/renderer/conference/App';
import { PanelApp } from '../../src/renderer/panel/App';
import type { Conference, ConferenceParticipant } from '../../src/shared/domain';
import { err, ok } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { makeCall, makeConference, mount, ringingCall, settle, unmountAll } from './fixtures';

afterEach(unmountAll);

const ada = makeCall({
  id: 'a',
  remote: { name: 'Ada Lovelace', number: '+15550101', privacy: false },
  actions: ['hangup', 'hold', 'mute'],
});
const bob = makeCall({
  id: 'b',
  state: 'held',
  remote: { name: 'Bob Jones', number: '+15550102', privacy: false },
  actions: ['resume', 'hangup'],
});

function participant(call: typeof ada, overrides: Partial<ConferenceParticipant> = {}): ConferenceParticipant {
  const muted = overrides.muted ?? false;
  const deafened = overrides.deafened ?? false;
  return {
    callId: call.id,
    muted,
    deafened,
    party: call.remote,
    actions: [muted ? 'unmute' : 'mute', deafened ? 'undeafen' : 'deafen'],
    ...overrides,
  };
}

function conference(overrides: Partial<Conference> = {}): Conference {
  return makeConference(
    { participants: [participant(ada), participant(bob)], actions: ['mute', 'hold', 'leaveConference', 'releaseConference'] },
    overrides,
  );
}

async function mountConference(setup: (bridge: FakeBridge) => void = () => undefined) {
  const bridge = new FakeBridge();
  bridge.callList = [
    { ...ada, state: 'connected' },
    { ...bob, state: 'connected' },
  ];
  bridge.currentConferences = [conference()];
  setup(bridge);
  return mount(<ConferenceApp />, bridge, { history: false });
}

function row(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

describe('conference window: merging', () => {
  it('offers my calls that can be merged, all chosen, and merges them', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      { ...ada, actions: [...ada.actions, 'merge'] },
      { ...bob, actions: [...bob.actions, 'merge'] },
      ringingCall({ id: 'r', remote: { name: 'Dan Brown', privacy: false } }),
    ];
    await mount(<ConferenceApp />, bridge, { history: false });
    const boxes = within(screen.getByRole('group', { name: 'Calls to merge' })).getAllByRole('checkbox');
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual(['Ada Lovelace (Connected)', 'Bob Jones (On hold)']);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'merge', callIds: ['a', 'b'] }]);
  });

  it('needs two chosen calls, and says so', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      { ...ada, actions: ['merge'] },
      { ...bob, actions: ['merge'] },
      makeCall({ id: 'c', remote: { name: 'Carol White', privacy: false }, actions: ['merge'] }),
    ];
    await mount(<ConferenceApp />, bridge, { history: false });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bob Jones (On hold)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'merge', callIds: ['a', 'c'] }]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Carol White (Connected)' }));
    expect(screen.getByText('Choose two or more calls.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('with fewer than two answered calls there is nothing to merge', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ada];
    await mount(<ConferenceApp />, bridge, { history: false });
    expect(screen.getByText('You need two or more answered calls to start a conference.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
  });

  it('shows the merge while it is on its way and the conference once main pushes it', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      { ...ada, actions: ['merge'] },
      { ...bob, actions: ['merge'] },
    ];
    let answer: (r: ReturnType<typeof ok<null>>) => void = () => undefined;
    bridge.conferenceAnswer = () => new Promise((resolve) => (answer = resolve));
    await mount(<ConferenceApp />, bridge, { history: false });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await settle();
    expect((screen.getByRole('button', { name: 'Merge' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer(ok(null)));
    act(() => bridge.setConferences([conference()]));
    expect(screen.getByRole('region', { name: 'In conference' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
  });
});

describe('conference window: a conference', () => {
  it('shows its state and each participant with name, number and whether they are muted or deafened', async () => {
    await mountConference((b) => {
      b.currentConferences = [conference({ participants: [participant(ada, { muted: true }), participant(bob, { deafened: true })] })];
    });
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.getByText(/2 participants/)).toBeTruthy();
    const adaRow = row('Ada Lovelace');
    expect(within(adaRow).getByText('+15550101')).toBeTruthy();
    expect(within(adaRow).getByText('Muted')).toBeTruthy();
    expect(within(adaRow).queryByText('Deafened')).toBeNull();
    expect(within(row('Bob Jones')).getByText('Deafened')).toBeTruthy();
    expect(within(row('Bob Jones')).getByText('+15550102')).toBeTruthy();
  });

  it('each row offers exactly its Mute/Unmute and Deafen/Undeafen and sends them for that call', async () => {
    const { bridge } = await mountConference((b) => {
      b.currentConferences = [conference({ participants: [participant(ada, { muted: true }), participant(bob, { deafened: true })] })];
    });
    const adaControls = within(screen.getByRole('group', { name: 'Controls for Ada Lovelace' }));
    const bobControls = within(screen.getByRole('group', { name: 'Controls for Bob Jones' }));
    expect(adaControls.getAllByRole('button').map((b) => b.textContent)).toEqual(['Unmute', 'Deafen']);
    expect(bobControls.getAllByRole('button').map((b) => b.textContent)).toEqual(['Mute', 'Undeafen']);
    // One command per row at a time: each click waits for the answer before the next.
    for (const [controls, name] of [
      [adaControls, 'Unmute'],
      [adaControls, 'Deafen'],
      [bobControls, 'Mute'],
      [bobControls, 'Undeafen'],
    ] as const) {
      fireEvent.click(controls.getByRole('button', { name }));
      await settle();
    }
    expect(bridge.conferenceCommands).toEqual([
      { type: 'unmuteParticipant', conferenceId: 'conf-1', callId: 'a' },
      { type: 'deafen', conferenceId: 'conf-1', callId: 'a' },
      { type: 'muteParticipant', conferenceId: 'conf-1', callId: 'b' },
      { type: 'undeafen', conferenceId: 'conf-1', callId: 'b' },
    ]);
  });

  it('my own controls: Mute, Hold, and Unmute / Resume in the other states', async () => {
    const { bridge } = await mountConference();
    const mine = within(screen.getByRole('group', { name: 'Your controls in the conference' }));
    expect(mine.getAllByRole('button').map((b) => b.textContent)).toEqual(['Mute', 'Hold', 'Leave conference', 'Release conference']);
    fireEvent.click(mine.getByRole('button', { name: 'Mute' }));
    await settle();
    fireEvent.click(mine.getByRole('button', { name: 'Hold' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'muteHost', conferenceId: 'conf-1' },
      { type: 'holdConference', conferenceId: 'conf-1' },
    ]);

    act(() => bridge.setConferences([conference({ muted: true, actions: ['unmute', 'hold', 'releaseConference'] })]));
    expect(screen.getByText('You are muted')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Your controls in the conference' })).getByRole('button', { name: 'Unmute' }));
    await settle();

    act(() => bridge.setConferences([conference({ state: 'held', actions: ['resume', 'releaseConference'] })]));
    expect(screen.getByText('On hold')).toBeTruthy();
    const held = within(screen.getByRole('group', { name: 'Your controls in the conference' }));
    expect(held.queryByRole('button', { name: 'Mute' })).toBeNull();
    expect(held.queryByRole('button', { name: 'Hold' })).toBeNull();
    fireEvent.click(held.getByRole('button', { name: 'Resume' }));
    await settle();
    expect(bridge.conferenceCommands.slice(2)).toEqual([
      { type: 'unmuteHost', conferenceId: 'conf-1' },
      { type: 'resumeConference', conferenceId: 'conf-1' },
    ]);
  });

  it('Release conference asks first; Escape or Cancel keeps the conference, the answer releases it', async () => {
    const { bridge } = await mountConference();
    const release = screen.getByRole('button', { name: 'Release conference' });
    fireEvent.click(release);
    const dialog = screen.getByRole('alertdialog', { name: 'Release the conference?' });
    expect(dialog.textContent).toContain('This hangs up everyone: you and Ada Lovelace, Bob Jones.');
    expect(release.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(release);
    expect(bridge.hides).toBe(0);

    fireEvent.click(release);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.conferenceCommands).toEqual([]);

    fireEvent.click(release);
    fireEvent.click(screen.getByRole('button', { name: 'Release for everyone' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'release', conferenceId: 'conf-1' }]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Leave conference (a three-way call only) connects the other two and leaves', async () => {
    const { bridge } = await mountConference();
    const leave = screen.getByRole('button', { name: 'Leave conference' });
    expect(leave.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(leave.getAttribute('aria-describedby') as string)?.textContent).toMatch(/the other two stay connected/);
    fireEvent.click(leave);
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'leave', conferenceId: 'conf-1' }]);
    act(() => bridge.setConferences([conference({ actions: ['mute', 'hold', 'releaseConference'] })]));
    expect(screen.queryByRole('button', { name: 'Leave conference' })).toBeNull();
  });

  it('Add to conference offers my other calls that can join', async () => {
    const carol = makeCall({
      id: 'c',
      state: 'held',
      remote: { name: 'Carol White', privacy: false },
      actions: ['resume', 'addToConference'],
    });
    const dan = makeCall({ id: 'd', state: 'held', remote: { name: 'Dan Brown', privacy: false }, actions: ['resume', 'addToConference'] });
    const { bridge } = await mountConference((b) => {
      b.callList = [...b.callList, carol];
      b.currentConferences = [conference({ state: 'held', actions: ['resume', 'addToConference', 'releaseConference'] })];
    });
    expect(screen.getByText('Your other call: Carol White (On hold)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to conference' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'addParticipant', conferenceId: 'conf-1', callId: 'c' }]);

    act(() => bridge.setCalls([...bridge.callList, dan]));
    fireEvent.change(screen.getByRole('combobox', { name: 'Call to add' }), { target: { value: 'd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to conference' }));
    await settle();
    expect(bridge.conferenceCommands.at(-1)).toEqual({ type: 'addParticipant', conferenceId: 'conf-1', callId: 'd' });
  });

  it('Add to conference offers a call whose earlier conference has ended', async () => {
    const carol = makeCall({
      id: 'c',
      state: 'held',
      remote: { name: 'Carol White', privacy: false },
      actions: ['resume', 'addToConference'],
    });
    const ended = conference({ id: 'conf-0', state: 'disconnected', participants: [participant(carol)], actions: [] });
    const { bridge } = await mountConference((b) => {
      b.callList = [...b.callList, carol];
      b.currentConferences = [ended, conference({ state: 'held', actions: ['resume', 'addToConference', 'releaseConference'] })];
    });
    expect(screen.getByText('Your other call: Carol White (On hold)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to conference' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'addParticipant', conferenceId: 'conf-1', callId: 'c' }]);
  });

  it('no Add to conference when the conference does not offer it', async () => {
    await mountConference();
    expect(screen.queryByRole('button', { name: 'Add to conference' })).toBeNull();
  });

  it('names the conference in every command (its line is the provider’s business); a participant control does not wait for mine', async () => {
    const { bridge } = await mountConference((b) => {
      b.callList = b.callList.map((c) => ({ ...c, line: 'line-7' }));
    });
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    // A participant control is independent of my own: it goes out while Hold is still on its way.
    fireEvent.click(within(screen.getByRole('group', { name: 'Controls for Bob Jones' })).getByRole('button', { name: 'Deafen' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'holdConference', conferenceId: 'conf-1' },
      { type: 'deafen', conferenceId: 'conf-1', callId: 'b' },
    ]);
  });

  it('a merge sends the shared line the calls are on', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      { ...ada, line: 'line-7', actions: ['merge'] },
      { ...bob, line: 'line-7', actions: ['merge'] },
    ];
    await mount(<ConferenceApp />, bridge, { history: false });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'merge', callIds: ['a', 'b'], line: 'line-7' }]);
  });

  it('disables what is waiting: a pending participant, or my controls while a command travels', async () => {
    const { bridge } = await mountConference((b) => {
      b.currentConferences = [conference({ participants: [participant(ada, { pending: 'mute' }), participant(bob)] })];
    });
    const adaRow = row('Ada Lovelace');
    expect(within(adaRow).getByRole('status').textContent).toBe('Muting…');
    expect(
      within(adaRow)
        .getAllByRole('button')
        .every((b) => (b as HTMLButtonElement).disabled),
    ).toBe(true);
    expect(
      within(row('Bob Jones'))
        .getAllByRole('button')
        .every((b) => !(b as HTMLButtonElement).disabled),
    ).toBe(true);

    let answer: (r: ReturnType<typeof ok<null>>) => void = () => undefined;
    bridge.conferenceAnswer = () => new Promise((resolve) => (answer = resolve));
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await settle();
    const mine = within(screen.getByRole('group', { name: 'Your controls in the conference' }));
    expect(mine.getAllByRole('button').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await act(async () => answer(ok(null)));
    await settle();
    expect(mine.getAllByRole('button').every((b) => !(b as HTMLButtonElement).disabled)).toBe(true);
    act(() => bridge.setConferences([conference({ pending: 'hold' })]));
    expect(screen.getByText('Putting on hold…')).toBeTruthy();
  });

  it('shows why a command failed', async () => {
    const { bridge } = await mountConference();
    bridge.conferenceAnswer = () => err('NOT_ALLOWED', 'Webex refused: Hold requires a connected conference.');
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Webex refused: Hold requires a connected conference.');
  });

  it('a barge-in conference: named as such, only my own controls, an unlisted participant still shown', async () => {
    await mountConference((b) => {
      b.currentConferences = [
        conference({
          type: 'bargeIn',
          participants: [{ callId: 'x', muted: false, deafened: false, actions: [] }],
          actions: ['mute', 'hold', 'releaseConference'],
        }),
      ];
    });
    expect(screen.getByRole('region', { name: 'Barge-in' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Controls for Participant' })).queryAllByRole('button')).toEqual([]);
    expect(screen.getByText(/1 participant$/)).toBeTruthy();
  });

  it('says when the conference has ended and offers merging again', async () => {
    const { bridge } = await mountConference();
    act(() => bridge.setConferences([conference({ state: 'disconnected', actions: [] })]));
    expect(screen.getByText('The conference has ended.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Start a conference' })).toBeTruthy();
    act(() => bridge.setConferences([]));
    expect(screen.queryByText('The conference has ended.')).toBeNull();
  });

  it('Escape hides the window', async () => {
    const { bridge } = await mountConference();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await settle();
    expect(bridge.hides).toBe(1);
  });
});

describe('panel: the way into the conference window', () => {
  it('offers Conference with two or more calls and opens the window', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ada, bob];
    await mount(<PanelApp />, bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Conference' }));
    await settle();
    expect(bridge.opened).toEqual(['conference']);
  });

  it('offers it with one call only when a conference exists, and not at all otherwise', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ada];
    await mount(<PanelApp />, bridge);
    expect(screen.queryByRole('button', { name: 'Conference' })).toBeNull();
    act(() => bridge.setConferences([conference({ type: 'bargeIn', participants: [participant(ada)] })]));
    expect(screen.getByRole('button', { name: 'Conference' })).toBeTruthy();
  });

  it('tells why the window could not open', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ada, bob];
    bridge.openWindow = async (request) => {
      bridge.opened.push(request.name);
      return err('NOT_FOUND', 'The conference window is not available yet.');
    };
    await mount(<PanelApp />, bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Conference' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('The conference window is not available yet.');
  });
});

describe('conference window: two conferences at once', () => {
  const carol = makeCall({ id: 'c', remote: { name: 'Carol White', number: '+15550103', privacy: false }, actions: ['hangup'] });
  const dan = makeCall({ id: 'd', remote: { name: 'Dan Brown', number: '+15550104', privacy: false }, actions: ['hangup'] });
  const second = (overrides: Partial<Conference> = {}) =>
    conference({ id: 'conf-2', createdAt: '2026-01-05T10:09:00.000Z', participants: [participant(carol), participant(dan)], ...overrides });

  async function mountTwo() {
    return mountConference((b) => {
      b.callList = [ada, bob, carol, dan].map((c) => ({ ...c, state: 'connected' as const }));
      // The newer one first: the window still shows the older one first.
      b.currentConferences = [second(), conference()];
    });
  }

  it('shows one section per conference, oldest first, each with its heading and participants', async () => {
    await mountTwo();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Conferences (2)');
    const sections = screen.getAllByRole('region').filter((r) => r.classList.contains('conference'));
    expect(sections.map((r) => within(r).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'In conference with Ada Lovelace, Bob Jones',
      'In conference with Carol White, Dan Brown',
    ]);
    const other = within(screen.getByRole('region', { name: 'In conference with Carol White, Dan Brown' }));
    expect(other.getAllByRole('listitem').map((li) => li.querySelector('.participant-name')?.textContent)).toEqual([
      'Carol White',
      'Dan Brown',
    ]);
    // Nothing to merge: both pairs are already in a conference.
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
  });

  it('each section’s controls name its own conference, and a command on its way disables only that section', async () => {
    const { bridge } = await mountTwo();
    let answer: (r: ReturnType<typeof ok<null>>) => void = () => undefined;
    bridge.conferenceAnswer = () => new Promise((resolve) => (answer = resolve));
    const first = within(screen.getByRole('region', { name: 'In conference with Ada Lovelace, Bob Jones' }));
    const other = within(screen.getByRole('region', { name: 'In conference with Carol White, Dan Brown' }));
    fireEvent.click(other.getByRole('button', { name: 'Hold' }));
    await settle();
    expect((other.getByRole('button', { name: 'Hold' }) as HTMLButtonElement).disabled).toBe(true);
    expect((first.getByRole('button', { name: 'Hold' }) as HTMLButtonElement).disabled).toBe(false);
    await act(async () => answer(ok(null)));
    bridge.conferenceAnswer = () => ok(null);
    fireEvent.click(within(other.getByRole('group', { name: 'Controls for Dan Brown' })).getByRole('button', { name: 'Mute' }));
    fireEvent.click(within(first.getByRole('group', { name: 'Your controls in the conference' })).getByRole('button', { name: 'Mute' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'holdConference', conferenceId: 'conf-2' },
      { type: 'muteParticipant', conferenceId: 'conf-2', callId: 'd' },
      { type: 'muteHost', conferenceId: 'conf-1' },
    ]);
  });

  it('still offers Merge for two other calls while a conference is in progress, leaving out the calls in it', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [
      { ...ada, state: 'connected' },
      { ...bob, state: 'connected' },
      { ...carol, actions: ['hangup', 'merge'] },
      { ...dan, actions: ['hangup', 'merge'] },
    ];
    bridge.currentConferences = [conference()];
    await mount(<ConferenceApp />, bridge, { history: false });
    const boxes = within(screen.getByRole('group', { name: 'Calls to merge' })).getAllByRole('checkbox');
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual(['Carol White (Connected)', 'Dan Brown (Connected)']);
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'merge', callIds: ['c', 'd'] }]);
    act(() => bridge.setConferences([conference(), second()]));
    expect(screen.getAllByRole('region').filter((r) => r.classList.contains('conference'))).toHaveLength(2);
  });

  it('the panel says how many conferences there are', async () => {
    const bridge = new FakeBridge();
    bridge.callList = [ada, bob, carol, dan];
    bridge.currentConferences = [conference(), second({ state: 'held' })];
    await mount(<PanelApp />, bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Conferences (2)' }));
    await settle();
    expect(bridge.opened).toEqual(['conference']);
  });
});
