/**
 * A fake `electron` module for tests: Electron's binary cannot be downloaded here and a plain-Node
 * `require('electron')` throws. Installed for every test by test/setup-electron.ts (named exports and
 * `default`). It RECORDS what the shell did — windows and their options, tray image/tooltip/menu,
 * notifications, shortcuts, protocol clients, IPC handlers, pushes — and lets tests act like the OS or a
 * renderer (click a menu item, press a shortcut, invoke a handler as a given sender, emit app events),
 * so tests assert behaviour rather than calls of mocks. State lives in singletons that
 * `resetFakeElectron()` clears in place, because deps such as electron-store destructure them once.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
  workArea: FakeRect;
  scaleFactor: number;
}

/** A DOM-like event: handlers call preventDefault(); params (url, actionIndex …) are merged in. */
export type FakeEvent<T extends object = object> = T & { defaultPrevented: boolean; preventDefault(): void };

export function fakeEvent<T extends object>(params: T = {} as T): FakeEvent<T> {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ---------------------------------------------------------------------------------------------------
// Knobs and records shared by all fakes.

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

function initialState() {
  return {
    singleInstanceLock: true,
    /** Order in which app-level calls happened, e.g. to prove the lock is requested first. */
    appCalls: [] as string[],
    quitCount: 0,
    exitCode: undefined as number | undefined,
    appUserModelId: undefined as string | undefined,
    loginItemSettings: { openAtLogin: false } as { openAtLogin: boolean; [key: string]: unknown },
    protocolClients: [] as { protocol: string; path?: string; args?: string[] }[],
    dockHidden: false,
    appPath: process.cwd(),
    userDataPath: join(tmpdir(), 'switchboard-fake-electron'),
    applicationMenu: undefined as FakeMenu | null | undefined,
    /** Accelerators another app holds: register() returns false for them. */
    takenAccelerators: new Set<string>(),
    /** Accelerators Electron cannot parse: register() throws for them. */
    invalidAccelerators: new Set<string>(),
    notificationsSupported: true,
    trayBounds: { x: 0, y: 0, width: 0, height: 0 } as FakeRect,
    displays: [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
        scaleFactor: 1,
      },
    ] as FakeDisplay[],
    cursor: { x: 100, y: 100 },
    online: true,
    encryptionAvailable: true,
    storageBackend: 'gnome_libsecret' as StorageBackend,
    usePlainTextEncryption: false,
    openedExternal: [] as string[],
    /** Every answer an invoke handler gave a renderer, in order (what crossed to a renderer). */
    ipcResults: [] as { channel: string; result: unknown }[],
    clipboard: { clipboard: '', selection: '' } as Record<'clipboard' | 'selection', string>,
    errorBoxes: [] as { title: string; content: string }[],
    /** Save dialogs the shell showed, with their options. */
    saveDialogs: [] as { options: FakeSaveDialogOptions; hasParent: boolean }[],
    /** The path the user picks in the next save dialog; null cancels it; an Error makes the dialog fail. */
    saveDialogAnswer: null as string | null | Error,
    exposedInMainWorld: {} as Record<string, unknown>,
    /** What ipcRenderer.invoke answers (preload tests); default echoes the call. */
    rendererInvokeAnswer: ((channel: string, args: unknown[]) => ({ channel, args })) as (channel: string, args: unknown[]) => unknown,
    rendererInvocations: [] as { channel: string; args: unknown[] }[],
  };
}

export const fakeElectron = initialState();

// ---------------------------------------------------------------------------------------------------
// app

class FakeDock {
  hide(): void {
    fakeElectron.dockHidden = true;
  }
  show(): Promise<void> {
    fakeElectron.dockHidden = false;
    return Promise.resolve();
  }
  setBadge(): void {}
}

class FakeApp extends EventEmitter {
  name = 'Switchboard';
  isPackaged = false;
  dock: FakeDock | undefined = new FakeDock();
  commandLine = { appendSwitch: () => undefined, hasSwitch: () => false, getSwitchValue: () => '' };
  #ready = false;
  #readyWaiters: (() => void)[] = [];

