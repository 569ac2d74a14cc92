/**
 * The tray's context menu as the user reads it ('---' a separator), spelled once for the tray model's
 * test (tray-model.test.ts) and the shell's (tray.test.ts), which must show the same menu. Not a test.
 */

/** No call: the app's own entries. */
export const IDLE_MENU: readonly string[] = ['Show panel', '---', 'Do not disturb', 'Settings', 'Save diagnostics…', '---', 'Quit'];

/** One call ringing: Answer and Decline it, between the panel and the app's own entries. */
export const RINGING_MENU: readonly string[] = [
  'Show panel',
  '---',
  'Answer',
  'Decline',
  '---',
  'Do not disturb',
  'Settings',
  'Save diagnostics…',
  '---',
  'Quit',
];
