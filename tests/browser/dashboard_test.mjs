// Browser test of the dashboard (docs/dashboard.md): codes the sample articles into a fresh
// SQLite store, starts `khabar serve` on a free loopback port, loads the page in headless
// Debian chromium through playwright-core, waits for the map, the timeline and the network,
// clicks an event and checks its report sentence with the highlighted actors and verb, and
// saves screenshots. Fails on any console error, failed request or request off the machine.
//
// Environment (tests/CMakeLists.txt sets the first three):
//   KHABAR_BIN              the khabar CLI
//   KHABAR_WEB_BUILD        the directory where npm ci installed playwright-core (web-build/)
//   KHABAR_SCREENSHOT_DIR   where to save the screenshots (default: build/browser-screenshots)
//   KHABAR_DATA             the data directory, else ../shared/data beside the repository
//   KHABAR_MODELS, KHABAR_CORPUS   as for `khabar code` (tools/run.sh: the sample articles are
//                           $KHABAR_CORPUS, else $KHABAR_DATA/../corpus/seeds)
//   KHABAR_CHROMIUM         the browser (default /usr/bin/chromium)
//   KHABAR_REQUIRE_BROWSER  1: a missing browser fails the test instead of skipping it (exit 77)
//   KHABAR_DASHBOARD_URL    test a server already running there instead of starting one
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SKIP = 77;
const env = process.env;
const chromiumPath = env.KHABAR_CHROMIUM || '/usr/bin/chromium';
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const screenshotDir = env.KHABAR_SCREENSHOT_DIR || path.join(repo, 'build', 'browser-screenshots');
const problems = [];

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

function check(condition, message) {
  if (!condition) fail(message);
  console.log(`ok: ${message}`);
}

function requireBrowser() {
  if (fs.existsSync(chromiumPath)) return;
  const message = `no browser at ${chromiumPath} (apt package chromium; tools/lib.sh kh_install_deps)`;
  if (env.KHABAR_REQUIRE_BROWSER === '1') fail(message);
  console.log(`SKIP: ${message}`);
  process.exit(SKIP);
}

function loadPlaywright() {
  const from = env.KHABAR_WEB_BUILD ? path.resolve(env.KHABAR_WEB_BUILD, 'package.json') : import.meta.url;
  return createRequire(from)('playwright-core');
}

function khabar(args, options = {}) {
  return execFileSync(env.KHABAR_BIN, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
}

function sampleCorpus() {
  const data = env.KHABAR_DATA || path.join(repo, '..', 'shared', 'data');  // as tools/lib.sh
  return path.resolve(env.KHABAR_CORPUS || path.join(data, '..', 'corpus', 'seeds'));
}

// The sample articles coded into DIR/khabar.db, as tools/run.sh does.
function buildDatabase(dir) {
  const seeds = sampleCorpus();
  const db = path.join(dir, 'khabar.db');
  const meta = path.join(seeds, 'articles.meta.jsonl');
  const args = ['code', seeds, ...(fs.existsSync(meta) ? ['--meta', meta] : []), '--db', db, '-q', '--format', 'none'];
  khabar(args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return db;
}

function sql(db, statement) {
  return execFileSync('sqlite3', [db, statement], { encoding: 'utf8' }).trim();
}

// The events as `khabar query` lists them (the server's order), one object per line.
function queryEvents(db) {
  return khabar(['query', '--db', db, '--limit', '0', '--format', 'jsonl'])
    .split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

function byteSpan(sentence, sentenceBegin, text, from = 0) {
  const bytes = Buffer.from(sentence);
  const at = bytes.indexOf(Buffer.from(text), from);
  return at < 0 ? null : [sentenceBegin + at, sentenceBegin + at + Buffer.byteLength(text)];
}

// Until cross-article merging fills reports.extra, no stored report has highlight spans. Then
// the test writes them by hand on TARGET's first report: the source's and target's text as
// found in its sentence, and the first word after the source as the "verb", so the page's
// highlighting is checked either way. Returns whether it wrote them.
function seedHighlightsIfAbsent(db, target) {
  if (Number(sql(db, "SELECT count(*) FROM reports WHERE extra LIKE '%source_span%'")) > 0) return false;
  const report = target.reports[0];
  const [begin] = report.span;
  const source = byteSpan(report.sentence, begin, target.source.text);
  const targetSpan = byteSpan(report.sentence, begin, target.target.text);
  if (!source || !targetSpan) fail(`cannot find the actors of ${target.id} in its sentence to seed highlights`);
  const after = Buffer.from(report.sentence).subarray(source[1] - begin).toString();
  const verbWord = after.match(/[A-Za-z]+/)[0];
  const verb = byteSpan(report.sentence, begin, verbWord, source[1] - begin);
  const extra = JSON.stringify({ source_span: source, target_span: targetSpan, verb_span: verb });
  sql(db, `UPDATE reports SET extra = '${extra}' WHERE id = (SELECT r.id FROM reports r JOIN events e ` +
          `ON e.id = r.event_id WHERE e.event_id = '${target.id}' ORDER BY r.id LIMIT 1)`);
  console.log(`note: no stored highlight spans yet; seeded ${extra} on ${target.id}`);
  return true;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (child.exitCode !== null) fail(`khabar serve exited with ${child.exitCode}`);
    try {
      const response = await fetch(new URL('api/events?page_size=1', url));
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fail(`khabar serve did not answer at ${url}`);
}

async function startServer(db) {
  const port = await freePort();
  const child = spawn(env.KHABAR_BIN, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, child);
  return { url, stop: () => child.kill('SIGTERM') };
}

function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
}

function watchPage(page) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (isLocal(request.url())) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.push(`request off the machine: ${url}`);
    return route.abort();
  });
}