  reset(): void {
    this.removeAllListeners();
    this.#ready = false;
    this.#readyWaiters = [];
    this.dock = new FakeDock();
  }

  /** Test helper: the OS finished starting the app. */
  emitReady(): void {
    this.#ready = true;
    this.emit('ready', fakeEvent(), {});
    for (const waiter of this.#readyWaiters.splice(0)) waiter();
  }

  isReady(): boolean {
    return this.#ready;
  }
  whenReady(): Promise<void> {
    return this.#ready ? Promise.resolve() : new Promise((resolve) => this.#readyWaiters.push(resolve));
  }
  requestSingleInstanceLock(): boolean {
    fakeElectron.appCalls.push('requestSingleInstanceLock');
    return fakeElectron.singleInstanceLock;
  }
  hasSingleInstanceLock(): boolean {
    return fakeElectron.singleInstanceLock;
  }
  releaseSingleInstanceLock(): void {}
  /** Like Electron: before-quit and will-quit may be prevented; then nothing quits. */
  quit(): void {
    fakeElectron.appCalls.push('quit');
    const before = fakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = fakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    fakeElectron.quitCount += 1;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0): void {
    fakeElectron.appCalls.push('exit');
    fakeElectron.exitCode = code;
  }
  focus(): void {}
  setAppUserModelId(id: string): void {
    fakeElectron.appCalls.push('setAppUserModelId');
    fakeElectron.appUserModelId = id;
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean; [key: string]: unknown }): void {
    fakeElectron.loginItemSettings = { ...settings, openAtLogin: settings.openAtLogin ?? false };
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { ...fakeElectron.loginItemSettings };
  }
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    fakeElectron.protocolClients.push({ protocol, ...(path === undefined ? {} : { path }), ...(args === undefined ? {} : { args }) });
    return true;
  }
  isDefaultProtocolClient(protocol: string): boolean {
    return fakeElectron.protocolClients.some((c) => c.protocol === protocol);
  }
  removeAsDefaultProtocolClient(protocol: string): boolean {
    fakeElectron.protocolClients = fakeElectron.protocolClients.filter((c) => c.protocol !== protocol);
    return true;
  }
  getAppPath(): string {
    return fakeElectron.appPath;
  }
  getPath(name: string): string {
    const path = join(fakeElectron.userDataPath, name);
    mkdirSync(path, { recursive: true });
    return path;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return this.name;
  }
  getLocale(): string {
    return 'en-US';
  }
}

export const app = new FakeApp();

// ---------------------------------------------------------------------------------------------------
// sessions

export class FakeSession {
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null =
    null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  headersListener:
    | ((
        details: FakeResponseDetails,
        callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
      ) => void)
    | null = null;
  readonly webRequest = {
    onHeadersReceived: (...args: unknown[]): void => {
      const listener = args.length > 1 ? args[1] : args[0];
      this.headersListener = (listener as FakeSession['headersListener']) ?? null;
    },
  };

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.headersListener = null;
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(): void {}
  setDisplayMediaRequestHandler(): void {}

  /** Test helper: a page asks for a permission. Electron grants by default when no handler is set. */
  requestPermission(permission: string, webContents: unknown = null): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(webContents, permission, resolve, { requestingUrl: 'file:///' }));
  }
  checkPermission(permission: string, origin = 'file:///'): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin, {}) : true;
  }
  /** Test helper: a response arrives; returns the headers the page would see. */
  respond(details: Partial<FakeResponseDetails> & { url: string }): Promise<Record<string, string[]>> {
    const full: FakeResponseDetails = { resourceType: 'mainFrame', responseHeaders: {}, statusCode: 200, method: 'GET', ...details };
    const listener = this.headersListener;
    if (!listener) return Promise.resolve(full.responseHeaders);
    return new Promise((resolve) => listener(full, (response) => resolve(response.responseHeaders ?? full.responseHeaders)));
  }
}

export interface FakeResponseDetails {
  url: string;
  method: string;
  resourceType: string;
  statusCode: number;
  responseHeaders: Record<string, string[]>;
}

const defaultSession = new FakeSession();
export const session = {
  defaultSession,
  fromPartition: (): FakeSession => defaultSession,
};

