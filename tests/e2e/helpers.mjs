// Shared helpers of the browser tests: Debian's chromium through playwright-core (no browser
// download), login, axe-core audit.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.BINOME_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const DEMO_PASSWORD = process.env.BINOME_DEMO_PASSWORD || 'Demo-e2e-2026!';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * A fresh browser (playwright gives it a temporary --user-data-dir) and a French page.
 * bypassCSP only for the axe audit, which injects axe-core as an inline script.
 */
export async function openBrowser({ bypassCSP = false } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  const context = await browser.newContext({ bypassCSP, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return { browser, context, page, consoleErrors };
}

export async function gotoLogin(page) {
  await page.goto(`${BASE_URL}/connexion`);
  await page.locator('h1', { hasText: 'Connexion' }).waitFor();
}

/** The demo's second-factor secret of admin.demo and dpo.demo (printed by `binome demo`). */
export const DEMO_TOTP_SECRET = 'DEMODEMODEMODEMODEMODEMODEMODEMO';

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 code (SHA-1, 30 s, 6 digits) of a base32 secret at a time step. */
export function totpCode(secretBase32, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[19] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

// The server accepts a code once: the steps this test process already used, per login.
const usedSteps = new Map();

/** Logs in through the form (typing the demo's code when asked) and waits for the role's landing page. */
export async function login(page, user, password = DEMO_PASSWORD) {
  await gotoLogin(page);
  await page.fill('#login', user);
  await page.fill('#password', password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const loggedIn = page.getByRole('button', { name: 'Se déconnecter' });
  const codeField = page.locator('#totp-code');
  await loggedIn.or(codeField).first().waitFor();
  // Another test file may have used this step's code already: then the next one is typed.
  for (let attempt = 0; attempt < 3 && await codeField.isVisible(); attempt += 1) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now - 1, (usedSteps.get(user) ?? -Infinity) + 1);
    if (step > now + 1) await page.waitForTimeout((step - 1) * 30_000 - Date.now() + 500);
    usedSteps.set(user, step);
    await codeField.fill(totpCode(DEMO_TOTP_SECRET, step));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await loggedIn.or(page.locator('[role="alert"]')).first().waitFor();
  }
  await loggedIn.waitFor();
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the violations of impact serious or critical. */
export async function seriousA11yViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations) {
  return violations.map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n${
    v.nodes.map((n) => `    ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`).join('\n')}`).join('\n');
}

/** Console messages that report a Content-Security-Policy violation. */
export function cspViolations(consoleErrors) {
  return consoleErrors.filter((m) => /Content Security Policy/i.test(m));
}

/** Where to write screenshots (set BINOME_SCREENSHOTS to keep them). */
export function screenshotPath(name) {
  const dir = process.env.BINOME_SCREENSHOTS;
  return dir ? `${dir}/${name}.png` : null;
}

/** 'YYYY-MM-DD' in Paris, days from today. */
export function isoDate(daysFromToday = 0) {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${BASE_URL}/connexion`);
}

/** A JSON call as the logged-in user of page (cookie of the browser context, CSRF token). */
export async function apiCall(page, method, path, data) {
  const session = await page.request.get(`${BASE_URL}/api/v1/session`);
  if (session.status() !== 200) throw new Error(`session : ${session.status()}`);
  const { csrf_token: token } = await session.json();
  const response = await page.request.fetch(`${BASE_URL}${path}`, {
    method, data, headers: { 'X-CSRF-Token': token, Accept: 'application/json' },
  });
  if (!response.ok()) throw new Error(`${method} ${path} : ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Moves the server's clock (serve --test-mode) offsetDays from the real date. */
export async function setClock(page, offsetDays) {
  const response = await page.request.post(`${BASE_URL}/api/v1/test/clock`, { data: { offset_days: offsetDays } });
  if (!response.ok()) throw new Error(`horloge : ${response.status()}`);
}

/**
 * Waits until the focus is on an element of `tagName` (the router moves it to the page's h1
 * once the page has fetched its data and rendered) and fails after the default timeout. Read
 * right after the URL changed, the focus is still where the click left it.
 */
export async function waitForFocus(page, tagName = 'H1') {
  try {
    await page.waitForFunction((tag) => document.activeElement && document.activeElement.tagName === tag, tagName);
  } catch (error) {
    const where = await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 120));
    throw new Error(`le focus n’est pas allé sur ${tagName} (il est sur ${where}) : ${error.message}`);
  }
}
