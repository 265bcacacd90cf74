#!/usr/bin/env node
/**
 * `npm test`'s pretest: the HTML report is tested in a real browser
 * (reports/html.browser.test.ts), Debian's Chromium driven by
 * playwright-core — a browser download would fail on a closed network. On
 * a fresh Debian machine (Node 20 and npm only), install it with apt-get;
 * elsewhere say what is missing and how to get it.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) {
    process.stderr.write(`kube-netlab: ${CHROMIUM} not found; the HTML report's browser test needs Debian's chromium. Install it (apt-get install -y chromium) and run npm test again.\n`);
    process.exit(1);
  }
  process.stdout.write('kube-netlab: installing Debian\'s chromium for the HTML report\'s browser test (apt-get)…\n');
  if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', 'chromium']) || !existsSync(CHROMIUM)) {
    process.stderr.write('kube-netlab: could not install chromium with apt-get (needed by reports/html.browser.test.ts)\n');
    process.exit(1);
  }
}