// ---------------------------------------------------------------------------------------------------
// webContents and frames

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(public url: string) {}
  get top(): FakeFrame {
    return this.parent ? this.parent.top : this;
  }
  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }
}

let nextWebContentsId = 1;
const allWebContents: FakeWebContents[] = [];

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = defaultSession;
  readonly mainFrame = new FakeFrame('');
  /** Every push: channel and arguments, in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler:
    ((details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' }) | null = null;
  #destroyed = false;

  constructor() {
    super();
    allWebContents.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
    // Like Electron, the page finishes loading after the caller has moved on.
    return new Promise((resolve) => {
      setImmediate(() => {
        if (!this.#destroyed) this.emit('did-finish-load');
        resolve();
      });
    });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    // Electron serialises with the structured clone algorithm: functions and class instances do not survive.
    this.sent.push({ channel, args: args.map((a) => structuredClone(a)) });
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  destroy(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }
  focus(): void {}
  openDevTools(): void {}
  isDevToolsOpened(): boolean {
    return false;
  }

  /** Test helper: the payloads pushed on one channel. */
  pushed(channel: string): unknown[] {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.args[0]);
  }
  /** Test helper: the page tries to navigate; true when the navigation was allowed. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame, initiator: this.mainFrame });
    this.emit('will-navigate', event, url, false, true);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return !event.defaultPrevented;
  }
  /** Test helper: the page calls window.open; returns what the handler decided. */
  tryOpenWindow(url: string): 'allow' | 'deny' {
    if (!this.windowOpenHandler) return 'allow';
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }).action;
  }
  /** Test helper: the page tries to attach a <webview>; true when allowed. */
  tryAttachWebview(src = 'https://example.com/'): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, { preload: '/tmp/evil.js' }, { src });
    return !event.defaultPrevented;
  }
}

export const webContents = {
  getAllWebContents: (): FakeWebContents[] => allWebContents.filter((w) => !w.isDestroyed()),
  fromId: (id: number): FakeWebContents | undefined => allWebContents.find((w) => w.id === id),
  getFocusedWebContents: (): FakeWebContents | null => null,
};

// ---------------------------------------------------------------------------------------------------
// BrowserWindow

export interface FakeWindowOptions {
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  show?: boolean;
  alwaysOnTop?: boolean;
  webPreferences?: Record<string, unknown>;
  [key: string]: unknown;
}

let nextWindowId = 1;

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((w) => !w.isDestroyed());
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.windows.find((w) => w.webContents === contents && !w.isDestroyed()) ?? null;
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((w) => w.focused) ?? null;
  }

  readonly id = nextWindowId++;
  readonly options: FakeWindowOptions;
  readonly webContents = new FakeWebContents();
  bounds: FakeRect;
  visible: boolean;
  focused = false;
  /** Every time the window was focused (focus() or show()): the popup must keep this at 0. */
  focusCount = 0;
  showCount = 0;
  showInactiveCount = 0;
  alwaysOnTop: { flag: boolean; level?: string };
  visibleOnAllWorkspaces: { flag: boolean; options?: Record<string, unknown> } = { flag: false };
  skipTaskbar: boolean;
  loadedFile: string | undefined;
  loadedUrl: string | undefined;
  #destroyed = false;

  constructor(options: FakeWindowOptions = {}) {
    super();
    this.options = structuredClone(options);
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = options.show !== false;
    this.alwaysOnTop = { flag: options.alwaysOnTop === true };
    this.skipTaskbar = options.skipTaskbar === true;
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
    app.emit('browser-window-created', fakeEvent(), this);
  }

  loadFile(path: string, options?: { query?: Record<string, string>; hash?: string }): Promise<void> {
    this.loadedFile = path;
    const url = pathToFileURL(path);
    for (const [k, v] of Object.entries(options?.query ?? {})) url.searchParams.set(k, v);
    if (options?.hash) url.hash = options.hash;
    this.loadedUrl = url.href;
    return this.webContents.loadURL(url.href);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.visible = true;
    this.showCount += 1;
    this.focus();
    this.emit('show');
  }
  showInactive(): void {
    this.visible = true;
    this.showInactiveCount += 1;
    this.emit('show');
  }
  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.focused = true;
    this.focusCount += 1;
    this.emit('focus');
  }
  /** Test helper and Electron API: the window loses focus. */
  blur(): void {
    if (!this.focused) return;
    this.focused = false;
    this.emit('blur');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  close(): void {
    if (this.#destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }
  setBounds(bounds: Partial<FakeRect>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  getBounds(): FakeRect {
    return { ...this.bounds };
  }
  setPosition(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y };
  }
  getPosition(): [number, number] {
    return [this.bounds.x, this.bounds.y];
  }
  setSize(width: number, height: number): void {
    this.bounds = { ...this.bounds, width, height };
  }
  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height];
  }
  setContentSize(width: number, height: number): void {
    this.setSize(width, height);
  }
  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.alwaysOnTop = level === undefined ? { flag } : { flag, level };
  }
  isAlwaysOnTop(): boolean {
    return this.alwaysOnTop.flag;
  }
  setVisibleOnAllWorkspaces(flag: boolean, options?: Record<string, unknown>): void {
    this.visibleOnAllWorkspaces = options === undefined ? { flag } : { flag, options: { ...options } };
  }
  setSkipTaskbar(skip: boolean): void {
    this.skipTaskbar = skip;
  }
  moveTop(): void {}
  setMenuBarVisibility(): void {}
  removeMenu(): void {}
}

