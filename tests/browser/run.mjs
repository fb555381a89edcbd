// Headless-browser tests of the Parallax web UI.
//
// Ingests the bundled example (examples/xi-putin-call), a hostile article and a second example
// (examples/airasia-search) into a fresh
// store, serves it with `parallax serve`, and drives Debian's Chromium through playwright-core.
// Every check runs even when an earlier one failed; the run exits 1 naming each failed check,
// or 0 with one line per passed check. Screenshots go to target/screenshots/.
//
// Environment: PARALLAX_BIN (default: target/release/parallax in this repository).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = resolve(process.env.PARALLAX_BIN || join(REPO, 'target/release/parallax'));
const EXAMPLE = join(REPO, 'examples/xi-putin-call');
const SECOND_EXAMPLE = join(REPO, 'examples/airasia-search');
// A file id of the bundled example (NNN_ and 16 hex digits): a page should never show one as a name.
const FILE_ID = /\b\d{3}_[0-9a-f]{16}\b/;
const SHOTS = join(REPO, 'target/screenshots');
const CHROMIUM = '/usr/bin/chromium';

// The hostile article: ordinary news prose with markup that must stay text.
const SCRIPT_TAG = '<script>window.__xss = 1</script>';
const IMG_TAG = '<img src=x onerror="window.__xss = 2">';
const HOSTILE_WORD = 'Elsmere'; // occurs only in the hostile article
const HOSTILE = `Harbor city council approves new flood barrier funding

The city council of Port Elsmere voted on Tuesday to fund a new flood barrier along the harbor front, after a winter of record storm surges.

Engineers said the barrier would protect about four thousand homes. One resident posted a message on the council forum that read ${SCRIPT_TAG} before moderators removed it.

Another comment contained ${IMG_TAG} and was also flagged by the forum software.

Construction is expected to begin next spring and to take two years, the council said.
`;

class CheckError extends Error {}
function assert(condition, message) {
  if (!condition) throw new CheckError(message);
}

