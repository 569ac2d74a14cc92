// @vitest-environment happy-dom
// The conference window for RingCentral and Bandwidth: members held, resumed, removed (asked first),
// spoken or played to; speech and audio into the whole conference; a number dialled in; a conference
// started empty; bridges (held, resumed, released) and the form that bridges two calls. Every control
// appears only as the `actions` and the provider's capabilities offer it, and sends its command.
import { act, fireEvent, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ConferenceApp } from '../../src/renderer/conference/App';
import type { Call, Conference, ConferenceParticipant } from '../../src/shared/domain';
import { err } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { makeCall, makeConference, mount, settle, unmountAll } from './fixtures';
import { BANDWIDTH_INFO, RINGCENTRAL_INFO, bridgeRunning } from './provider-infos';

afterEach(unmountAll);

const ada = makeCall({
  id: 'a',
  provider: 'bandwidth',
  remote: { name: 'Ada Lovelace', number: '+15550101', privacy: false },
  actions: ['hangup'],
});
const bob = makeCall({
  id: 'b',
  provider: 'bandwidth',
  remote: { name: 'Bob Jones', number: '+15550102', privacy: false },
  actions: ['hangup'],
});
const carol = makeCall({
  id: 'c',
  provider: 'bandwidth',
  remote: { name: 'Carol White', number: '+15550103', privacy: false },
  actions: ['hangup'],
});

function member(call: Call, overrides: Partial<ConferenceParticipant> = {}): ConferenceParticipant {
  return {
    callId: call.id,
    muted: false,
    deafened: false,
    party: call.remote,
    actions: ['mute', 'hold', 'removeParticipant', 'speak', 'playAudio'],
    ...overrides,
  };
}

function conference(overrides: Partial<Conference> = {}): Conference {
  return makeConference(
    { participants: [member(ada), member(bob)], actions: ['speak', 'playAudio', 'addToConference', 'releaseConference'] },
    overrides,
  );
}

async function mountWith(bridge: FakeBridge, conferences: Conference[], calls: Call[] = [ada, bob]) {
  bridge.callList = calls;
  bridge.currentConferences = conferences;
  return mount(<ConferenceApp />, bridge, { history: false });
}

const group = (name: string) => within(screen.getByRole('group', { name }));
const names = (buttons: HTMLElement[]) => buttons.map((b) => b.textContent);

