// Headless Chromium for the storefront's end-to-end tests, driven through playwright-core, which
// downloads no browser: Debian's chromium at /usr/bin/chromium, or CHROMIUM_PATH's executable
// (`node scripts/ensure-deps.mjs --browser`, run by `npm test`, installs it when missing).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where the tests write their screenshots (git-ignored). */
export const SCREENSHOTS_DIR = path.resolve(import.meta.dirname, '..', '.artifacts', 'storefront');

export function launchBrowser(): Promise<Browser> {
  // No sandbox: CI containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

/** Saves the page as it is now to SCREENSHOTS_DIR/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