// ---------------------------------------------------------------------------------------------------
// nativeImage, Menu, Tray

export class FakeNativeImage {
  template = false;
  constructor(public readonly path: string) {}
  isEmpty(): boolean {
    return this.path === '' || !existsSync(this.path);
  }
  setTemplateImage(template: boolean): void {
    this.template = template;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  getSize(): { width: number; height: number } {
    return { width: 16, height: 16 };
  }
}

export const nativeImage = {
  createFromPath: (path: string): FakeNativeImage => new FakeNativeImage(path),
  createEmpty: (): FakeNativeImage => new FakeNativeImage(''),
};

export interface FakeMenuItemOptions {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  checked?: boolean;
  enabled?: boolean;
  visible?: boolean;
  role?: string;
  accelerator?: string;
  click?: (item: FakeMenuItem, window: unknown, event: unknown) => void;
  submenu?: FakeMenuItemOptions[] | FakeMenu;
  [key: string]: unknown;
}

export class FakeMenuItem {
  readonly label: string;
  readonly type: string;
  checked: boolean;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly submenu: FakeMenu | undefined;
  readonly #click: FakeMenuItemOptions['click'];

  constructor(options: FakeMenuItemOptions) {
    this.label = options.label ?? '';
    this.submenu =
      options.submenu instanceof FakeMenu ? options.submenu : options.submenu ? FakeMenu.buildFromTemplate(options.submenu) : undefined;
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    this.checked = options.checked === true;
    this.enabled = options.enabled !== false;
    this.visible = options.visible !== false;
    this.#click = options.click;
  }

