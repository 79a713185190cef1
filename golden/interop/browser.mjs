// browser.mjs: headless Debian Chromium for the page tests (review, panel),
// offline: every request but the allowed pages is aborted and recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// openOffline starts Chromium with a fresh profile and the flags that keep
// it off the network, opens url and returns { context, page, outside,
// problems, close }: outside lists the requests for anything but the URLs
// of allowed (url is always allowed), problems the console errors and
// uncaught exceptions of the page.
export async function openOffline(url, allowed = []) {
  const pages = new Set([url, ...allowed]);
  const outside = [];
  const problems = [];
  const profile = mkdtempSync(join(tmpdir(), 'gwr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  await context.route('**/*', route => {
    const u = route.request().url();
    if (pages.has(u)) return route.continue();
    outside.push(u);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', e => problems.push(String(e)));
  await page.goto(url);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, outside, problems, close };
}
