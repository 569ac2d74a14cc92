/**
 * RingCentral under faults, end to end (ringcentral-fault-run.ts): a scripted user works 45 calls
 * through the real core, the real RingCentral provider and the real simulator while 429s (with and
 * without Retry-After), 5xx, timeouts, connection resets before and after applying, expired tokens,
 * push socket drops and slow answers hit the requests their commands make. Nothing is lost, nothing is
 * sent twice, every failure the user saw left the list showing what RingCentral really has, and every
 * call that rang was shown ringing. The long run is `npm run bench` (bench/ringcentral-faults.ts).
 */
import { expect, test } from 'vitest';
import { FAULT_KINDS, runRingCentralFaultRun } from './ringcentral-fault-run';

test('45 calls under every kind of fault: zero lost, zero sent twice, every failure shown as it really is', async () => {
  const report = await runRingCentralFaultRun({ calls: 45, seed: 11 });
  expect(report.findings).toEqual([]);
  expect(report).toMatchObject({ lost: 0, duplicated: 0 });
  // The run did what it claims: many commands, some failing, and every kind of fault met at least once.
  expect(report.commandsIssued).toBeGreaterThan(100);
  expect(report.commandsIssued - report.commandsOk).toBeGreaterThan(5);
  for (const kind of FAULT_KINDS) expect(report.faultsInjected[kind], kind).toBeGreaterThan(0);
  expect(report.ringsDuringDrop).toBeGreaterThan(0);
  for (const pressed of ['mute', 'unmute', 'startRecording', 'pauseRecording', 'resumeRecording', 'park', 'retrieve'])
    expect(report.operations[pressed], pressed).toBeGreaterThan(0);
  // A fault on a merge's second bring-in left one call in the conference and one out, shown as such.
  expect(report.partialMerges).toBeGreaterThan(0);
  expect(report.rateLimitResends).toBeGreaterThan(0);
  expect(report.tokenRefreshes).toBeGreaterThan(0);
}, 30_000);
