/**
 * Starts Debian's Chromium (/usr/bin/chromium) through playwright-core for the end-to-end tests, the
 * screenshots and the browser benchmark: headless, no sandbox (CI runs as root), no GPU, no background
 * traffic, a fresh profile each time. Never downloads a browser: a missing Chromium is an error that
 * says how to install it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package (sudo apt-get install -y chromium; .ci/run does this) ` +
        'or set SWITCHBOARD_CHROMIUM to a Chromium binary. The browser tests never download one.',
    );
  }
  // launch() gives every browser a fresh temporary profile and removes it on close.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
