/**
 * A Bridge for renderer tests: it records every command (call and conference), settings patch and
 * window request the views send, answers like main would (settings patches are validated with the real
 * schema), and lets a test push calls, the conferences, status, settings, history, app state, notices
 * and dial requests as main would. It also keeps a Webex account the way main's does: sign-in in the
 * browser (waiting until the test finishes or the user cancels it), pasted tokens, the client secret
 * and sign-out, each pushing the new account state and, on sign-in and sign-out, the new status.
 */
import type { AccountState } from '../../src/shared/account';
import type { ProviderInfo } from '../../src/shared/providers';
import type {
  AppState,
  Bridge,
  CallCommand,
  CommandOutcome,
  ConferenceCommand,
  DiagnosticsSaved,
  DialRequest,
  HistoryQuery,
  Notice,
  PushEvents,
  Unsubscribe,
  ViewRequest,
  WindowName,
} from '../../src/shared/contract';
import type { DemoCallKind } from '../../src/shared/demo-calls';
import type {
  Account,
  AnswerEndpoint,
  Call,
  CallTimelineEvent,
  Conference,
  HistoryEntry,
  Recording,
  Status,
} from '../../src/shared/domain';
import { type Result, err, ok } from '../../src/shared/result';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, applySettingsPatch } from '../../src/shared/settings';

type Listener<T> = (value: T) => void;
type CommandAnswer = Result<CommandOutcome> | Promise<Result<CommandOutcome>>;
/** How a browser sign-in ends: Webex accepted it, or a failure worded as main words it. */
export type SignInOutcome = { ok: true } | { ok: false; message: string };

/** The user a successful sign-in (browser or pasted token) reports in the status. */
export const WEBEX_USER: Account = {
  provider: 'webex',
  displayName: 'Wendy Webex',
  email: 'wendy@example.com',
  primaryNumber: '+15550100042',
  extension: '4042',
};

/** Webex as main describes it (src/main/providers/webex/descriptor.ts). */
export const WEBEX_INFO: ProviderInfo = {
  id: 'webex',
  name: 'Webex Calling',
  shortName: 'Webex',
  pastedTokenHint:
    'A personal access token from developer.webex.com lasts 12 hours and is not renewed: paste a new one then, or sign in with Webex to stay signed in.',
  capabilities: ['conference', 'park', 'pickup', 'bargeIn', 'recording', 'history', 'answerEndpoints', 'lines', 'divert', 'voicemail'],
  signIn: ['oauthPkce', 'oauthClientSecret', 'pastedToken'],
  settingsFields: [{ key: 'clientId', label: 'Client ID', kind: 'clientId', hint: 'From your Webex integration on developer.webex.com.' }],
  credentialFields: [],
  hasDemo: true,
};

/** A provider signed in to with a credentials form (the shape Bandwidth will have). */
export const CREDENTIALS_INFO: ProviderInfo = {
  id: 'bandwidth',
  name: 'Bandwidth',
  shortName: 'Bandwidth',
  capabilities: ['conference', 'recording'],
  signIn: ['credentials'],
  settingsFields: [],
  credentialFields: [
    { key: 'userId', label: 'User ID', secret: false },
    { key: 'apiToken', label: 'API token', secret: true },
    { key: 'apiSecret', label: 'API secret', secret: true },
  ],
  hasDemo: false,
};

export class FakeBridge implements Bridge {
  readonly commands: CallCommand[] = [];
  readonly conferenceCommands: ConferenceCommand[] = [];
  readonly settingsPatches: SettingsPatch[] = [];
  readonly opened: WindowName[] = [];
  readonly simulated: DemoCallKind[] = [];
  readonly historyQueries: HistoryQuery[] = [];
  reconciles = 0;
  /** Escape presses that asked main to hide this window (main hides the sender; the request names none). */
  hides = 0;