describe('conference members (Bandwidth, RingCentral)', () => {
  it('each member offers exactly its actions: no Deafen where the provider has none; Hold and Resume reach the bridge', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [
      conference({ participants: [member(ada), member(bob, { held: true, actions: ['resume', 'removeParticipant'] })] }),
    ]);
    expect(names(group('Controls for Ada Lovelace').getAllByRole('button'))).toEqual(['Mute', 'Hold', 'Remove']);
    expect(names(group('Speak or play to Ada Lovelace').getAllByRole('button'))).toEqual(['Speak', 'Play audio']);
    expect(names(group('Controls for Bob Jones').getAllByRole('button'))).toEqual(['Resume', 'Remove']);
    expect(screen.queryByRole('group', { name: 'Speak or play to Bob Jones' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deafen' })).toBeNull();
    expect(within(screen.getByRole('listitem', { name: 'Bob Jones' })).getByText('Held')).toBeTruthy();

    fireEvent.click(group('Controls for Ada Lovelace').getByRole('button', { name: 'Hold' }));
    await settle();
    fireEvent.click(group('Controls for Bob Jones').getByRole('button', { name: 'Resume' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'holdParticipant', conferenceId: 'conf-1', callId: 'a' },
      { type: 'resumeParticipant', conferenceId: 'conf-1', callId: 'b' },
    ]);
  });

  it('a member without actions shows no controls at all', async () => {
    await mountWith(bridgeRunning(RINGCENTRAL_INFO), [
      conference({ participants: [member(ada, { actions: [] })], actions: ['releaseConference'] }),
    ]);
    expect(group('Controls for Ada Lovelace').queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Speak' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Play audio' })).toBeNull();
  });

  it('Remove asks first: Cancel and Escape keep the member (and the window), the answer removes them', async () => {
    const { bridge } = await mountWith(bridgeRunning(RINGCENTRAL_INFO), [conference()]);
    const remove = group('Controls for Ada Lovelace').getByRole('button', { name: 'Remove' });
    fireEvent.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Ada Lovelace from the conference?' });
    expect(remove.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(bridge.hides).toBe(0);

    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.conferenceCommands).toEqual([]);

    fireEvent.click(remove);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ada Lovelace' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'removeParticipant', conferenceId: 'conf-1', callId: 'a' }]);
  });

  it('Speak to one member: a small form, checked before sending, closed once the provider accepts it', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [conference()]);
    const speak = group('Speak or play to Ada Lovelace').getByRole('button', { name: 'Speak' });
    fireEvent.click(speak);
    const form = within(screen.getByRole('form', { name: 'Speak to Ada Lovelace' }));
    expect(document.activeElement).toBe(form.getByRole('textbox', { name: 'Sentence to say' }));
    fireEvent.click(form.getByRole('button', { name: 'Speak' }));
    await settle();
    expect(form.getByText('Write something to say.')).toBeTruthy();
    expect(bridge.conferenceCommands).toEqual([]);

    fireEvent.input(form.getByRole('textbox', { name: 'Sentence to say' }), { target: { value: '  Your ride is here.  ' } });
    fireEvent.click(form.getByRole('button', { name: 'Speak' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'speakToConference', conferenceId: 'conf-1', callId: 'a', sentence: 'Your ride is here.' },
    ]);
    expect(screen.queryByRole('form', { name: 'Speak to Ada Lovelace' })).toBeNull();
    expect(document.activeElement).toBe(speak);
  });

  it('a refused sentence keeps the form open and says why', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [conference()]);
    bridge.conferenceAnswer = () => err('PROVIDER', 'Bandwidth refused: the member has left.');
    fireEvent.click(group('Speak or play to Bob Jones').getByRole('button', { name: 'Speak' }));
    const form = within(screen.getByRole('form', { name: 'Speak to Bob Jones' }));
    fireEvent.input(form.getByRole('textbox'), { target: { value: 'Hello' } });
    fireEvent.click(form.getByRole('button', { name: 'Speak' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Bandwidth refused: the member has left.');
    expect(screen.getByRole('form', { name: 'Speak to Bob Jones' })).toBeTruthy();
  });

  it('Play audio into the whole conference takes only an https address', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [conference()]);
    fireEvent.click(group('Speak or play to the conference').getByRole('button', { name: 'Play audio' }));
    const form = within(screen.getByRole('form', { name: 'Play audio to the conference' }));
    const field = form.getByRole('textbox', { name: 'Audio file address' });
    fireEvent.input(field, { target: { value: 'file:///etc/passwd' } });
    fireEvent.click(form.getByRole('button', { name: 'Play audio' }));
    await settle();
    expect(form.getByText('The audio file must be an https address.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: 'https://media.example.com/hold.mp3' } });
    fireEvent.click(form.getByRole('button', { name: 'Play audio' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'playToConference', conferenceId: 'conf-1', url: 'https://media.example.com/hold.mp3' },
    ]);
  });

  it('Escape closes an open form without hiding the window', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [conference()]);
    fireEvent.click(group('Speak or play to the conference').getByRole('button', { name: 'Speak' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Sentence to say' }), { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('form', { name: 'Speak to the conference' })).toBeNull();
    expect(bridge.hides).toBe(0);
  });
});

describe('adding people (Bandwidth)', () => {
  it('Dial into conference sends the number in its normal form, and refuses what is not a number', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [conference()]);
    const form = within(screen.getByRole('form', { name: 'Dial into the conference' }));
    const field = form.getByRole('textbox', { name: 'Number to dial into the conference' });
    fireEvent.input(field, { target: { value: 'call mom' } });
    fireEvent.click(form.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.conferenceCommands).toEqual([]);
    fireEvent.input(field, { target: { value: '+1 (555) 010-0199' } });
    fireEvent.click(form.getByRole('button', { name: 'Dial' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'dialIntoConference', conferenceId: 'conf-1', destination: '+15550100199' }]);
    expect((field as HTMLInputElement).value).toBe('');
  });

  it('Add to conference offers my other call; no call to add and no Dial into without the offer or the capability', async () => {
    const carolJoinable = { ...carol, actions: ['hangup', 'addToConference'] as Call['actions'] };
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [conference()], [ada, bob, carolJoinable]);
    fireEvent.click(screen.getByRole('button', { name: 'Add to conference' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'addParticipant', conferenceId: 'conf-1', callId: 'c' }]);

    act(() => bridge.setConferences([conference({ actions: ['releaseConference'] })]));
    expect(screen.queryByRole('button', { name: 'Add to conference' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Dial into the conference' })).toBeNull();
  });

  it('RingCentral (no startConference capability) has no Dial into field, no Start conference and no Bridge form', async () => {
    await mountWith(bridgeRunning(RINGCENTRAL_INFO), [conference()], [ada, bob, { ...carol, actions: ['merge'] }]);
    expect(screen.queryByRole('form', { name: 'Dial into the conference' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start conference' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Bridge two calls' })).toBeNull();
  });

  it('Start conference makes an empty one, which says how to fill it', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    await mountWith(bridge, [], [ada]);
    expect(screen.getByText('No conference in progress.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start conference' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'startConference' }]);
    act(() => bridge.setConferences([conference({ participants: [] })]));
    expect(screen.getByText('No one is in it yet: dial someone in below.')).toBeTruthy();
    // Another can be started while one runs.
    expect(screen.getByRole('button', { name: 'Start conference' })).toBeTruthy();
  });
});

