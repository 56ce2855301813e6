// Debian's Chromium driven by playwright-core (never a downloaded browser), for the tests in
// tests/browser/: one way to launch it, collect what the page reports, and leave no process behind.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];

/**
 * Launches headless Chromium with a fresh profile in `dir` (a temp dir the caller removes), and
 * HOME inside it too: Chromium's crash handler writes below $HOME/.config/chromium otherwise.
 * Close the returned context, then call reapChromium(dir).
 */
export function launchChromium(dir) {
  return chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 30_000,
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
  });
}

/** The context's page, with everything it logs, throws or fails to load collected in `log`. */
export async function openPage(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const log = [];
  page.on('console', (message) => log.push(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log.push(`pageerror: ${error.stack ?? error}`));
  page.on('requestfailed', (request) => log.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`));
  return { page, log };
}

/** Live processes whose command line contains `text` (zombies have none, so they never match). */
function processesMentioning(text) {
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
    } catch {
      return false; // exited while we looked
    }
  });
}

/**
 * Every Chromium process (browser, zygotes, renderers, crashpad handlers that outlive their parent
 * for a moment) names the run's temp dir on its command line: wait for them to go, then kill
 * stragglers by pid, so no test run leaves a process behind.
 */
export async function reapChromium(dir) {
  for (let waited = 0; waited < 5000 && processesMentioning(dir).length > 0; waited += 100) await sleep(100);
  for (const pid of processesMentioning(dir)) process.kill(Number(pid), 'SIGKILL');
}

/**
 * Tears a browser test down in the one safe order: close the browser, reap its processes, remove
 * its temp dir, then stop the static server. `state.context` is read at teardown time, so a test
 * may launch the browser after registering this.
 */
export async function closeBrowserTest(state, temp, server) {
  try {
    await state.context?.close();
  } finally {
    await reapChromium(temp.dir);
    temp.remove();
    server.closeAllConnections();
    if (server.listening) await new Promise((done) => server.close(done));
  }
}
