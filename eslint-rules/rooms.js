// The rooms of the source tree and which rooms each may import from: the one table that
// docs/architecture.md describes and lint enforces. A room is a folder; `providers/*` and `simulator/*`
// are one room per subfolder (a provider never imports another provider).
import { dirname, relative, resolve, sep } from 'node:path';

/** Room of a file, from its path relative to the repository root (null: not in a room). */
export function roomOf(path) {
  const parts = path.split(sep).join('/').split('/');
  if (parts[0] !== 'src') return null;
  if (parts[1] === 'main') {
    if (parts.length === 3) return 'main-entry';
    if ((parts[2] === 'providers' || parts[2] === 'simulator') && parts.length > 4) return `${parts[2]}/${parts[3]}`;
    if (parts[2] === 'providers' || parts[2] === 'simulator') return parts[2];
    return parts[2];
  }
  return parts[1] ?? null;
}

const BASE = ['shared', 'foundation'];
/** Which rooms a room may import from (besides itself). `providers/*` means any provider folder. */
export const ROOM_IMPORTS = {
  shared: [],
  foundation: ['shared'],
  'provider-api': [...BASE],
  auth: [...BASE, 'provider-api'],
  'providers/*': [...BASE, 'provider-api', 'auth'],
  core: [...BASE, 'provider-api'],
  // The other side of the wire: its own wire types, never the client's.
  'simulator/*': ['foundation', 'simulator/*'],
  runtime: [...BASE, 'provider-api', 'auth', 'core', 'providers/*', 'simulator/*'],
  shell: [...BASE, 'provider-api', 'auth', 'core', 'runtime'],
  'main-entry': ['shell', 'runtime'],
  preview: [...BASE, 'provider-api', 'auth', 'core', 'runtime'],
  preload: ['shared'],
  renderer: ['shared'],
};

function ruleKey(room) {
  if (room.startsWith('providers/')) return 'providers/*';
  if (room.startsWith('simulator/')) return 'simulator/*';
  return room;
}

/** Why `from` may not import `to`, or null when it may. */
export function forbiddenImport(fromRoom, toRoom) {
  if (fromRoom === null || toRoom === null || fromRoom === toRoom) return null;
  const allowed = ROOM_IMPORTS[ruleKey(fromRoom)];
  if (!allowed) return `src/${fromRoom} is not a known room: add it to eslint-rules/rooms.js and docs/architecture.md`;
  const target = ruleKey(toRoom);
  // A provider may not import another provider (providers/* lists only the folder itself implicitly).
  if (target === 'providers/*' && ruleKey(fromRoom) === 'providers/*')
    return `${fromRoom} may not import ${toRoom}: providers never import each other`;
  if (allowed.includes(target)) return null;
  return `${fromRoom} may not import ${toRoom} (it may import: ${allowed.join(', ') || 'nothing outside itself'}); see docs/architecture.md`;
}

const ELECTRON_ROOMS = new Set(['shell', 'preload']);

/** @type {import('eslint').Rule.RuleModule} */
export const roomsRule = {
  meta: { type: 'problem', docs: { description: 'Imports point one way between the rooms of docs/architecture.md' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename);
    const fromRoom = roomOf(file);
    if (fromRoom === null) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source === 'electron' || source.startsWith('electron/')) {
        if (!ELECTRON_ROOMS.has(fromRoom)) context.report({ node, message: 'Only src/main/shell and src/preload may import electron.' });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source));
      const why = forbiddenImport(fromRoom, roomOf(target));
      if (why) context.report({ node, message: why });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { rooms: roomsRule } };