  /** Test helper: the user clicks the item (a checkbox flips first, as in Electron). */
  activate(): void {
    if (!this.enabled) throw new Error(`menu item "${this.label}" is disabled`);
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.#click?.(this, undefined, {});
  }
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
  static buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    return new FakeMenu(template.map((t) => new FakeMenuItem(t)));
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    fakeElectron.applicationMenu = menu;
  }
  static getApplicationMenu(): FakeMenu | null {
    return fakeElectron.applicationMenu ?? null;
  }
  /** Test helper: labels of the visible items, separators as '---'. */
  labels(): string[] {
    return this.items.filter((i) => i.visible).map((i) => (i.type === 'separator' ? '---' : i.label));
  }
  /** Test helper: the item at a label path, e.g. find('Simulate incoming call', 'Plain call'). */
  find(...path: string[]): FakeMenuItem | undefined {
    const [first, ...rest] = path;
    const item = this.items.find((i) => i.visible && i.label === first);
    if (!item || rest.length === 0) return item;
    return item.submenu?.find(...rest);
  }
  /** Test helper: clicks the item at a label path; throws when it is not there. */
  click(...path: string[]): void {
    const item = this.find(...path);
    if (!item) throw new Error(`no menu item ${path.join(' › ')} in [${this.labels().join(', ')}]`);
    item.activate();
  }
}
export { FakeMenu as Menu, FakeMenuItem as MenuItem };

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: FakeNativeImage;
  tooltip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  /** How many times a context menu was set: Linux needs it re-set after every change. */
  contextMenuSets = 0;
  #destroyed = false;

  constructor(image: FakeNativeImage | string) {
    super();
    this.image = typeof image === 'string' ? new FakeNativeImage(image) : image;
    Tray.instances.push(this);
  }
  setImage(image: FakeNativeImage | string): void {
    this.image = typeof image === 'string' ? new FakeNativeImage(image) : image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
    this.contextMenuSets += 1;
  }
  getBounds(): FakeRect {
    return { ...fakeElectron.trayBounds };
  }
  /** The menu last popped up (macOS right-click). */
  poppedUpMenu: FakeMenu | null = null;
  popUpContextMenu(menu?: FakeMenu): void {
    this.poppedUpMenu = menu ?? this.contextMenu;
  }
  destroy(): void {
    this.#destroyed = true;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  /** Test helper: the user clicks the icon (where the OS delivers clicks). */
  click(): void {
    this.emit('click', fakeEvent(), this.getBounds(), fakeElectron.cursor);
  }
  /** Test helper: the user right-clicks the icon. */
  rightClick(): void {
    this.emit('right-click', fakeEvent(), this.getBounds());
  }
}

// ---------------------------------------------------------------------------------------------------
// Notification

export interface FakeNotificationOptions {
  title?: string;
  body?: string;
  actions?: { type: string; text?: string }[];
  [key: string]: unknown;
}

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static isSupported(): boolean {
    return fakeElectron.notificationsSupported;
  }
  readonly options: FakeNotificationOptions;
  title: string;
  body: string;
  readonly actions: { type: string; text?: string }[];
  shown = false;
  closed = false;

  constructor(options: FakeNotificationOptions = {}) {
    super();
    this.options = { ...options };
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.actions = [...(options.actions ?? [])];
    Notification.instances.push(this);
  }
  show(): void {
    this.shown = true;
    this.closed = false;
    this.emit('show', fakeEvent());
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', fakeEvent({ reason: 'unknown' }));
  }
  /** Test helper: the user clicks the notification body. */
  click(): void {
    this.emit('click', fakeEvent());
  }
  /** Test helper: the user presses the action button with this text (macOS/Windows). */
  pressAction(text: string): void {
    const actionIndex = this.actions.findIndex((a) => a.text === text);
    if (actionIndex < 0) throw new Error(`notification "${this.title}" has no action "${text}"`);
    this.emit('action', fakeEvent({ actionIndex, selectionIndex: -1 }), actionIndex, -1);
  }
}

// ---------------------------------------------------------------------------------------------------
// globalShortcut

class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  reset(): void {
    this.registered.clear();
  }
  register(accelerator: string, callback: () => void): boolean {
    if (fakeElectron.invalidAccelerators.has(accelerator)) throw new TypeError(`Failed to parse accelerator "${accelerator}"`);
    if (fakeElectron.takenAccelerators.has(accelerator)) return false;
    if (this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  /** Test helper: the user presses the keys; false when nothing is registered for them. */
  press(accelerator: string): boolean {
    const callback = this.registered.get(accelerator);
    callback?.();
    return callback !== undefined;
  }
}
export const globalShortcut = new FakeGlobalShortcut();

// ---------------------------------------------------------------------------------------------------
// IPC

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
  processId: number;
  frameId: number;
  type: 'frame';
}