async function checkViews(page) {
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('#map .cluster, #map path.leaflet-interactive').length > 0,
    null, { timeout: 15000 });
  const markers = await page.locator('#map .cluster, #map path.leaflet-interactive').count();
  check(markers > 0, `the map shows ${markers} markers or clusters`);
  const countries = await page.locator('#map path:not(.leaflet-interactive)').count();
  check(countries > 100, `the map draws ${countries} country shapes`);
  const bars = await page.locator('#timeline rect.day').count();
  check(bars > 0, `the timeline draws ${bars} bars`);
  await page.waitForSelector('#network .node', { timeout: 10000 });
  const nodes = await page.locator('#network .node').count();
  const links = await page.locator('#network .link').count();
  check(nodes > 1 && links > 0, `the network draws ${nodes} actors and ${links} links`);
  const rows = await page.locator('#event-list tbody tr').count();
  check(rows > 0, `the event list shows ${rows} rows`);
}

// The event's row (its page of the list is the first: the test picks an event on it).
async function checkEventPanel(page, target, seeded) {
  const row = page.locator(`#event-list tbody tr[data-event-id="${target.id}"]`);
  check(await row.count() === 1, `event ${target.id} is in the list`);
  await row.click();
  await page.waitForSelector(`#event-panel[data-event-id="${target.id}"] .report .sentence`, { timeout: 10000 });
  const sentence = (await page.locator('#event-panel .report .sentence').first().textContent()).trim();
  check(sentence === target.reports[0].sentence.trim(), `the panel shows the report's sentence: "${sentence}"`);
  const reports = await page.locator('#event-panel .report').count();
  check(reports === (target.report_count ?? 1), `the panel shows all ${reports} reports of the event`);
  const marks = await page.locator('#event-panel .report').first().locator('mark.seg')
    .evaluateAll((nodes) => nodes.map((node) => [node.classList[1], node.textContent]));
  const roles = new Set(marks.map(([role]) => role));
  console.log(`highlights: ${JSON.stringify(marks)}${seeded ? ' (seeded by the test)' : ''}`);
  for (const role of ['source', 'verb', 'target']) check(roles.has(role), `the ${role} is highlighted`);
  const source = marks.find(([role]) => role === 'source')[1];
  if (seeded) check(source === target.source.text, `the source highlight is "${target.source.text}"`);
  else check(source.trim() !== '' && sentence.includes(source), `the source highlight "${source}" is in the sentence`);
  const outlet = page.locator('#event-panel .report-head a').first();
  if (await outlet.count()) check(await outlet.getAttribute('rel') === 'noopener noreferrer', 'the article link opens with rel=noopener');
}

async function saveScreenshots(page) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, 'dashboard.png') });
  await page.locator('#event-panel').screenshot({ path: path.join(screenshotDir, 'event-panel.png') });
  console.log(`screenshots in ${screenshotDir}`);
}

// The event on the first page of the list with the most reports (the first in list order
// among equals) whose sentence names both parties.
function pickEvent(events) {
  const named = events.slice(0, 50).filter((e) => e.source?.text && e.target?.text && e.reports.length &&
    e.reports[0].sentence.includes(e.source.text) && e.reports[0].sentence.includes(e.target.text));
  named.sort((a, b) => (b.report_count ?? 1) - (a.report_count ?? 1));  // stable: list order kept
  const target = named[0];
  if (!target) fail('no event on the first page of the list names both parties in its sentence');
  return target;
}

async function main() {
  requireBrowser();
  if (!env.KHABAR_BIN && !env.KHABAR_DASHBOARD_URL) fail('set KHABAR_BIN to the khabar CLI');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-browser-'));
  let server = null;
  let browser = null;
  try {
    let url = env.KHABAR_DASHBOARD_URL;
    let target = null;
    let seeded = false;
    if (!url) {
      const db = buildDatabase(scratch);
      target = pickEvent(queryEvents(db));
      seeded = seedHighlightsIfAbsent(db, target);
      server = await startServer(db);
      url = server.url;
    } else {
      target = (await (await fetch(new URL('api/events?page_size=50', url))).json()).events
        .map((e) => ({ ...e, id: e.event_id ?? e.id })).find((e) => e.source?.text && e.target?.text);
    }
    const { chromium } = loadPlaywright();
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await watchPage(page);
    await page.goto(url);
    try {
      await checkViews(page);
      await checkEventPanel(page, target, seeded);
      await page.waitForTimeout(800);  // the network's layout settles before the screenshot
    } finally {
      await saveScreenshots(page);  // also when a check failed: they show why
    }
    check(problems.length === 0, `no console errors or failed requests${problems.length ? `:\n  ${problems.join('\n  ')}` : ''}`);
  } finally {
    if (browser) await browser.close();
    if (server) server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  if (!process.exitCode) console.error(error);
  process.exitCode = 1;
});
