// The boundary: every command is parsed once, here, for IPC and the preview alike. Malformed input is
// refused as BAD_INPUT before any handler runs; dial strings and DTMF reach the handler normalised.
import { describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../../src/main/runtime/bridge-handlers';
import { invokeCommand } from '../../../src/main/runtime/command-invocation';
import type { CallCommand, ConferenceCommand } from '../../../src/shared/contract';
import { err, ok } from '../../../src/shared/result';

function recordingHandlers() {
  const calls: CallCommand[] = [];
  const conference: ConferenceCommand[] = [];
  const handlers = {
    'call:command': (command: CallCommand) => {
      calls.push(command);
      return ok({});
    },
    'conference:command': (command: ConferenceCommand) => {
      conference.push(command);
      return ok(null);
    },
  } as unknown as CommandHandlers;
  return { handlers, calls, conference };
}

describe('the boundary parse of call commands', () => {
  it.each([
    ['not an object', 'hold', /^Invalid request for "call:command": /],
    ['an unknown type', { type: 'teleport', callId: 'c1' }, /type: Invalid/],
    ['a missing call id', { type: 'hold' }, /callId: Invalid input: expected string/],
    ['an empty call id', { type: 'hold', callId: '' }, /callId: an id is required/],
    ['an unexpected field', { type: 'hold', callId: 'c1', force: true }, /Unrecognized key: "force"/],
    ['a destination of the wrong type', { type: 'dial', destination: 5550100 }, /destination: Invalid input: expected string/],
  ])('refuses %s as BAD_INPUT and runs nothing', async (_name, raw, message) => {
    const { handlers, calls } = recordingHandlers();
    const result = await invokeCommand(handlers, 'call:command', raw, 'panel');
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(message) } });
    expect(calls).toEqual([]);
  });

  it.each([
    [{ type: 'dial', destination: 'call mom' }, '"call mom" is not a number: use digits, +, * or #, or an address like name@company.com.'],
    [{ type: 'transfer', callId: 'c1', destination: '   ' }, 'Enter a number to call.'],
    [
      { type: 'bargeIn', target: 'sip:not an address' },
      '"sip:not an address" is not a number: use digits, +, * or #, or an address like name@company.com.',
    ],
    [{ type: 'dtmf', callId: 'c1', digits: '12x' }, '"X" cannot be sent as a tone: use 0-9, *, #, A-D, or "," for a pause.'],
  ])('refuses a bad number or tone %o in the words the user reads in the dialer', async (raw, message) => {
    const { handlers, calls } = recordingHandlers();
    expect(await invokeCommand(handlers, 'call:command', raw, 'panel')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message } });
    expect(calls).toEqual([]);
  });

  it.each([
    { type: 'dial', destination: '   ' },
    { type: 'divert', callId: 'c', destination: 'not a number!' },
    { type: 'toVoicemail', callId: 'c', destination: 'x@' },
    { type: 'transfer', callId: 'c', destination: '12ab' },
    { type: 'muteTransfer', callId: 'c', destination: '+' },
    { type: 'park', callId: 'c', destination: 'room 12' },
    { type: 'retrieve', destination: 'tel:%zz' },
    { type: 'pickup', target: 'Carol' },
    { type: 'bargeIn', target: 'sip:nobody' },
    { type: 'dtmf', callId: 'c', digits: '1 2' },
  ])('never lets a bad number or tone through: %o', async (raw) => {
    const { handlers, calls } = recordingHandlers();
    expect(await invokeCommand(handlers, 'call:command', raw, 'panel')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('hands the core destinations, targets and tones in their normal form', async () => {
    const { handlers, calls } = recordingHandlers();
    for (const raw of [
      { type: 'dial', destination: '+1 (555) 010-2030' },
      { type: 'transfer', callId: 'c1', destination: 'tel:+15550100' },
      { type: 'pickup', target: ' 5021 ' },
      { type: 'dtmf', callId: 'c1', digits: '12a#' },
      { type: 'toVoicemail', callId: 'c1' },
    ]) {
      expect(await invokeCommand(handlers, 'call:command', raw, 'panel')).toEqual({ ok: true, value: {} });
    }
    expect(calls).toEqual([
      { type: 'dial', destination: '+15550102030' },
      { type: 'transfer', callId: 'c1', destination: '+15550100' },
      { type: 'pickup', target: '5021' },
      { type: 'dtmf', callId: 'c1', digits: '12A#' },
      { type: 'toVoicemail', callId: 'c1' },
    ]);
  });
});

describe('the boundary parse of conference commands', () => {
  it('refuses what does not parse as BAD_INPUT and runs nothing', async () => {
    const { handlers, conference } = recordingHandlers();
    for (const raw of [
      { type: 'muteParticipant' },
      { type: 'explode' },
      { type: 'merge', callIds: ['a'] },
      { type: 'merge', callIds: ['a', 'a'] },
      { type: 'release', extra: 1 },
      null,
    ]) {
      const result = await invokeCommand(handlers, 'conference:command', raw, 'conference');
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringMatching(/^Invalid request for "conference:command": /) },
      });
    }
    expect(conference).toEqual([]);
  });

  it('passes a valid one on as parsed', async () => {
    const { handlers, conference } = recordingHandlers();
    expect(await invokeCommand(handlers, 'conference:command', { type: 'merge', callIds: ['a', 'b'] }, 'conference')).toEqual({
      ok: true,
      value: null,
    });
    expect(conference).toEqual([{ type: 'merge', callIds: ['a', 'b'] }]);
  });
});

describe('the boundary echoes input safely', () => {
  it('quotes a wrong number on one line, without reordering characters, and bounded', async () => {
    const { handlers } = recordingHandlers();
    const typed = `call\u202E mom\r\n[info] forged ${'x'.repeat(90)}`;
    const result = (await invokeCommand(handlers, 'call:command', { type: 'dial', destination: typed }, 'panel')) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.message).toMatch(/^"call mom \[info\] forged x+/);
    expect(result.error.message).not.toMatch(/[\r\n\u202E]/);
    expect(result.error.message.length).toBeLessThanOrEqual(300);
  });
});

describe('refusals leave main redacted, whichever handler made them', () => {
  it('a sign-in refusal that repeats a credential and carries controls reaches the window without them', async () => {
    const handlers = {
      'account:pasteToken': () =>
        err('AUTH', 'Webex refused "Authorization: Bearer aB3dE5fG7hJ9kL1mN3pQ5rS"\u202E\r\nretry', { trackingId: 'a b<script>' }),
    } as unknown as CommandHandlers;
    const result = await invokeCommand(handlers, 'account:pasteToken', { token: 'x' }, 'panel');
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUTH', message: 'Webex refused "Authorization: Bearer [redacted]" retry', retryable: false },
    });
  });
});
