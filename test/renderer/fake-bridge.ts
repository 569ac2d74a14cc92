/**
 * A Bridge for renderer tests: it records every command, settings patch and window request the views
 * send, answers like main would (settings patches are validated with the real schema), and lets a test
 * push calls, status, settings, history, app state, notices and dial requests as main would.
 */
import type {
  AppState,
  Bridge,
  CallCommand,
  CommandOutcome,
  DemoCallKind,
  DialRequest,
  HistoryQuery,
  Notice,
  PushEvents,
  Unsubscribe,
  WindowName,
} from '../../src/shared/contract';
import type { AnswerEndpoint, Call, Conference, HistoryEntry, Status } from '../../src/shared/domain';
import { type Result, err, ok } from '../../src/shared/result';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, applySettingsPatch } from '../../src/shared/settings';

type Listener<T> = (value: T) => void;
type CommandAnswer = Result<CommandOutcome> | Promise<Result<CommandOutcome>>;

export class FakeBridge implements Bridge {
  readonly commands: CallCommand[] = [];
  readonly settingsPatches: SettingsPatch[] = [];
  readonly hidden: WindowName[] = [];
  readonly opened: WindowName[] = [];
  readonly simulated: DemoCallKind[] = [];
  readonly historyQueries: HistoryQuery[] = [];
  reconciles = 0;

  callList: Call[] = [];
  currentStatus: Status = { health: 'live', provider: 'demo', account: { provider: 'demo', displayName: 'Dana Demo' } };
  currentSettings: Settings = structuredClone(DEFAULT_SETTINGS);
  app: AppState = { demo: false, version: '0.1.0', platform: 'linux', shortcutFailures: [] };
  historyResult: Result<HistoryEntry[]> = ok([]);
  /** How main answers a command; replace it to fail or to hold the answer back. */
  answer: (command: CallCommand) => CommandAnswer = () => ok({});
  simulateAnswer: Result<null> = ok(null);
  reconcileAnswer: Result<null> = ok(null);

  private readonly listeners = new Map<keyof PushEvents, Set<Listener<never>>>();

  // ---- what the test drives -------------------------------------------------------------------

  push<C extends keyof PushEvents>(channel: C, value: PushEvents[C]): void {
    for (const listener of this.listeners.get(channel) ?? []) (listener as Listener<PushEvents[C]>)(value);
  }

  setCalls(calls: Call[]): void {
    this.callList = calls;
    this.push('calls:changed', calls);
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

  async hideWindow(request: { name: WindowName }): Promise<Result<null>> {
    this.hidden.push(request.name);
    return ok(null);
  }

  onCallsChanged(listener: Listener<Call[]>): Unsubscribe {
    return this.listen('calls:changed', listener);
  }

  onConferenceChanged(listener: Listener<Conference | null>): Unsubscribe {
    return this.listen('conference:changed', listener);
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

  private listen<C extends keyof PushEvents>(channel: C, listener: Listener<PushEvents[C]>): Unsubscribe {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(channel, set);
    return () => set.delete(listener as Listener<never>);
  }
}
