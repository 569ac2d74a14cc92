// @vitest-environment happy-dom
/**
 * Where a person finds a call's recordings and events: on the call's card and on its history row, only
 * when the running provider keeps them (Bandwidth), never for Webex, whose API keeps none here.
 */
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CallCard } from '../../src/renderer/components/CallCard';
import { History } from '../../src/renderer/components/History';
import { ok } from '../../src/shared/result';
import { FakeBridge } from './fake-bridge';
import { makeCall, mount, settle, unmountAll } from './fixtures';
import { BANDWIDTH_INFO, bridgeRunning } from './provider-infos';

afterEach(unmountAll);

const ENTRY = {
  type: 'received' as const,
  callId: 'c-old',
  name: 'Ada Lovelace',
  number: '+15550100',
  privacy: false,
  time: '2026-01-01T10:00:00.000Z',
};

describe('recordings from a call and from history', () => {
  it('a Bandwidth call card offers its recordings, and opening them reads that call', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.recordingsByCall.set('c1', [
      { id: 'r1', callId: 'c1', state: 'complete', startedAt: '2026-01-01T10:00:00.000Z', endedAt: '2026-01-01T10:01:00.000Z' },
    ]);
    await mount(<CallCard call={makeCall({ id: 'c1', state: 'connected' })} />, bridge);
    fireEvent.click(screen.getByRole('button', { name: /Recordings/ }));
    await settle();
    expect(await screen.findByRole('button', { name: 'Transcribe' })).toBeTruthy();
  });

  it('a Bandwidth history row offers the recordings of that call beside Call back', async () => {
    const bridge = bridgeRunning(BANDWIDTH_INFO);
    bridge.historyResult = ok([ENTRY]);
    await mount(<History />, bridge);
    await settle();
    expect(await screen.findByRole('button', { name: /Call back Ada Lovelace/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Recordings/ })).toBeTruthy();
  });

  it('Webex: no Recordings on a card or a history row', async () => {
    const bridge = new FakeBridge();
    bridge.historyResult = ok([ENTRY]);
    await mount(
      <>
        <CallCard call={makeCall({ id: 'c1', state: 'connected' })} />
        <History />
      </>,
      bridge,
    );
    await settle();
    expect(await screen.findByRole('button', { name: /Call back Ada Lovelace/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Recordings/ })).toBeNull();
  });
});
