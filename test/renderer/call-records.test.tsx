// @vitest-environment happy-dom
// A call's recordings and timeline, opened from its Recordings button (CallRecordsLink, which the call
// card and history place): shown only where the provider keeps them; each recording's state, times and
// link; Transcribe → "Transcribing…" → the text after Refresh; the timeline; refusals as worded; a
// fresh read on Refresh and on reopening, never on a timer.
import { act, fireEvent, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallRecordsLink } from '../../src/renderer/components/CallRecordsLink';
import type { CallTimelineEvent, Recording } from '../../src/shared/domain';
import { type Result, err, ok } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { mount, settle, unmountAll } from './fixtures';
import { BANDWIDTH_INFO, RINGCENTRAL_INFO, bridgeRunning } from './provider-infos';

afterEach(unmountAll);

function recording(overrides: Partial<Recording> = {}): Recording {
  return {
    id: 'rec-1',
    callId: 'call-9',
    state: 'complete',
    startedAt: '2026-01-05T10:00:05.000Z',
    endedAt: '2026-01-05T10:01:35.000Z',
    mediaUrl: 'https://api.catapult.example/v1/users/u-1/media/rec-1.wav',
    ...overrides,
  };
}

async function open(bridge: FakeBridge, who?: string) {
  const result = await mount(<CallRecordsLink callId="call-9" who={who} />, bridge, { history: false });
  fireEvent.click(screen.getByRole('button', { name: who ? `Recordings of the call with ${who}` : 'Recordings' }));
  await settle();
  return result;
}

const recordingsRegion = () => within(screen.getByRole('region', { name: 'Recordings' }));

