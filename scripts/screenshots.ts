/**
 * `npm run screenshots`: the README's pictures, taken from the real pages in Chromium through the
 * browser preview with a realistic demo state — a call on hold, a forwarded call ringing, a missed
 * call in the history — at the windows' real sizes (the shell's PANEL_SIZE and popupSize). Writes
 * docs/screenshots/panel.png, popup.png, settings.png and conference.png.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFERENCE_SIZE, PANEL_SIZE, popupSize } from '../src/main/shell/window-placement';
import { demoCall } from '../src/main/runtime/demo-scenarios';
import { webexSimulatorOf } from '../src/main/runtime/provider-registry';
import { launchChromium } from '../src/preview/chromium';
import { startPreview } from '../src/preview/preview-server';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const POPUP_SIZE = popupSize(1, { x: 0, y: 0, width: 1920, height: 1080 });

const preview = await startPreview({ env: { SWITCHBOARD_POLL_MS: '200' } });
const browser = await launchChromium();
try {
  const simulator = webexSimulatorOf(preview.backend.simulator);
  if (!simulator) throw new Error('The screenshots need the Webex demo: unset SWITCHBOARD_PROVIDER.');
  const { scenario } = simulator;
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ viewport: PANEL_SIZE, colorScheme: 'light' });
  const panel = await context.newPage();
  await panel.goto(new URL('panel.html', preview.url).href);

  // A caller who gave up before anyone answered: the History tab gets its badge.
  const missed = scenario.ringUser({ from: { name: 'Dan Brown', number: '+15550100104', callType: 'external' } });
  await panel.getByRole('article', { name: 'Dan Brown' }).waitFor();
  scenario.remoteHangsUp(missed);
  await panel.getByRole('tab', { name: 'History (1 new)' }).waitFor({ timeout: 15_000 });

  // A call the user answered on the desk phone and put on hold from the panel.
  const held = scenario.ringUser({ from: { name: 'Alice Smith', number: '+15550100101', callType: 'external' } });
  scenario.answerOnDevice(held);
  const heldCard = panel.getByRole('article', { name: 'Alice Smith' });
  await heldCard.getByRole('button', { name: 'Hold', exact: true }).click();
  await heldCard.getByText('On hold').waitFor();

  // And a colleague's busy line forwards a caller to the user.
  scenario.ringUser(demoCall('forwardedBusy'));
  await panel.getByRole('article', { name: 'Carol White' }).getByRole('button', { name: 'Answer' }).waitFor();
  await panel.screenshot({ path: `${OUT}panel.png` });

  const popup = await context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(new URL('popup.html', preview.url).href);
  await popup.getByRole('button', { name: 'Answer' }).waitFor();
  // The picture shows the whole card; if the shell's popup is shorter than its content, say so.
  const needed = await popup.evaluate(() => document.documentElement.scrollHeight);
  if (needed > POPUP_SIZE.height) {
    console.warn(
      `Note: the popup's content is ${needed} px tall but the shell opens it ${POPUP_SIZE.height} px tall (popupSize): the app clips it.`,
    );
    await popup.setViewportSize({ width: POPUP_SIZE.width, height: needed });
  }
  await popup.screenshot({ path: `${OUT}popup.png` });

  await panel.bringToFront();
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('tabpanel').getByRole('checkbox').first().waitFor();
  await panel.screenshot({ path: `${OUT}settings.png` });

  // The conference window: the held call and a new one merged, one participant muted.
  await panel.getByRole('tab', { name: /Calls/ }).click();
  await panel.getByRole('article', { name: 'Carol White' }).getByRole('button', { name: 'Answer' }).click();
  await panel.getByRole('article', { name: 'Carol White' }).getByRole('button', { name: 'Hang up' }).waitFor();
  const conference = await context.newPage();
  await conference.setViewportSize(CONFERENCE_SIZE);
  await conference.goto(new URL('conference.html', preview.url).href);
  await conference.getByRole('button', { name: 'Merge', exact: true }).click();
  const carol = conference.getByRole('listitem', { name: 'Carol White' });
  await carol.getByRole('button', { name: 'Mute', exact: true }).click();
  await carol.getByText('Muted', { exact: true }).waitFor();
  await conference.screenshot({ path: `${OUT}conference.png` });

  const shot = popup.viewportSize() ?? POPUP_SIZE;
  console.log(`Screenshots written to ${OUT} (panel ${PANEL_SIZE.width}×${PANEL_SIZE.height}, popup ${shot.width}×${shot.height}).`);
} finally {
  await browser.close();
  await preview.close();
}