export interface InvokeAs {
  /** The webContents the request comes from. */
  sender: FakeWebContents;
  /** The sending frame; defaults to the sender's main frame. `null` models a frame that navigated away. */
  senderFrame?: FakeFrame | null;
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
  }
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel);
      return handler(event, ...args);
    });
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /**
   * Test helper: a renderer invokes a channel. Like Electron, a handler that throws reaches the caller as
   * a rejected promise carrying only the message.
   */
  async invoke(channel: string, as: InvokeAs, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event: FakeInvokeEvent = {
      sender: as.sender,
      senderFrame: as.senderFrame === undefined ? as.sender.mainFrame : as.senderFrame,
      processId: 1,
      frameId: 1,
      type: 'frame',
    };
    try {
      // Arguments and results cross a process boundary: structured clone, as Electron does.
      const result = structuredClone(await handler(event, ...args.map((a) => structuredClone(a))));
      fakeElectron.ipcResults.push({ channel, result });
      return result;
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
    }
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  reset(): void {
    this.removeAllListeners();
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    fakeElectron.rendererInvocations.push({ channel, args });
    return Promise.resolve(fakeElectron.rendererInvokeAnswer(channel, args));
  }
  send(): void {
    throw new Error('Switchboard uses invoke only');
  }
  sendSync(): never {
    throw new Error('Switchboard uses invoke only');
  }
  /** Test helper: main pushes an event to this renderer. */
  push(channel: string, payload: unknown): void {
    this.emit(channel, { sender: this }, structuredClone(payload));
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in fakeElectron.exposedInMainWorld)
      throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    fakeElectron.exposedInMainWorld[key] = api;
  },
};

// ---------------------------------------------------------------------------------------------------
// screen, powerMonitor, net

class FakeScreen extends EventEmitter {
  reset(): void {
    this.removeAllListeners();
  }
  getPrimaryDisplay(): FakeDisplay {
    const display = fakeElectron.displays[0];
    if (!display) throw new Error('no displays');
    return structuredClone(display);
  }
  getAllDisplays(): FakeDisplay[] {
    return structuredClone(fakeElectron.displays);
  }
  getDisplayMatching(rect: FakeRect): FakeDisplay {
    const overlap = (d: FakeDisplay): number => {
      const w = Math.min(rect.x + rect.width, d.bounds.x + d.bounds.width) - Math.max(rect.x, d.bounds.x);
      const h = Math.min(rect.y + rect.height, d.bounds.y + d.bounds.height) - Math.max(rect.y, d.bounds.y);
      return Math.max(0, w) * Math.max(0, h);
    };
    const best = [...fakeElectron.displays].sort((a, b) => overlap(b) - overlap(a))[0];
    return best && overlap(best) > 0 ? structuredClone(best) : this.getPrimaryDisplay();
  }
  getDisplayNearestPoint(point: { x: number; y: number }): FakeDisplay {
    return this.getDisplayMatching({ x: point.x, y: point.y, width: 1, height: 1 });
  }
  getCursorScreenPoint(): { x: number; y: number } {
    return { ...fakeElectron.cursor };
  }
}
export const screen = new FakeScreen();

class FakePowerMonitor extends EventEmitter {
  reset(): void {
    this.removeAllListeners();
  }
  isOnBatteryPower(): boolean {
    return false;
  }
  getSystemIdleState(): string {
    return 'active';
  }
}
export const powerMonitor = new FakePowerMonitor();

export const net = {
  isOnline: (): boolean => fakeElectron.online,
  fetch: (input: string | URL | Request, init?: RequestInit): Promise<Response> => fetch(input, init),
};

// ---------------------------------------------------------------------------------------------------
// safeStorage: real AES-256-GCM with a fixed test key, so stored secrets are really unreadable.

const SAFE_STORAGE_KEY = createHash('sha256').update('switchboard fake safeStorage key').digest();
const SAFE_STORAGE_PREFIX = Buffer.from('v10');