describe('call records: where they exist', () => {
  it('no Recordings button for a provider that keeps neither recordings nor timelines, or without a call id', async () => {
    await mount(<CallRecordsLink callId="call-9" />, new FakeBridge(), { history: false });
    expect(screen.queryByRole('button', { name: 'Recordings' })).toBeNull();
    unmountAll();
    await mount(<CallRecordsLink callId="call-9" />, bridgeRunning(RINGCENTRAL_INFO), { history: false });
    expect(screen.queryByRole('button', { name: 'Recordings' })).toBeNull();
    unmountAll();
    await mount(<CallRecordsLink callId={undefined} />, bridgeRunning(BANDWIDTH_INFO), { history: false });
    expect(screen.queryByRole('button', { name: 'Recordings' })).toBeNull();
  });

  it('a provider with timelines only offers the call timeline', async () => {
    const bridge = bridgeRunning({ ...BANDWIDTH_INFO, capabilities: ['timeline'] });
    bridge.timelineByCall.set('call-9', [{ time: '2026-01-05T10:00:00.000Z', name: 'answer' }]);
    await mount(<CallRecordsLink callId="call-9" />, bridge, { history: false });
    fireEvent.click(screen.getByRole('button', { name: 'Call timeline' }));
    await settle();
    expect(screen.getByRole('region', { name: 'Call timeline' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Recordings' })).toBeNull();
  });
});

describe('call records: recordings', () => {
  it('lists each recording with its state, times, length and a link to its audio (http(s) only)', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.recordingsByCall.set('call-9', [
      recording({ id: 'rec-2', state: 'recording', startedAt: '2026-01-05T10:05:00.000Z', endedAt: undefined, mediaUrl: undefined }),
      recording(),
      recording({ id: 'rec-3', state: 'error', startedAt: '2026-01-05T10:09:00.000Z', mediaUrl: 'javascript:alert(1)' }),
    ]);
    await open(bridge, 'Ada Lovelace');
    const items = recordingsRegion().getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.recording-title')?.textContent)).toEqual([
      'Recording 1Complete',
      'Recording 2Still recording',
      'Recording 3Failed',
    ]);
    expect(within(items[0]!).getByText(/1:30/)).toBeTruthy();
    expect(items[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-01-05T10:00:05.000Z');
    const link = within(items[0]!).getByRole('link', { name: 'Listen to recording 1' });
    expect(link.getAttribute('href')).toBe('https://api.catapult.example/v1/users/u-1/media/rec-1.wav');
    expect(within(items[2]!).queryByRole('link')).toBeNull();
    // Only a finished recording can be transcribed.
    expect(within(items[0]!).getByRole('button', { name: 'Transcribe' })).toBeTruthy();
    expect(within(items[1]!).queryByRole('button', { name: 'Transcribe' })).toBeNull();
    expect(within(items[2]!).queryByRole('button', { name: 'Transcribe' })).toBeNull();
  });

  it('says when the call has no recordings', async () => {
    await open(bridgeRunning(BANDWIDTH_INFO));
    expect(recordingsRegion().getByText('No recordings of this call.')).toBeTruthy();
  });

  it('Transcribe asks once, shows "Transcribing…", and Refresh shows the text once it is done', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.recordingsByCall.set('call-9', [recording()]);
    await open(bridge);
    fireEvent.click(recordingsRegion().getByRole('button', { name: 'Transcribe' }));
    await settle();
    expect(bridge.transcriptionRequests).toEqual(['rec-1']);
    expect(recordingsRegion().getByText(/Transcribing…/)).toBeTruthy();
    expect(recordingsRegion().queryByRole('button', { name: 'Transcribe' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Refresh' }));

    // The provider now reports it under way, then done; nothing changes on screen until Refresh.
    bridge.recordingsByCall.set('call-9', [recording({ transcription: { id: 't-1', state: 'pending' } })]);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(recordingsRegion().getByText(/Transcribing…/)).toBeTruthy();
    bridge.recordingsByCall.set('call-9', [recording({ transcription: { id: 't-1', state: 'completed', text: 'Hello, this is Ada.' } })]);
    expect(recordingsRegion().getByText(/Transcribing…/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(recordingsRegion().getByText('Hello, this is Ada.')).toBeTruthy();
    expect(recordingsRegion().queryByText(/Transcribing…/)).toBeNull();
    expect(bridge.transcriptionRequests).toEqual(['rec-1']);
  });

  it('a failed transcription can be asked for again; a refused request is shown plainly', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.recordingsByCall.set('call-9', [recording({ transcription: { id: 't-1', state: 'error' } })]);
    bridge.requestTranscription = async ({ recordingId }) => {
      bridge.transcriptionRequests.push(recordingId);
      return err('PROVIDER', 'Bandwidth refused: the recording is too long to transcribe.');
    };
    await open(bridge);
    expect(recordingsRegion().getByText('The transcription failed. You can ask for it again.')).toBeTruthy();
    fireEvent.click(recordingsRegion().getByRole('button', { name: 'Transcribe' }));
    await settle();
    expect(recordingsRegion().getByRole('alert').textContent).toBe('Bandwidth refused: the recording is too long to transcribe.');
    expect(recordingsRegion().getByRole('button', { name: 'Transcribe' })).toBeTruthy();
  });

  it('a refusal to list recordings is shown as the provider worded it', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.recordings = async () => err('NOT_ALLOWED', 'Webex keeps no recordings that Switchboard can show.');
    await open(bridge);
    expect(recordingsRegion().getByRole('alert').textContent).toBe('Webex keeps no recordings that Switchboard can show.');
  });

  it('says it is reading while the answer travels', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    let answer: (r: Result<Recording[]>) => void = () => undefined;
    bridge.recordings = () => new Promise((resolve) => (answer = resolve));
    await open(bridge);
    expect(recordingsRegion().getByRole('status').textContent).toBe('Reading the recordings…');
    await act(async () => answer(ok([recording()])));
    await settle();
    expect(recordingsRegion().queryByText('Reading the recordings…')).toBeNull();
    expect(recordingsRegion().getByText('Recording 1')).toBeTruthy();
  });
});

describe('call records: the timeline, reopening and closing', () => {
  it('lists the call’s events oldest first, with their details', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    const events: CallTimelineEvent[] = [
      { time: '2026-01-05T10:00:09.000Z', name: 'speak', detail: 'Your ride is here.' },
      { time: '2026-01-05T10:00:00.000Z', name: 'incomingcall' },
      { time: '2026-01-05T10:00:04.000Z', name: 'answer' },
    ];
    bridge.timelineByCall.set('call-9', events);
    await open(bridge);
    const timeline = within(screen.getByRole('region', { name: 'Call timeline' }));
    expect(timeline.getAllByRole('listitem').map((li) => li.querySelector('.timeline-name')?.textContent)).toEqual([
      'incomingcall',
      'answer',
      'speak',
    ]);
    expect(timeline.getByText('Your ride is here.')).toBeTruthy();
  });

  it('says when the timeline is empty or could not be read', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    await open(bridge);
    expect(screen.getByText('No events recorded for this call.')).toBeTruthy();
    bridge.timeline = async () => err('NOT_FOUND', 'Bandwidth no longer keeps this call.');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(within(screen.getByRole('region', { name: 'Call timeline' })).getByRole('alert').textContent).toBe(
      'Bandwidth no longer keeps this call.',
    );
  });

  it('reads afresh when reopened; Escape closes it and returns focus to the button', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    const reads: string[] = [];
    bridge.recordings = async ({ callId }) => {
      reads.push(callId);
      return ok(bridge.recordingsByCall.get(callId) ?? []);
    };
    await open(bridge);
    const button = screen.getByRole('button', { name: 'Recordings' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(screen.getByRole('button', { name: 'Refresh' }), { key: 'Escape' });
    await settle();
    expect(screen.queryByRole('region', { name: 'Recordings' })).toBeNull();
    expect(document.activeElement).toBe(button);
    bridge.recordingsByCall.set('call-9', [recording()]);
    fireEvent.click(button);
    await settle();
    expect(reads).toEqual(['call-9', 'call-9']);
    expect(recordingsRegion().getByText('Recording 1')).toBeTruthy();
  });
});

describe('call records: no reading behind the user’s back', () => {
  it('a pending transcription is not polled: the view reads again only on Refresh', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    let reads = 0;
    bridge.recordings = async () => {
      reads += 1;
      return ok([recording({ transcription: { id: 't-1', state: 'pending' } })]);
    };
    await open(bridge);
    expect(reads).toBe(1);
    vi.useFakeTimers();
    try {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10 * 60_000);
      });
      expect(reads).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(reads).toBe(2);
  });
});

describe('accessibility (axe)', () => {
  it('the open view with recordings in every state and a timeline', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.recordingsByCall.set('call-9', [
      recording(),
      recording({ id: 'rec-2', transcription: { id: 't', state: 'completed', text: 'Hi.' } }),
      recording({ id: 'rec-3', transcription: { id: 't3', state: 'pending' } }),
      recording({ id: 'rec-4', state: 'recording', endedAt: undefined }),
    ]);
    bridge.timelineByCall.set('call-9', [{ time: '2026-01-05T10:00:00.000Z', name: 'answer', detail: 'by Ada' }]);
    await open(bridge, 'Ada Lovelace');
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