  callList: Call[] = [];
  currentConferences: Conference[] = [];
  currentStatus: Status = { health: 'live', provider: 'webex', demo: true, account: { provider: 'webex', displayName: 'Dana Demo' } };
  currentSettings: Settings = structuredClone(DEFAULT_SETTINGS);
  app: AppState = { demo: false, provider: 'webex', providers: [WEBEX_INFO], version: '0.1.0', platform: 'linux', shortcutFailures: [] };
  historyResult: Result<HistoryEntry[]> = ok([]);
  /** How main answers a command; replace it to fail or to hold the answer back. */
  answer: (command: CallCommand) => CommandAnswer = () => ok({});
  /** How main answers a conference command; replace it to fail or to hold the answer back. */
  conferenceAnswer: (command: ConferenceCommand) => Result<null> | Promise<Result<null>> = () => ok(null);
  simulateAnswer: Result<null> = ok(null);
  reconcileAnswer: Result<null> = ok(null);

  /** The account as main keeps it; `clientId` comes from the settings (else `builtInClientId`). */
  accountState: Omit<AccountState, 'clientId'> = {
    provider: 'webex',
    signInKinds: ['oauthPkce', 'oauthClientSecret', 'pastedToken'],
    signedIn: false,
    clientSecretSaved: false,
    redirectUri: 'http://127.0.0.1:47613/oauth/callback',
    persistent: true,
    signingIn: false,
  };
  /** The client id the build carries, used when settings have none. */
  builtInClientId = '';
  /** How the next browser sign-in ends; 'wait' keeps it waiting for the browser until finishSignIn() or Cancel. */
  signInOutcome: SignInOutcome | 'wait' = { ok: true };
  /** Why Webex refuses the next pasted token (null: it accepts a token that looks like one). */
  pasteRefusal: string | null = null;
  signIns = 0;
  cancels = 0;
  readonly pastedTokens: string[] = [];
  /** What the views sent as the client secret (null: forget it); the fake keeps it, the screen must not. */
  readonly clientSecrets: (string | null)[] = [];
  signOuts = 0;
  /** How main answers "Save diagnostics…" (the user chose a file, cancelled, or it failed). */
  diagnosticsAnswer: Result<DiagnosticsSaved> = ok({ saved: true, path: '/home/user/Downloads/switchboard-diagnostics.txt' });
  diagnosticsSaves = 0;
  private pendingSignIn: ((outcome: SignInOutcome) => void) | undefined;

  private readonly listeners = new Map<keyof PushEvents, Set<Listener<never>>>();

  // ---- what the test drives -------------------------------------------------------------------

  push<C extends keyof PushEvents>(channel: C, value: PushEvents[C]): void {
    for (const listener of this.listeners.get(channel) ?? []) (listener as Listener<PushEvents[C]>)(value);
  }

  setCalls(calls: Call[]): void {
    this.callList = calls;
    this.push('calls:changed', calls);
  }

  setConferences(conferences: Conference[]): void {
    this.currentConferences = conferences;
    this.push('conferences:changed', conferences);
  }

  setStatus(status: Status): void {
    this.currentStatus = status;
    this.push('status:changed', status);
  }

  setHistory(history: HistoryEntry[]): void {
    this.historyResult = ok(history);
    this.push('history:changed', history);
  }

  setApp(app: Partial<AppState>): void {
    this.app = { ...this.app, ...app };
    this.push('app:changed', this.app);
  }

  setSettings(settings: Settings): void {
    this.currentSettings = settings;
    this.push('settings:changed', settings);
  }

  notice(notice: Notice): void {
    this.push('notice', notice);
  }

  requestDial(request: DialRequest): void {
    this.push('dial:requested', request);
  }

  /** Replaces part of the account state and pushes it, as main does when something changes. */
  setAccount(change: Partial<Omit<AccountState, 'clientId'>>): void {
    this.accountState = { ...this.accountState, ...change };
    this.pushAccount();
  }

