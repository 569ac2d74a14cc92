/**
 * Produces /preview-bridge.js: bridge-client.ts compiled to plain JavaScript (TypeScript's own
 * transpiler, so the page runs exactly the checked source) and wrapped as a classic script that
 * installs the Bridge with this preview's channel table and token. The table is derived from the
 * contract's one channel table (`CHANNELS`), never written out by hand, so a channel added to the
 * contract reaches the page without touching the preview.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { CHANNELS, takesArgument } from '../shared/contract';
import type { PreviewBridgeConfig } from './bridge-client';

export const BRIDGE_SCRIPT_PATH = '/preview-bridge.js';
export const BRIDGE_SOCKET_PATH = '/bridge';

const CLIENT_SOURCE = fileURLToPath(new URL('./bridge-client.ts', import.meta.url));
const INSTALL = 'installPreviewBridge';

/** Which bridge function speaks on which channel, split into commands and pushes. */
export function bridgeChannelTable(): Pick<PreviewBridgeConfig, 'invoke' | 'push'> {
  const invoke: PreviewBridgeConfig['invoke'] = {};
  const push: PreviewBridgeConfig['push'] = {};
  for (const [name, spec] of Object.entries(CHANNELS)) {
    if (spec.kind === 'invoke') invoke[name] = { channel: spec.channel, takesArgument: takesArgument(spec) };
    else push[name] = spec.channel;
  }
  return { invoke, push };
}

let compiled: string | undefined;

/** bridge-client.ts as JavaScript with its one `export` removed, compiled once per process. */
function compiledClient(): string {
  if (compiled !== undefined) return compiled;
  const output = ts.transpileModule(readFileSync(CLIENT_SOURCE, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
    fileName: CLIENT_SOURCE,
  }).outputText;
  const code = output.replace(new RegExp(`^export function ${INSTALL}\\b`, 'm'), `function ${INSTALL}`);
  // A classic script cannot import or export: catch a change to the client that would break the page.
  if (/^\s*(import|export)\b/m.test(code))
    throw new Error('bridge-client.ts must have no run-time imports and only its one exported function.');
  compiled = code;
  return code;
}

/** The classic script each page loads before its module entry. */
export function bridgeScript(token: string): string {
  const config: PreviewBridgeConfig = { socketPath: `${BRIDGE_SOCKET_PATH}?token=${encodeURIComponent(token)}`, ...bridgeChannelTable() };
  return `(function () {\n'use strict';\n${compiledClient()}\n${INSTALL}(${JSON.stringify(config)}, window);\n})();\n`;
}
