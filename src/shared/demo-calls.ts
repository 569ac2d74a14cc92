/**
 * The demo's "Simulate incoming call" menu: its kinds (the contract's schema accepts exactly these)
 * and their names, shown alike in the panel and in the tray. Pure data.
 */
/** The menu's own name, in the panel and in the tray. */
export const DEMO_MENU_LABEL = 'Simulate incoming call';

export const DEMO_CALL_KINDS = ['plain', 'forwardedBusy', 'callQueue', 'parkRecall'] as const;
export type DemoCallKind = (typeof DEMO_CALL_KINDS)[number];

export const DEMO_CALL_LABELS: Readonly<Record<DemoCallKind, string>> = {
  plain: 'Plain call',
  forwardedBusy: 'Forwarded (busy)',
  callQueue: 'Call queue',
  parkRecall: 'Park recall',
};
