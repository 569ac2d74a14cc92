/**
 * Turns a key press into an Electron accelerator string ("CommandOrControl+Shift+A") so a shortcut can
 * be recorded by pressing it. Only presses with Ctrl, Alt or Meta (or a function key) count: plain
 * typing edits the field as text. Pure; the shell reports whether the OS lets it register.
 */

const NAMED_KEYS: Record<string, string> = {
  ' ': 'Space',
  '+': 'Plus',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Enter: 'Return',
  Escape: 'Escape',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
};

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS']);

export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

function keyName(press: KeyPress): string | undefined {
  if (/^F([1-9]|1\d|2[0-4])$/.test(press.key)) return press.key;
  const named = NAMED_KEYS[press.key];
  if (named) return named;
  // With Shift or Alt held, `key` is the shifted character ("!", "Å"); the physical key is what registers.
  const fromCode = press.code?.match(/^(?:Key([A-Z])|Digit([0-9]))$/);
  if (fromCode) return fromCode[1] ?? fromCode[2];
  if (/^[a-z0-9]$/i.test(press.key)) return press.key.toUpperCase();
  if (/^[-=[\]\\;',./`]$/.test(press.key)) return press.key;
  return undefined;
}

/** The accelerator for this press, or undefined when it is plain typing or not a usable key. */
export function acceleratorFromKey(press: KeyPress, platform: string): string | undefined {
  if (MODIFIER_KEYS.has(press.key)) return undefined;
  const isFunctionKey = /^F([1-9]|1\d|2[0-4])$/.test(press.key);
  if (!press.ctrlKey && !press.altKey && !press.metaKey && !isFunctionKey) return undefined;
  const key = keyName(press);
  if (!key) return undefined;
  const mac = platform === 'darwin';
  const parts: string[] = [];
  if (mac) {
    if (press.metaKey) parts.push('Command');
    if (press.ctrlKey) parts.push('Control');
  } else {
    if (press.ctrlKey) parts.push('CommandOrControl');
    if (press.metaKey) parts.push('Super');
  }
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}
