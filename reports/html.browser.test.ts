/**
 * report.html in a real browser: headless Chromium (Debian's chromium
 * package) driven by playwright-core. Opens the report of a failing run from
 * a temp folder and checks that the summary, the failure and its reason are
 * visible; saves a screenshot to testdata/report.png for the README.
 * Chromium is required, not optional: `npm test`'s pretest installs it
 * (scripts/ensure-chromium.mjs).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildReport } from './model.ts';
import { META, SCENARIOS } from './testdata/failing-run.ts';
import { writeReports } from './write.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(import.meta.dirname, 'testdata', 'report.png');
// --disable-background-networking & co.: on a closed network Chromium's start-up connections are refused.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('report.html in headless Chromium', () => {
  let browser: Browser | undefined;
  let page: Page;
  let dir: string;
  const requests: string[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: the HTML report's browser test needs Debian's chromium. Run: apt-get install -y chromium`);
    dir = mkdtempSync(join(tmpdir(), 'kube-netlab-report-'));
    const written = writeReports(buildReport(SCENARIOS, META), dir);
    if (!written.ok) throw new Error(written.error);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the summary per Service type first, with the failed NodePort group', async () => {
    const summary = page.locator('#summary');
    expect(await summary.isVisible()).to.equal(true);
    const row = summary.locator('tr.group-service-type', { hasText: 'NodePort' });
    expect(await row.isVisible()).to.equal(true);
    expect((await row.locator('td').allInnerTexts()).map((t) => t.trim())).to.deep.equal(['NodePort', '0', '2', '2', '0%', '0 / 5']);
    const top = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
    expect(await top('#summary')).to.be.lessThan(await top('#failed'));
  });

  it('shows the failed scenario with its failure message', async () => {
    const article = page.locator('article.scenario', { hasText: 'The NodePort answers from outside the cluster' });
    expect(await article.isVisible()).to.equal(true);
    const failure = article.locator('pre.failure');
    expect(await failure.isVisible()).to.equal(true);
    expect(await failure.innerText()).to.include('Expected the output to contain:');
  });

  it('shows the reason the data plane gave', async () => {
    const reason = page.locator('article.scenario', { hasText: 'The NodePort answers' }).locator('ul.reasons li');
    expect(await reason.isVisible()).to.equal(true);
    expect(await reason.innerText()).to.equal('service default/mynginx has no endpoints: its selector run=mynginx-typo matches no pod in namespace default');
  });

  it('draws the cluster diagram with the stopped request', async () => {
    const svg = page.locator('article.scenario', { hasText: 'The NodePort answers' }).locator('svg.cluster');
    expect(await svg.isVisible()).to.equal(true);
    expect(await svg.locator('g.path.stopped').count()).to.equal(1);
    expect((await svg.boundingBox())!.width).to.be.greaterThan(200);
  });

  it('renders student markup as text, runs no script and loads nothing else', async () => {
    const evil = page.locator('article.scenario', { hasText: 'Student output is escaped' });
    expect(await evil.locator('h3').innerText()).to.include('<b>everywhere</b>');
    expect(await evil.locator('pre.run').innerText()).to.include('<script>alert("x")</script>');
    expect(await page.locator('script').count()).to.equal(0);
    expect(requests.filter((u) => !u.startsWith('file://'))).to.deep.equal([]);
    expect(requests).to.have.length(1);
  });

  it('saves a screenshot for the README', async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).to.equal(true);
  });
});
