/**
 * The preload: exposes `window.switchboard`, one narrow function per contract channel and nothing else
 * (no ipcRenderer, no channel parameter, no Node). Each function hard-codes its channel; subscriptions
 * drop the IPC event and return an unsubscribe that removes exactly their own listener. Bundled to CJS
 * because a sandboxed preload cannot load ESM; imports only types from the contract so zod stays out.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge, PushChannel, PushEvents, Unsubscribe } from '../shared/contract';

function subscribe<C extends PushChannel>(channel: C, listener: (payload: PushEvents[C]) => void): Unsubscribe {
  const wrapper = (_event: IpcRendererEvent, payload: PushEvents[C]): void => listener(payload);
  ipcRenderer.on(channel, wrapper);
  return () => {
    ipcRenderer.removeListener(channel, wrapper);
  };
}

export const bridge: Bridge = {
  listCalls: () => ipcRenderer.invoke('calls:list'),
  command: (command) => ipcRenderer.invoke('call:command', command),
  history: (query) => ipcRenderer.invoke('history:list', query),
  status: () => ipcRenderer.invoke('status:get'),
  answerEndpoints: () => ipcRenderer.invoke('endpoints:list'),
  reconcile: () => ipcRenderer.invoke('status:reconcile'),
  settings: () => ipcRenderer.invoke('settings:get'),
  updateSettings: (patch) => ipcRenderer.invoke('settings:set', patch),
  appState: () => ipcRenderer.invoke('app:state'),
  simulateIncomingCall: (request) => ipcRenderer.invoke('demo:simulate', request),
  openWindow: (request) => ipcRenderer.invoke('window:open', request),
  hideWindow: (request) => ipcRenderer.invoke('window:hide', request),
  onCallsChanged: (listener) => subscribe('calls:changed', listener),
  onConferencesChanged: (listener) => subscribe('conferences:changed', listener),
  onHistoryChanged: (listener) => subscribe('history:changed', listener),
  onStatusChanged: (listener) => subscribe('status:changed', listener),
  onSettingsChanged: (listener) => subscribe('settings:changed', listener),
  onAppChanged: (listener) => subscribe('app:changed', listener),
  onDialRequested: (listener) => subscribe('dial:requested', listener),
  onNotice: (listener) => subscribe('notice', listener),
  conferences: () => ipcRenderer.invoke('conferences:list'),
  conferenceCommand: (command) => ipcRenderer.invoke('conference:command', command),
  account: () => ipcRenderer.invoke('account:get'),
  signIn: () => ipcRenderer.invoke('account:signIn'),
  cancelSignIn: () => ipcRenderer.invoke('account:cancelSignIn'),
  pasteToken: (request) => ipcRenderer.invoke('account:pasteToken', request),
  setClientSecret: (request) => ipcRenderer.invoke('account:setClientSecret', request),
  signInWithCredentials: (request) => ipcRenderer.invoke('account:signInWithCredentials', request),
  signOut: () => ipcRenderer.invoke('account:signOut'),
  onAccountChanged: (listener) => subscribe('account:changed', listener),
  onViewRequested: (listener) => subscribe('view:requested', listener),
};

contextBridge.exposeInMainWorld('switchboard', bridge);
