// page.mjs -- the protocol editor page in a real browser (tests/web.test):
// puppeteer-core drives Debian's Chromium against `aftercare serve`.
//
//   node web/test/page.mjs URL SCREENSHOT
//
// Prints "ok N - WHAT" or "not ok N - WHAT" for each check, then
// "N passed, M failed"; exits 1 when a check failed.
import { readFileSync, writeFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const [url, screenshot] = process.argv.slice(2);
const origin = new URL(url).origin;
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;
let failed = 0;
function check(what, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok ${passed + failed} - ${what}`);
  } else {
    failed++;
    console.log(`not ok ${passed + failed} - ${what}${detail !== undefined ? `: ${detail}` : ''}`);
  }
}

// A clinic that forbids swimming of any kind for six weeks (days 0..42;
// smp forbids it for 30 days), with a typo on line 10 ("forbd").
const PROTOCOL = `# A clinic of the browser test.
protocol test_clinic {
  title "Test clinic";
  version "1";
}
extends "smp";

# Swimming: six weeks, not thirty days.
rule no_swimming_six_weeks:
  forbd any_swimming first 6 weeks
  because "No swimming for six weeks.";
`;
const TYPO_LINE = 10;
const TYPO_COLUMN = 3;
const RULE_LINE = PROTOCOL.split('\n').findIndex((l) => l.startsWith('rule no_swimming_six_weeks')) + 1;

const text = async (page, selector) => page.$eval(selector, (e) => e.textContent);
const waitText = (page, selector, re, timeout = 10000) =>
  page.waitForFunction(
    (s, source) => {
      const e = document.querySelector(s);
      return e && new RegExp(source).test(e.textContent);
    },
    { timeout }, selector, re.source);

// Deuteranopia (Machado, Oliveira and Fernandes 2009, severity 1) of an
// sRGB colour, then CIE L*a*b*: the legend's colours must stay apart.
function deuteranopia([r, g, b]) {
  const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const [R, G, B] = [r, g, b].map(lin);
  const m = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]];
  return m.map((row) => Math.min(1, Math.max(0, row[0] * R + row[1] * G + row[2] * B)));
}
function lab([R, G, B]) {
  const X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const Y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const downloads = mkdtempSync(join(tmpdir(), 'aftercare-web-'));
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1100 });
  const outside = [];
  const errors = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob|about):/.test(r.url())) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });

  await page.goto(url, { waitUntil: 'networkidle0' });
  await waitText(page, '#diagnostic-status', /^0 errors, 0 warnings$/);
  check('the template checks without errors', true);

  // ---- typing a protocol with a typo ----
  await page.click('.cm-content');
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.sendCharacter(PROTOCOL);
  await page.waitForSelector('#diagnostic-list li.diagnostic.error', { timeout: 10000 });
  const diags = await page.$$eval('#diagnostic-list li.diagnostic', (items) =>
    items.map((i) => ({ code: i.dataset.code, line: Number(i.dataset.line), column: Number(i.dataset.column), text: i.textContent })));
  check('one diagnostic for the typo', diags.length === 1, JSON.stringify(diags));
  check(`at line ${TYPO_LINE}, column ${TYPO_COLUMN}, code AC0001`,
    diags[0] && diags[0].line === TYPO_LINE && diags[0].column === TYPO_COLUMN && diags[0].code === 'AC0001',
    JSON.stringify(diags[0]));
  check("its message suggests 'forbid'", diags[0] && diags[0].text.includes("did you mean 'forbid'"), diags[0] && diags[0].text);
  await page.waitForSelector('.cm-lintRange-error', { timeout: 5000 });
  const underlined = await page.$$eval('.cm-lintRange-error', (es) => es.map((e) => e.textContent).join(''));
  check('the underline covers exactly "forbd"', underlined === 'forbd', underlined);
  const explained = await page.$eval('#diagnostic-list li.diagnostic', (i) => !!i.querySelector('details .explanation'));
  check('the diagnostic has its explanation', explained);

  // choosing the diagnostic moves the cursor there; fix the word
  await page.click('#diagnostic-list li.diagnostic button');
  const cursor = await page.evaluate(() => {
    const s = window.getSelection();
    const line = s.focusNode.parentElement.closest('.cm-line');
    const lines = [...document.querySelectorAll('.cm-content .cm-line')];
    return { line: lines.indexOf(line) + 1, text: line.textContent };
  });
  check('choosing it moves the cursor to its line', cursor.line === TYPO_LINE, JSON.stringify(cursor));
  for (let i = 0; i < 5; i++) await page.keyboard.press('Delete');
  await page.keyboard.sendCharacter('forbid');
  await waitText(page, '#diagnostic-status', /^0 errors, 0 warnings$/);
  const left = await page.$$eval('#diagnostic-list li', (l) => l.length);
  check('fixing it makes the diagnostic disappear', left === 0 && (await page.$('.cm-lintRange-error')) === null);

  // ---- the text: kept in local storage, downloaded, opened ----
  const FIXED = PROTOCOL.replace('forbd', 'forbid');
  await page.reload({ waitUntil: 'networkidle0' });
  await waitText(page, '#diagnostic-status', /^0 errors, 0 warnings$/);
  const kept = await page.$eval('.cm-content', (e) => [...e.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
  check('the text is kept across a reload (local storage)', kept === FIXED, kept);
  await page.click('#file-download');
  let saved = '';
  for (let i = 0; i < 100 && !saved; i++) {
    if (readdirSync(downloads).includes('test_clinic.care')) saved = readFileSync(join(downloads, 'test_clinic.care'), 'utf8');
    else await new Promise((r) => setTimeout(r, 100));
  }
  check('"Download as .care" saves the text as test_clinic.care', saved === FIXED, saved.slice(0, 80));
  const opened = join(downloads, 'opened.care');
  writeFileSync(opened, FIXED.replace('test_clinic', 'opened_clinic'));
  const input = await page.$('#file-open');
  await input.uploadFile(opened);
  await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('opened_clinic'), { timeout: 5000 });
  check('"Open a .care file" puts the file in the editor', true);

  // ---- the query box ----
  await page.click('#query-input');
  await page.keyboard.type('can swim on day 20');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#query-answer .verdict', { timeout: 10000 });
  const verdict = await page.$eval('#query-answer .verdict', (e) => e.dataset.verdict);
  check('can swim on day 20: forbidden', verdict === 'forbidden', verdict);
  const reason = await text(page, '#query-answer .reasons li');
  check(`the reason is the rule of line ${RULE_LINE}`,
    reason.includes('no_swimming_six_weeks') && reason.includes(`line ${RULE_LINE}`), reason);
  await page.click('#query-answer .reasons button.source');
  const active = await text(page, '.cm-activeLine');
  check("choosing the reason's line moves the cursor to the rule", active.startsWith('rule no_swimming_six_weeks'), active);

  // ---- the picture ----
  await page.waitForSelector('#picture[data-state=ready] .cell[data-activity=swim][data-day="20"]', { timeout: 10000 });
  const colours = await page.evaluate(() => {
    const bg = (e) => getComputedStyle(e).backgroundColor;
    const legend = {};
    for (const s of document.querySelectorAll('#picture-legend .swatch[data-verdict]')) legend[s.dataset.verdict] = bg(s);
    const cell = document.querySelector('.cell[data-activity=swim][data-day="20"]');
    return { legend, cell: bg(cell), verdict: cell.dataset.verdict };
  });
  check("swim on day 20 has the legend's forbidden colour",
    colours.verdict === 'forbidden' && colours.cell === colours.legend.forbidden, JSON.stringify(colours));
  const names = Object.keys(colours.legend);
  let closest = Infinity;
  let pair = '';
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = lab(deuteranopia(rgb(colours.legend[names[i]])));
      const b = lab(deuteranopia(rgb(colours.legend[names[j]])));
      const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      if (d < closest) { closest = d; pair = `${names[i]}/${names[j]}`; }
    }
  }
  check(`six verdict colours, apart under simulated deuteranopia (closest ${pair}, delta E ${closest.toFixed(1)} >= 20)`,
    names.length === 6 && closest >= 20);

  await page.hover('.cell[data-activity=swim][data-day="20"]');
  const tip = await page.$eval('#picture-tip', (e) => (e.hidden ? '' : e.textContent));
  check('hovering the cell shows its rule, reason and line',
    tip.includes('forbidden') && tip.includes('no_swimming_six_weeks') && tip.includes(`:${RULE_LINE}`) &&
    tip.includes('No swimming for six weeks'), tip);

  await page.focus('#picture-grid');
  await page.keyboard.press('ArrowRight');
  const announced = await text(page, '#picture-live');
  check('the picture is usable with the keyboard (arrows announce a cell)', /day 1: /.test(announced), announced);

  await page.click('#picture-diff');
  const shown = await page.$$eval('.cell[data-activity=swim]:not(.same)', (cs) => cs.map((c) => Number(c.dataset.day)));
  const expected = Array.from({ length: 12 }, (_, i) => 31 + i);
  check('differences only: exactly days 31..42 of swim', JSON.stringify(shown) === JSON.stringify(expected), JSON.stringify(shown));
  const rows = await page.$$eval('#picture-table tbody tr[data-activity=swim]', (trs) => trs.map((t) => t.textContent));
  check('the text alternative lists swim on days 31 to 42',
    rows.length === 1 && rows[0].includes('31 to 42') && rows[0].includes('forbidden'), JSON.stringify(rows));
  await page.click('#picture-diff');

  // ---- the leaflet ----
  await page.$eval('#leaflet-date', (e) => { e.value = '2026-12-01'; });
  await page.click('#leaflet-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#leaflet-frame').srcdoc.length > 0, { timeout: 10000 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await page.waitForFunction(() => !document.querySelector('#leaflet-frame').hidden);
  const leaflet = frame ? await frame.evaluate(() => document.body.innerText) : '';
  check('the leaflet preview shows the plan', /December/.test(leaflet) && leaflet.includes('No swimming for six weeks'),
    leaflet.slice(0, 200));

  await page.click('#leaflet-ics');
  let ics = '';
  for (let i = 0; i < 100 && !ics; i++) {
    const done = readdirSync(downloads).filter((f) => f.endsWith('.ics'));
    if (done.length) ics = readFileSync(join(downloads, done[0]), 'utf8');
    else await new Promise((r) => setTimeout(r, 100));
  }
  const lines = ics.split('\r\n');
  const events = (ics.match(/^BEGIN:VEVENT\r$/gm) || []).length;
  check('the ICS download is a valid calendar',
    ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n') &&
    !/[^\r]\n/.test(ics) && lines.every((l) => Buffer.byteLength(l) <= 75) &&
    /^VERSION:2\.0$/m.test(ics.replace(/\r/g, '')) && /^PRODID:/m.test(ics.replace(/\r/g, '')) &&
    events > 0 && events === (ics.match(/^END:VEVENT\r$/gm) || []).length &&
    (ics.match(/^DTSTART/gm) || []).length === events && /DTSTART[^:\r]*:20261201/.test(ics),
    ics.slice(0, 300));

  // ---- accessibility, the network, the screenshot ----
  // evaluated through the DevTools protocol: the page's CSP stays in force
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  check('axe-core: no serious or critical violation', violations.length === 0, violations.join('; '));
  check('every request went to the server', outside.length === 0, outside.join(' '));
  check('no error in the page', errors.length === 0, errors.join('; '));

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: true });
  check('a screenshot of the page', readFileSync(screenshot).length > 10000);
} catch (e) {
  check('the page test ran to its end', false, e.stack);
} finally {
  await browser.close();
  rmSync(downloads, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