function encrypt(plainText: string): Buffer {
  if (!fakeElectron.encryptionAvailable) {
    throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', SAFE_STORAGE_KEY, iv);
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
  return Buffer.concat([SAFE_STORAGE_PREFIX, iv, cipher.getAuthTag(), body]);
}

function decrypt(encrypted: Buffer): string {
  if (!fakeElectron.encryptionAvailable) {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
  }
  if (encrypted.length < 31 || !encrypted.subarray(0, 3).equals(SAFE_STORAGE_PREFIX)) {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  }
  const decipher = createDecipheriv('aes-256-gcm', SAFE_STORAGE_KEY, encrypted.subarray(3, 15));
  decipher.setAuthTag(encrypted.subarray(15, 31));
  try {
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  }
}

export const safeStorage = {
  isEncryptionAvailable: (): boolean => fakeElectron.encryptionAvailable,
  isAsyncEncryptionAvailable: (): Promise<boolean> => Promise.resolve(fakeElectron.encryptionAvailable),
  encryptString: encrypt,
  decryptString: decrypt,
  encryptStringAsync: (plainText: string): Promise<Buffer> => Promise.resolve().then(() => encrypt(plainText)),
  decryptStringAsync: (encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> =>
    Promise.resolve().then(() => ({ result: decrypt(encrypted), shouldReEncrypt: false })),
  getSelectedStorageBackend: (): StorageBackend => fakeElectron.storageBackend,
  setUsePlainTextEncryption: (usePlainText: boolean): void => {
    fakeElectron.usePlainTextEncryption = usePlainText;
  },
};

// ---------------------------------------------------------------------------------------------------
// shell, clipboard, dialog

export const shell = {
  openExternal: (url: string): Promise<void> => {
    fakeElectron.openedExternal.push(url);
    return Promise.resolve();
  },
  openPath: (): Promise<string> => Promise.resolve(''),
  showItemInFolder: (): void => undefined,
  beep: (): void => undefined,
};

/** Electron 45's clipboard is asynchronous (W3C style); `selection` is Linux's primary selection. */
class FakeClipboard {
  constructor(private readonly which: 'clipboard' | 'selection') {}
  readText(): Promise<string> {
    return Promise.resolve(fakeElectron.clipboard[this.which]);
  }
  writeText(text: string): Promise<void> {
    fakeElectron.clipboard[this.which] = text;
    return Promise.resolve();
  }
  has(): Promise<boolean> {
    return Promise.resolve(fakeElectron.clipboard[this.which] !== '');
  }
  clear(): Promise<void> {
    fakeElectron.clipboard[this.which] = '';
    return Promise.resolve();
  }
}
export const clipboard = Object.assign(new FakeClipboard('clipboard'), { selection: new FakeClipboard('selection') });

export interface FakeSaveDialogOptions {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  filters?: { name: string; extensions: string[] }[];
}

export const dialog = {
  showErrorBox: (title: string, content: string): void => {
    fakeElectron.errorBoxes.push({ title, content });
  },
  /** Records the request and answers as the user would: `fakeElectron.saveDialogAnswer` (default: cancelled). */
  showSaveDialog: (
    ...args: [FakeSaveDialogOptions] | [unknown, FakeSaveDialogOptions]
  ): Promise<{ canceled: boolean; filePath: string }> => {
    const options = (args.length === 2 ? args[1] : args[0]) as FakeSaveDialogOptions;
    fakeElectron.saveDialogs.push({ options, hasParent: args.length === 2 });
    const answer = fakeElectron.saveDialogAnswer;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer });
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });

// ---------------------------------------------------------------------------------------------------

/** Clears every record and knob in place (deps hold references to these singletons). */
export function resetFakeElectron(): void {
  for (const w of BrowserWindow.windows) if (!w.isDestroyed()) w.destroy();
  BrowserWindow.windows = [];
  Tray.instances = [];
  Notification.instances = [];
  allWebContents.length = 0;
  Object.assign(fakeElectron, initialState());
  app.reset();
  defaultSession.reset();
  globalShortcut.reset();
  ipcMain.reset();
  ipcRenderer.reset();
  screen.reset();
  powerMonitor.reset();
}

/** Test helper: the windows that loaded a renderer page, e.g. windowsShowing('popup.html'). */
export function windowsShowing(page: string): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => (w.loadedUrl ?? '').includes(page));
}

const electron = {
  app,
  BrowserWindow,
  Tray,
  Menu: FakeMenu,
  MenuItem: FakeMenuItem,
  nativeImage,
  Notification,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  contextBridge,
  session,
  webContents,
  screen,
  powerMonitor,
  net,
  safeStorage,
  shell,
  clipboard,
  dialog,
  nativeTheme,
};
export default electron;