/** Runs the parallax binary to completion; throws with its output when it fails. */
function parallax(...args) {
  const r = spawnSync(BIN, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run ${BIN}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`parallax ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  }
  return r.stdout + r.stderr;
}

/** A TCP port that was free a moment ago (bind port 0, read it back, close). */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts `parallax serve` and waits until `/` answers 200. */
async function startServer(db, port) {
  const child = spawn(BIN, ['serve', '--db', db, '--addr', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`parallax serve exited ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${base}/`);
      if (r.ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`parallax serve did not answer on ${base}/ within 15 s:\n${log}`);
}

/** Stops the server: SIGTERM, then SIGKILL if it lingers. */
async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** Asserts that a page holding the hostile text ran none of it. */
async function assertInert(page, dialogs, where) {
  assert(dialogs.length === 0, `${where}: a dialog fired: ${JSON.stringify(dialogs)}`);
  const xss = await page.evaluate(() => typeof window.__xss);
  assert(xss === 'undefined', `${where}: window.__xss is set (typeof ${xss}): article markup ran`);
  const dom = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    onerror: document.querySelectorAll('[onerror]').length,
    // An injected <script> blocked only by the Content-Security-Policy still counts.
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__xss')).length,
  }));
  assert(dom.img === 0, `${where}: article markup became an element: ${dom.img} img[src="x"] in the DOM`);
  assert(dom.onerror === 0, `${where}: ${dom.onerror} element(s) with an onerror attribute in the DOM`);
  assert(dom.scripts === 0, `${where}: article markup became a <script> element (${dom.scripts})`);
}

async function main() {
  if (!existsSync(BIN)) {
    console.error(`FAIL setup: no parallax binary at ${BIN} (build it with cargo build --release, or set PARALLAX_BIN)`);
    process.exit(1);
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-browser-'));
  let server;
  let browser;
  // Never leave the server behind, even when node is interrupted.
  const killServer = () => server?.child.kill('SIGKILL');
  process.once('exit', killServer);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

  const results = [];
  try {
    // Fresh store: the example, then the hostile article (its own topic, so its own story).
    const db = join(tmp, 'store.db');
    parallax('ingest', EXAMPLE, '--db', db);
    const hostileDir = join(tmp, 'hostile');
    mkdirSync(hostileDir);
    writeFileSync(join(hostileDir, 'harbor-flood-barrier.txt'), HOSTILE);
    parallax('ingest', hostileDir, '--db', db);
    parallax('ingest', SECOND_EXAMPLE, '--db', db);

    server = await startServer(db, await freePort());
    const { base } = server;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
    const path = () => new URL(page.url()).pathname;
    // Later checks start from the story page even when check a could not get there.
    const onStory = async () => {
      if (path() !== '/story/1') await page.goto(`${base}/story/1`);
    };

    const checks = [
      ['a. story list leads to the example story', async () => {
        await page.goto(`${base}/`);
        await page.locator('table.stories').waitFor();
        await shot('a-story-list');
        const links = page.locator('table.stories a[href^="/story/"]');
        const stories = await links.count();
        assert(stories >= 2, `expected the example and the hostile story in table.stories, found ${stories} story links`);
        const link = links.filter({ hasText: /\bXi\b/ });
        assert((await link.count()) === 1, `expected one story link whose title mentions Xi, found ${await link.count()}`);
        const title = (await link.innerText()).trim();
        await Promise.all([page.waitForURL(`${base}/story/*`), link.click()]);
        assert(path() === '/story/1', `clicking "${title}" led to ${page.url()}, not /story/1`);
        return `${stories} stories listed; "${title}" -> /story/1`;
      }],

      ['b. the conflict is shown as one paired row', async () => {
        await onStory();
        const conflicts = page.locator('div.conflict');
        assert((await conflicts.count()) > 0, 'no div.conflict on /story/1');
        const row = page.locator('div.conflict', { hasText: /Kremlin/ }).first();
        assert((await row.count()) === 1, 'no conflict row mentions the Kremlin');
        assert(await row.isVisible(), 'the conflict row is not visible');
        await row.scrollIntoViewIfNeeded();
        await row.screenshot({ path: join(SHOTS, 'b-conflict.png') });
        const texts = (await row.locator('p.pair span.pair-side').allInnerTexts()).map((t) => t.trim());
        assert(texts.length >= 2, `expected at least 2 span.pair-side, found ${texts.length}`);
        assert(texts.every((t) => t.length > 0), 'a side is empty');
        assert(new Set(texts).size === texts.length, 'two sides have the same text');
        const heads = texts.map((t) => t.split(':')[0]);
        const kremlin = texts.findIndex((t) => /Kremlin/i.test(t.split(':')[0]));
        assert(kremlin >= 0, `no side is headed by the Kremlin; the sides are headed ${JSON.stringify(heads)}`);
        const chinese = /CCTV|Xinhua|Chinese state|state broadcaster|China's Foreign Ministry|People's Daily|Global Times/i;
        const other = texts.findIndex((t, i) => i !== kremlin && chinese.test(t.split(':')[0]));
        assert(other >= 0, `no side other than "${heads[kremlin]}" is headed by a Chinese channel; sides: ${JSON.stringify(heads)}`);
        const cited = await row.locator('sup a').count();
        assert(cited >= 2, `each side cites its evidence; found ${cited} citations`);
        return `${texts.length} sides: ${heads.join(' | ')}`;
      }],

      ['c. the statements-by-outlets matrix', async () => {
        await onStory();
        // The matrix is one click away, under the journalist's sections.
        await page.locator('details.more-views > summary').first().click();
        const matrix = page.locator('table.matrix').first();
        assert((await page.locator('table.matrix').count()) > 0, 'no table.matrix on /story/1');
        assert(await matrix.isVisible(), 'table.matrix is not visible');
        await matrix.scrollIntoViewIfNeeded();
        await matrix.screenshot({ path: join(SHOTS, 'c-matrix.png') });
        const shape = await matrix.evaluate((t) => {
          const rows = [...t.rows];
          const header = rows.find((r) => r.querySelector('th'));
          const body = rows.filter((r) => r.querySelector('td'));
          return {
            outlets: header ? header.cells.length - 1 : 0, // first column: the statement
            rows: body.length,
            marked: body.filter((r) => [...r.cells].slice(1).some((c) => c.textContent.trim())).length,
          };
        });
        assert(shape.outlets >= 2, `expected at least 2 outlet columns in table.matrix, found ${shape.outlets}`);
        assert(shape.marked >= 1, `no row of table.matrix (${shape.rows} rows) has a mark in an outlet column`);
        return `${shape.outlets} outlet columns, ${shape.marked} of ${shape.rows} rows marked`;
      }],

      ['d. a summary citation jumps to its highlighted sentence', async () => {
        await onStory();
        const summary = page.locator('h3', { hasText: /^\s*What happened\s*$/ });
        assert((await summary.count()) === 1, 'no <h3>What happened</h3> on /story/1');
        const cite = summary.locator('xpath=following-sibling::*').locator('sup a[href^="#d"]').first();
        assert((await cite.count()) === 1, 'no citation sup a[href^="#d"] after the Summary heading');
        const section = await cite.evaluate((a) => document.evaluate('preceding::h3[1]', a, null,
          XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.textContent.trim());
        assert(section === 'What happened', `the first citation after the summary heading lies in section "${section}"`);
        const href = await cite.getAttribute('href');
        await cite.click();
        await page.waitForFunction((h) => location.hash === h, href, { timeout: 3000 }).catch(() => {});
        const hash = await page.evaluate(() => location.hash);
        assert(hash === href, `after clicking the citation location.hash is "${hash}", expected "${href}"`);
        const id = decodeURIComponent(href.slice(1));
        const target = await page.evaluate((id) => {
          const el = document.getElementById(id);
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return {
            text: el.textContent.trim(),
            visible: el.checkVisibility(),
            inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
              r.top < innerHeight && r.left < innerWidth,
            target: el.matches(':target'),
            background: getComputedStyle(el).backgroundColor,
          };
        }, id);
        assert(target, `the citation points to #${id}, but no element has that id`);
        assert(target.text, `#${id} is empty`);
        assert(target.visible, `#${id} is not visible`);
        assert(target.inViewport, `#${id} was not scrolled into the viewport`);
        assert(target.target, `#${id} does not match :target`);
        assert(!/^rgba\(0, 0, 0, 0\)$|^transparent$/.test(target.background), `#${id} is not highlighted (background ${target.background})`);
        await shot('d-citation-target');
        return `${href} -> "${target.text.slice(0, 60)}…" (:target, background ${target.background})`;
      }],

      ['e. header search finds Gabuev', async () => {
        await onStory();
        await page.locator('input#search').fill('Gabuev');
        await Promise.all([page.waitForURL(`${base}/search?*`), page.locator('input#search').press('Enter')]);
        const q = new URL(page.url()).searchParams.get('q');
        assert(path() === '/search' && q === 'Gabuev', `submitting the search led to ${page.url()}`);
        const hits = page.locator('#quote-hits li, #document-hits li').filter({ hasText: 'Gabuev' });
        const quotes = await page.locator('#quote-hits li').filter({ hasText: 'Gabuev' }).count();
        const articles = await page.locator('#document-hits li').filter({ hasText: 'Gabuev' }).count();
        assert((await hits.count()) >= 1, 'no quote or article hit containing "Gabuev" on the results page');
        const stories = await page.locator('#story-hits a[href^="/story/"]').count();
        assert(stories >= 1, 'no story hit for "Gabuev", though a story quotes him');
        assert(await hits.first().isVisible(), 'the first hit containing "Gabuev" is not visible');
        await shot('e-search-gabuev');
        return `${stories} story hit(s), ${quotes} quote hit(s), ${articles} article hit(s) mention Gabuev`;
      }],

      ['f. hostile markup in an article stays text', async () => {
        await page.goto(`${base}/`);
        await page.locator('input#search').fill(HOSTILE_WORD);
        await Promise.all([page.waitForURL(`${base}/search?*`), page.locator('input#search').press('Enter')]);
        await assertInert(page, dialogs, 'search results');
        const doc = page.locator('#document-hits a[href^="/document/"]', { hasText: 'flood barrier' });
        assert((await doc.count()) === 1, `searching "${HOSTILE_WORD}" lists ${await doc.count()} hostile article links (expected 1)`);
        await Promise.all([page.waitForURL(`${base}/document/*`), doc.click()]);
        await page.waitForLoadState('load'); // a broken <img src=x> would have fired onerror by now
        const text = await page.locator('body').innerText();
        assert(text.includes(SCRIPT_TAG), `the document page does not show the literal ${SCRIPT_TAG}`);
        assert(text.includes('onerror='), 'the document page does not show the literal onerror=');
        await assertInert(page, dialogs, path());
        await shot('f-hostile-document');
        // The article is its own story, and that story's page is just as inert.
        const story = page.locator('a[href^="/story/"]').first();
        const storyPath = await story.getAttribute('href');
        assert(storyPath && storyPath !== '/story/1', `the hostile article landed in ${storyPath}, not a story of its own`);
        await Promise.all([page.waitForURL(`${base}${storyPath}`), story.click()]);
        await page.waitForLoadState('load');
        assert((await page.locator('body').innerText()).includes(SCRIPT_TAG), `${storyPath} does not show the literal ${SCRIPT_TAG}`);
        await assertInert(page, dialogs, storyPath);
        return `markup shown as text and inert on the search page, the document page and ${storyPath}`;
      }],
      ['g. pasting an article in the upload form stores it as a story', async () => {
        await page.goto(`${base}/add`);
        const pasted =
          'Workers at the Ardmore glassworks walked out on Thursday over unpaid overtime, the union said. ' +
          'The company said talks with the Ardmore union would resume next week.';
        await page.locator('textarea#pasted').fill(pasted);
        await page.locator('input#outlet').fill('Ardmore Gazette');
        await page.locator('#upload button[type="submit"]').click();
        const link = page.locator('#result a[href^="/story/"]');
        await link.first().waitFor({ state: 'visible', timeout: 15000 });
        const status = await page.locator('#result').innerText();
        assert(/1 added/.test(status), `the form reports "${status.split('\n')[0]}", not one article added`);
        await shot('g-upload');
        await Promise.all([page.waitForURL(`${base}/story/*`), link.first().click()]);
        const text = await page.locator('body').innerText();
        assert(text.includes('Ardmore glassworks'), 'the new story page does not show the pasted text');
        assert(text.includes('Ardmore Gazette'), 'the new story page does not name the outlet given in the form');
        const storyPath = path();
        // The story list's outlet filter finds it.
        await page.goto(`${base}/?outlet=${encodeURIComponent('Ardmore Gazette')}`);
        const rows = await page.locator('table.stories a[href^="/story/"]').count();
        assert(rows === 1, `filtering the story list by the outlet shows ${rows} stories (expected 1)`);
        await page.goto(`${base}/?outlet=${encodeURIComponent('ardmore GAZETTE')}`);
        const anyCase = await page.locator('table.stories a[href^="/story/"]').count();
        assert(anyCase === 1, `the outlet filter is case-sensitive: "ardmore GAZETTE" shows ${anyCase} stories`);
        return `stored and shown at ${storyPath}; the outlet filter lists it`;
      }],
      ['h. the example names its outlets and links its documents', async () => {
        await onStory();
        const meta = await page.locator('section > p.meta').first().innerText();
        assert(/Bloomberg/.test(meta), `the story header does not name Bloomberg: "${meta}"`);
        assert(!FILE_ID.test(meta), `the story header names a document by its file id: "${meta}"`);
        const docs = page.locator('ol.story-documents li');
        const n = await docs.count();
        assert(n === 5, `expected the 5 documents listed under Documents, found ${n}`);
        const names = (await docs.locator('b').allInnerTexts()).map((t) => t.trim());
        assert(names.filter((t) => /^Bloomberg/.test(t)).length === 2, `two documents are Bloomberg's; the list names ${JSON.stringify(names)}`);
        assert(names.every((t) => t && !FILE_ID.test(t)), `a document goes by its file id: ${JSON.stringify(names)}`);
        const sides = (await page.locator('div.conflict span.pair-side b').allInnerTexts()).map((t) => t.trim());
        assert(sides.length >= 2 && sides.every((t) => t && !FILE_ID.test(t)), `a conflict side is unnamed: ${JSON.stringify(sides)}`);
        const link = docs.first().locator('a');
        const href = await link.getAttribute('href');
        assert(/^#d\d+$|^\/document\//.test(href || ''), `the first document links to "${href}"`);
        await link.click();
        if (href.startsWith('#')) {
          const shown = await page.evaluate((id) => {
            const el = document.getElementById(id);
            return el && el.matches(':target') && el.checkVisibility();
          }, href.slice(1));
          assert(shown, `clicking the document link did not show ${href}`);
        }
        await page.locator('ol.story-documents').scrollIntoViewIfNeeded();
        await shot('h-documents');
        return `header "${meta.slice(0, 80)}"; documents ${names.join(' | ')}`;
      }],

      ['i. a second example: outlets named, the conflict paired with both values, documents linked', async () => {
        await page.goto(`${base}/search?q=${encodeURIComponent('AirAsia')}`);
        const hit = page.locator('a[href^="/story/"]').filter({ hasText: /\S/ }).first();
        assert((await hit.count()) === 1, 'searching "AirAsia" lists no story');
        await Promise.all([page.waitForURL(`${base}/story/*`), hit.click()]);
        const meta = await page.locator('section > p.meta').first().innerText();
        assert(/Associated Press/.test(meta), `the story header does not name the Associated Press: "${meta}"`);
        const row = page.locator('div.conflict', { has: page.locator('mark') }).first();
        assert((await row.count()) === 1, 'no conflict row with a marked value');
        const sides = row.locator('span.pair-side');
        assert((await sides.count()) >= 2, 'the conflict row has fewer than two sides');
        const marked = await row.locator('span.pair-side mark').allInnerTexts();
        assert(marked.length >= 2 && new Set(marked).size >= 2, `both sides' values are marked and differ: ${JSON.stringify(marked)}`);
        await row.scrollIntoViewIfNeeded();
        await row.screenshot({ path: join(SHOTS, 'i-second-example-conflict.png') });
        const links = await page.locator('ol.story-documents li a').count();
        assert(links === 3, `expected the 3 documents linked, found ${links}`);
        return `${path()}: values ${marked.join(' vs ')}; ${links} documents linked`;
      }],
    ];

    for (const [name, check] of checks) {
      try {
        results.push({ name, ok: true, detail: await check() });
      } catch (e) {
        results.push({ name, ok: false, detail: e instanceof CheckError ? e.message : String(e.stack || e) });
        await shot(`FAILED-${name.slice(0, 1)}`).catch(() => {});
      }
    }
  } catch (e) {
    results.push({ name: 'setup', ok: false, detail: String(e.stack || e) });
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(server?.child);
    rmSync(tmp, { recursive: true, force: true });
  }

  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`\nbrowser tests FAILED: ${failed.map((r) => r.name.split(/[.:]/)[0]).join(', ')} (screenshots in ${SHOTS})`);
    process.exit(1);
  }
  console.log(`\nall ${results.length} browser checks passed (screenshots in ${SHOTS})`);
}

await main();
