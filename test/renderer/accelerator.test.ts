import { describe, expect, it } from 'vitest';
import { acceleratorFromKey } from '../../src/renderer/components/accelerator';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {},
  code?: string,
) => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('acceleratorFromKey', () => {
  it('records Ctrl/Alt/Shift combinations as Electron accelerators', () => {
    expect(acceleratorFromKey(press('a', { ctrlKey: true, shiftKey: true }, 'KeyA'), 'linux')).toBe('CommandOrControl+Shift+A');
    expect(acceleratorFromKey(press('!', { ctrlKey: true, shiftKey: true }, 'Digit1'), 'win32')).toBe('CommandOrControl+Shift+1');
    expect(acceleratorFromKey(press('ArrowUp', { altKey: true }), 'linux')).toBe('Alt+Up');
    expect(acceleratorFromKey(press('F9'), 'linux')).toBe('F9');
  });

  it('uses Command and Control on macOS', () => {
    expect(acceleratorFromKey(press('k', { metaKey: true }, 'KeyK'), 'darwin')).toBe('Command+K');
    expect(acceleratorFromKey(press('k', { ctrlKey: true }, 'KeyK'), 'darwin')).toBe('Control+K');
  });

  it('leaves plain typing and lone modifiers alone', () => {
    expect(acceleratorFromKey(press('a'), 'linux')).toBeUndefined();
    expect(acceleratorFromKey(press('Backspace'), 'linux')).toBeUndefined();
    expect(acceleratorFromKey(press('Control', { ctrlKey: true }), 'linux')).toBeUndefined();
    expect(acceleratorFromKey(press('é', { ctrlKey: true }), 'linux')).toBeUndefined();
  });
});