describe('bridges (Bandwidth)', () => {
  const bridged = (overrides: Partial<Conference> = {}) =>
    conference({
      id: 'br-1',
      type: 'bridge',
      participants: [member(ada, { actions: [] }), member(bob, { actions: [] })],
      actions: ['hold', 'releaseConference'],
      ...overrides,
    });

  it('a bridge is headed "Bridge" and is held, resumed and released (asking first)', async () => {
    const { bridge } = await mountWith(bridgeRunning(BANDWIDTH_INFO), [bridged()]);
    const section = within(screen.getByRole('region', { name: 'Bridge' }));
    expect(section.getByText(/two calls connected/)).toBeTruthy();
    expect(names(group('Controls for the bridge').getAllByRole('button'))).toEqual(['Hold', 'Release conference']);
    fireEvent.click(section.getByRole('button', { name: 'Hold' }));
    await settle();
    act(() => bridge.setConferences([bridged({ state: 'held', actions: ['resume', 'releaseConference'] })]));
    expect(screen.getByText(/do not hear each other/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Release conference' }));
    expect(screen.getByRole('alertdialog', { name: 'Release the bridge?' }).textContent).toContain(
      'Ada Lovelace, Bob Jones no longer hear each other; their calls stay up.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Release the bridge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([
      { type: 'holdConference', conferenceId: 'br-1' },
      { type: 'resumeConference', conferenceId: 'br-1' },
      { type: 'release', conferenceId: 'br-1' },
    ]);
  });

  it('the Bridge form connects my two answered calls that offer Merge', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    await mountWith(
      bridge,
      [],
      [
        { ...ada, actions: ['hangup', 'merge'] },
        { ...bob, actions: ['hangup', 'merge'] },
      ],
    );
    const form = within(screen.getByRole('form', { name: 'Calls to bridge' }));
    expect(form.getByText('Connects Ada Lovelace (Connected) and Bob Jones (Connected).')).toBeTruthy();
    fireEvent.click(form.getByRole('button', { name: 'Bridge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'bridge', callIds: ['a', 'b'] }]);
  });

  it('with three calls the user picks the two', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    const offer = (c: Call): Call => ({ ...c, actions: ['hangup', 'merge'] });
    await mountWith(bridge, [], [offer(ada), offer(bob), offer(carol)]);
    fireEvent.change(screen.getByRole('combobox', { name: 'First call' }), { target: { value: 'b' } });
    const second = screen.getByRole('combobox', { name: 'Second call' }) as HTMLSelectElement;
    expect([...second.options].map((o) => o.value)).toEqual(['a', 'c']);
    fireEvent.change(second, { target: { value: 'c' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bridge' }));
    await settle();
    expect(bridge.conferenceCommands).toEqual([{ type: 'bridge', callIds: ['b', 'c'] }]);
  });

  it('says when there is nothing to bridge, and is absent for a provider without bridges', async () => {
    await mountWith(bridgeRunning(BANDWIDTH_INFO), [], [ada]);
    expect(screen.getByText('You need two answered calls to bridge them: they then hear each other.')).toBeTruthy();
    unmountAll();
    await mountWith(
      new FakeBridge(),
      [],
      [
        { ...ada, actions: ['merge'] },
        { ...bob, actions: ['merge'] },
      ],
    );
    expect(screen.queryByRole('region', { name: 'Bridge two calls' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start conference' })).toBeNull();
  });
});

describe('accessibility (axe)', () => {
  it('a conference with a member form and the Remove question open, a bridge, and the forms that make new ones', async () => {
    const offer = (c: Call): Call => ({ ...c, actions: ['hangup', 'merge'] });
    const d = makeCall({ id: 'd', remote: { name: 'Dan Brown', privacy: false }, actions: ['hangup', 'merge'] });
    const e = makeCall({ id: 'e', remote: { name: 'Eve Adams', privacy: false }, actions: ['hangup', 'merge'] });
    const bridgedPair = conference({
      id: 'br-1',
      type: 'bridge',
      createdAt: '2026-01-05T10:02:00.000Z',
      participants: [member(carol, { actions: [] })],
      actions: ['hold', 'releaseConference'],
    });
    await mountWith(
      bridgeRunning(BANDWIDTH_INFO),
      [conference(), bridgedPair],
      [ada, bob, carol, offer(d), offer(e), offer(makeCall({ id: 'f', remote: { name: 'Fay Lee', privacy: false } }))],
    );
    fireEvent.click(group('Speak or play to Ada Lovelace').getByRole('button', { name: 'Speak' }));
    fireEvent.click(group('Controls for Bob Jones').getByRole('button', { name: 'Remove' }));
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