  /** Ends a sign-in that waits for the browser (signInOutcome 'wait'). */
  finishSignIn(outcome: SignInOutcome): void {
    const finish = this.pendingSignIn;
    this.pendingSignIn = undefined;
    finish?.(outcome);
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  /** Makes the next commands wait until `release()` answers them all. */
  holdCommands(): { release: (result?: Result<CommandOutcome>) => void } {
    const waiting: ((result: Result<CommandOutcome>) => void)[] = [];
    this.answer = () => new Promise((resolve) => waiting.push(resolve));
    return {
      release: (result = ok({})) => {
        for (const resolve of waiting.splice(0)) resolve(result);
      },
    };
  }

  failCommands(message: string): void {
    this.answer = () => err('PROVIDER', message);
  }

  // ---- Bridge -------------------------------------------------------------------------------------

  async listCalls(): Promise<Call[]> {
    return this.callList;
  }

  async command(command: CallCommand): Promise<Result<CommandOutcome>> {
    this.commands.push(command);
    return this.answer(command);
  }

  async conferences(): Promise<Conference[]> {
    return this.currentConferences;
  }

  async conferenceCommand(command: ConferenceCommand): Promise<Result<null>> {
    this.conferenceCommands.push(command);
    return this.conferenceAnswer(command);
  }

  async history(query: HistoryQuery): Promise<Result<HistoryEntry[]>> {
    this.historyQueries.push(query);
    return this.historyResult;
  }

  async status(): Promise<Status> {
    return this.currentStatus;
  }

  async answerEndpoints(): Promise<Result<AnswerEndpoint[]>> {
    return ok([]);
  }

  /** A call's recordings as the test sets them (by call id), and the transcriptions asked for. */
  recordingsByCall = new Map<string, Recording[]>();
  transcriptionRequests: string[] = [];
  timelineByCall = new Map<string, CallTimelineEvent[]>();

  async recordings({ callId }: { callId: string }): Promise<Result<Recording[]>> {
    return ok(this.recordingsByCall.get(callId) ?? []);
  }

  async requestTranscription({ recordingId }: { recordingId: string }): Promise<Result<null>> {
    this.transcriptionRequests.push(recordingId);
    return ok(null);
  }

  async timeline({ callId }: { callId: string }): Promise<Result<CallTimelineEvent[]>> {
    return ok(this.timelineByCall.get(callId) ?? []);
  }

  async reconcile(): Promise<Result<null>> {
    this.reconciles += 1;
    return this.reconcileAnswer;
  }

  async settings(): Promise<Settings> {
    return this.currentSettings;
  }

  async updateSettings(patch: SettingsPatch): Promise<Result<Settings>> {
    this.settingsPatches.push(patch);
    const merged = applySettingsPatch(this.currentSettings, patch);
    if (!merged.success) return err('BAD_INPUT', merged.error.issues[0]?.message ?? 'invalid settings');
    this.currentSettings = merged.data;
    return ok(merged.data);
  }

  async appState(): Promise<AppState> {
    return this.app;
  }

  async simulateIncomingCall(request: { kind: DemoCallKind }): Promise<Result<null>> {
    this.simulated.push(request.kind);
    return this.simulateAnswer;
  }

  async openWindow(request: { name: WindowName }): Promise<Result<null>> {
    this.opened.push(request.name);
    return ok(null);
  }

  async hideWindow(): Promise<Result<null>> {
    this.hides += 1;
    return ok(null);
  }

  async account(): Promise<AccountState> {
    return this.accountSnapshot();
  }

  async signIn(): Promise<Result<null>> {
    this.signIns += 1;
    if (!this.accountSnapshot().clientId) {
      return err('BAD_INPUT', 'Enter the client ID of your Webex integration first (see the README: "Connect Webex").');
    }
    if (this.accountState.signingIn) return err('NOT_ALLOWED', 'A sign-in is already waiting for the browser.');
    const { message: _dropped, ...rest } = this.accountState;
    this.accountState = { ...rest, signingIn: true };
    this.pushAccount();
    const outcome =
      this.signInOutcome === 'wait' ? await new Promise<SignInOutcome>((resolve) => (this.pendingSignIn = resolve)) : this.signInOutcome;
    if (outcome.ok) {
      this.accountState = { ...this.accountState, signingIn: false, signedIn: true, method: 'browser' };
      this.pushAccount();
      this.setStatus({ health: 'live', provider: 'webex', demo: false, account: WEBEX_USER });
      return ok(null);
    }
    this.accountState = { ...this.accountState, signingIn: false, message: outcome.message };
    this.pushAccount();
    return err('AUTH', outcome.message);
  }

  async cancelSignIn(): Promise<Result<null>> {
    this.cancels += 1;
    this.finishSignIn({ ok: false, message: 'Sign-in was cancelled.' });
    return ok(null);
  }

  async pasteToken(request: { token: string }): Promise<Result<null>> {
    this.pastedTokens.push(request.token);
    const token = request.token.trim();
    if (token.length < 20 || /\s/.test(token)) {
      return err('BAD_INPUT', 'That does not look like a Webex access token: copy it again from developer.webex.com.');
    }
    if (this.pasteRefusal) return err('AUTH', this.pasteRefusal);
    const { message: _dropped, ...rest } = this.accountState;
    this.accountState = { ...rest, signedIn: true, method: 'pastedToken' };
    this.pushAccount();
    this.setStatus({ health: 'live', provider: 'webex', demo: false, account: WEBEX_USER });
    return ok(null);
  }

  async setClientSecret(request: { secret: string | null }): Promise<Result<null>> {
    this.clientSecrets.push(request.secret);
    const secret = request.secret?.trim() ?? null;
    if (secret !== null && (secret.length < 8 || /\s/.test(secret))) {
      return err('BAD_INPUT', 'That does not look like a client secret: copy it again from your Webex integration.');
    }
    this.setAccount({ clientSecretSaved: Boolean(secret) });
    return ok(null);
  }

  /** Credentials given to a 'credentials' sign-in. */
  readonly credentials: Record<string, string>[] = [];

  async signInWithCredentials(request: { values: Record<string, string> }): Promise<Result<null>> {
    this.credentials.push(request.values);
    const { message: _dropped, ...rest } = this.accountState;
    this.accountState = { ...rest, signedIn: true, method: 'credentials' };
    this.pushAccount();
    return ok(null);
  }

  async saveDiagnostics(): Promise<Result<DiagnosticsSaved>> {
    this.diagnosticsSaves += 1;
    return this.diagnosticsAnswer;
  }

  async signOut(): Promise<Result<null>> {
    this.signOuts += 1;
    this.finishSignIn({ ok: false, message: 'Sign-in was cancelled.' });
    const { method: _method, ...rest } = this.accountState;
    this.accountState = { ...rest, signedIn: false, clientSecretSaved: false, message: 'Signed out.' };
    this.pushAccount();
    this.setStatus({ health: 'signedOut', provider: 'webex', demo: false, detail: 'Signed out.' });
    return ok(null);
  }

  onAccountChanged(listener: Listener<AccountState>): Unsubscribe {
    return this.listen('account:changed', listener);
  }

  onViewRequested(listener: Listener<ViewRequest>): Unsubscribe {
    return this.listen('view:requested', listener);
  }

  /** Main asks the panel for a view (the tray's Settings / Sign in…). */
  requestView(request: ViewRequest): void {
    this.push('view:requested', request);
  }

  onCallsChanged(listener: Listener<Call[]>): Unsubscribe {
    return this.listen('calls:changed', listener);
  }

  onConferencesChanged(listener: Listener<Conference[]>): Unsubscribe {
    return this.listen('conferences:changed', listener);
  }

  onHistoryChanged(listener: Listener<HistoryEntry[]>): Unsubscribe {
    return this.listen('history:changed', listener);
  }

  onStatusChanged(listener: Listener<Status>): Unsubscribe {
    return this.listen('status:changed', listener);
  }

  onSettingsChanged(listener: Listener<Settings>): Unsubscribe {
    return this.listen('settings:changed', listener);
  }

  onAppChanged(listener: Listener<AppState>): Unsubscribe {
    return this.listen('app:changed', listener);
  }

  onDialRequested(listener: Listener<DialRequest>): Unsubscribe {
    return this.listen('dial:requested', listener);
  }

  onNotice(listener: Listener<Notice>): Unsubscribe {
    return this.listen('notice', listener);
  }

  private accountSnapshot(): AccountState {
    return { ...this.accountState, clientId: this.currentSettings.providers.webex.clientId || this.builtInClientId };
  }

  private pushAccount(): void {
    this.push('account:changed', this.accountSnapshot());
  }

  private listen<C extends keyof PushEvents>(channel: C, listener: Listener<PushEvents[C]>): Unsubscribe {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(channel, set);
    return () => set.delete(listener as Listener<never>);
  }
}
