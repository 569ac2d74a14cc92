/**
 * The contract's one channel table and what is derived from it. The type assertions are checked by
 * tsc (npx tsc -p tsconfig.json): the derived Bridge has exactly the expected functions and shapes.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AccountState } from '../../src/shared/account';
import {
  type AppState,
  type Bridge,
  type CallCommand,
  CHANNELS,
  COMMAND_SCHEMAS,
  type CommandOutcome,
  type ConferenceCommand,
  type Notice,
  PUSH_CHANNELS,
  type PushEvents,
  type Unsubscribe,
} from '../../src/shared/contract';
import type { Call } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import type { Settings, SettingsPatch } from '../../src/shared/settings';

type Expected =
  | 'listCalls'
  | 'command'
  | 'conferences'
  | 'conferenceCommand'
  | 'history'
  | 'status'
  | 'answerEndpoints'
  | 'recordings'
  | 'requestTranscription'
  | 'timeline'
  | 'reconcile'
  | 'settings'
  | 'updateSettings'
  | 'appState'
  | 'simulateIncomingCall'
  | 'openWindow'
  | 'hideWindow'
  | 'account'
  | 'signIn'
  | 'cancelSignIn'
  | 'pasteToken'
  | 'setClientSecret'
  | 'signInWithCredentials'
  | 'signOut'
  | 'saveDiagnostics'
  | 'onCallsChanged'
  | 'onConferencesChanged'
  | 'onHistoryChanged'
  | 'onStatusChanged'
  | 'onSettingsChanged'
  | 'onAppChanged'
  | 'onDialRequested'
  | 'onNotice'
  | 'onAccountChanged'
  | 'onViewRequested';

describe('the contract table', () => {
  it('derives a Bridge with exactly the expected functions, typed by the table', () => {
    expectTypeOf<keyof Bridge>().toEqualTypeOf<Expected>();
    expectTypeOf<Bridge['listCalls']>().toEqualTypeOf<() => Promise<Call[]>>();
    expectTypeOf<Bridge['command']>().parameters.toEqualTypeOf<[CallCommand]>();
    expectTypeOf<Bridge['command']>().returns.toEqualTypeOf<Promise<Result<CommandOutcome>>>();
    expectTypeOf<Bridge['conferenceCommand']>().parameters.toEqualTypeOf<[ConferenceCommand]>();
    expectTypeOf<Bridge['updateSettings']>().parameters.toEqualTypeOf<[SettingsPatch]>();
    expectTypeOf<Bridge['appState']>().toEqualTypeOf<() => Promise<AppState>>();
    expectTypeOf<Bridge['signOut']>().toEqualTypeOf<() => Promise<Result<null>>>();
    // A window hides only itself: main hides the sender, so the request names no window.
    expectTypeOf<Bridge['hideWindow']>().toEqualTypeOf<() => Promise<Result<null>>>();
    expectTypeOf<Bridge['onNotice']>().toEqualTypeOf<(listener: (payload: Notice) => void) => Unsubscribe>();
    expectTypeOf<Bridge['onAccountChanged']>().toEqualTypeOf<(listener: (payload: AccountState) => void) => Unsubscribe>();
    expectTypeOf<PushEvents['settings:changed']>().toEqualTypeOf<Settings>();
    expect(Object.keys(CHANNELS)).toHaveLength(35);
  });

  it('gives every channel one name, and derives the invoke lookup and push list from the same entries', () => {
    const specs = Object.values(CHANNELS);
    const names = specs.map((spec) => spec.channel);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(COMMAND_SCHEMAS).sort()).toEqual(
      specs
        .filter((s) => s.kind === 'invoke')
        .map((s) => s.channel)
        .sort(),
    );
    expect([...PUSH_CHANNELS].sort()).toEqual(
      specs
        .filter((s) => s.kind === 'push')
        .map((s) => s.channel)
        .sort(),
    );
    expect(COMMAND_SCHEMAS['call:command']).toBe(CHANNELS.command.args);
  });
});
