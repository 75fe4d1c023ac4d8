// Profils de convention (admin): the 62 profile's rules, a version refused outside the
// convention's period, a new version of the demo profile and the changes it shows; axe-core
// on the profile page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, BASE_URL, screenshotPath, cspViolations,
  seriousA11yViolations, describeViolations, waitForFocus,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

/** 'YYYY-MM-DD' in Paris, days from today. */
function isoDate(daysFromToday = 0) {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
}

/** Opens the profile of that code from the list "Profils de convention". */
async function openProfile(page, code) {
  await page.locator('nav#navigation').getByRole('link', { name: 'Profils de convention' }).click();
  await page.waitForURL(`${BASE_URL}/admin/profils`);
  await page.locator('#profiles-table').getByRole('link', { name: code, exact: true }).click();
  await page.waitForURL(/\/admin\/profils\/\d+$/);
  await page.getByRole('heading', { level: 1, name: `Profil de convention ${code}` }).waitFor();
}

test('admin.demo : profils de convention, règles du 62, nouvelle version du profil de démonstration', async () => {
  const { page } = env;
  await login(page, 'admin.demo');

  // The list.
  await page.locator('nav#navigation').getByRole('link', { name: 'Profils de convention' }).click();
  await page.waitForURL(`${BASE_URL}/admin/profils`);
  assert.equal(await page.title(), 'Profils de convention — binome');
  // The table comes after the API answers: wait for it rather than read an empty page.
  await page.locator('#profiles-table thead th').first().waitFor();
  const headers = await page.locator('#profiles-table thead th').allInnerTexts();
  assert.deepEqual(headers.map((t) => t.trim()),
    ['Code', 'Département', 'Convention', 'Validité', 'Partie signataire aujourd’hui']);
  const row62 = page.locator('#profiles-table tbody tr', { hasText: '62-2024' });
  assert.match(await row62.innerText(), /du 01\/01\/2024 au 31\/12\/2025/);

  // The 62 profile: rules in force in French.
  await openProfile(page, '62-2024');
  await waitForFocus(page);
  const rules = page.locator('#regles');
  const ruleText = await rules.innerText();
  assert.match(ruleText, /Délai d’entrée\s+21 jours/);
  assert.match(ruleText, /Durée maximale \(axe 2\)\s+18 mois/);
  assert.match(ruleText, /Modes de décision\s+Accord tacite, Accord bilatéral/);
  assert.ok(await rules.locator('.binome-codes li', { hasText: 'J1501' }).count() === 1, 'métiers en tension en liste');
  assert.equal(await page.locator('#versions-table tbody tr').count(), 1);

  // The 62 convention ended on 31/12/2025: a new version is refused, the message under the date.
  await page.fill('#version-effective-from', isoDate(1));
  await page.fill('#version-entry-deadline-days', '15');
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  const dateError = page.locator('#version-effective-from-error .fr-error-text');
  await dateError.waitFor();
  assert.match(await dateError.innerText(), /période de la convention/);
  await page.locator('#version-form .fr-alert--error').waitFor();
  assert.equal(await page.inputValue('#version-entry-deadline-days'), '15', 'la saisie est conservée');
  assert.equal(await page.locator('#versions-table tbody tr').count(), 1);

  // The demo profile 00-2026: a date in the past is refused with the server's message…
  await openProfile(page, '00-2026');
  assert.equal(await page.inputValue('#version-entry-deadline-days'), '21', 'pré-rempli avec les règles en vigueur');
  await page.fill('#version-effective-from', isoDate(-1));
  await page.fill('#version-entry-deadline-days', '15');
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await dateError.waitFor();
  assert.match(await dateError.innerText(), /aujourd’hui|aujourd'hui/);

  // …then a version effective tomorrow with an entry deadline of 15 days.
  await page.fill('#version-effective-from', isoDate(1));
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await page.locator('#versions .fr-alert--success').waitFor();
  const versions = page.locator('#versions-table tbody tr');
  assert.equal(await versions.count(), 2);
  const second = await versions.nth(1).innerText();
  assert.match(second, /Délai d’entrée : 21 jours → 15 jours/);
  assert.match(second, /à venir/i);
  assert.equal((await versions.nth(1).locator('li').count()), 1, 'une seule règle modifiée');
  // Today's rules are unchanged until tomorrow.
  assert.match(await page.locator('#regles').innerText(), /Délai d’entrée\s+21 jours/);

  // Succession of the signing party: the date is required.
  await page.fill('#party-name', 'Collectivité du Val-de-Démo');
  await page.getByRole('button', { name: 'Enregistrer la succession' }).click();
  await page.locator('#party-from-error .fr-error-text').waitFor();
  await page.fill('#party-from', '2027-01-01');
  await page.getByRole('button', { name: 'Enregistrer la succession' }).click();
  await page.locator('#parties .fr-alert--success').waitFor();
  assert.equal(await page.locator('#parties-table tbody tr').count(), 2);

  const shot = screenshotPath('profil-convention');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('admin.demo : ajout d’une origine d’orientation', async () => {
  const { page } = env;
  await page.goto(`${BASE_URL}/admin/profils`);
  await page.locator('#origins-table').waitFor();
  const before = await page.locator('#origins-table tbody tr').count();
  // A code with capitals is refused by the server (message under the field).
  await page.fill('#origin-code', 'Mission Locale');
  await page.fill('#origin-label', 'Mission locale (e2e)');
  await page.getByRole('button', { name: 'Ajouter l’origine' }).click();
  await page.locator('#origin-code-error .fr-error-text').waitFor();
  const code = `e2e_${Date.now().toString(36)}`;
  await page.fill('#origin-code', code);
  await page.getByRole('button', { name: 'Ajouter l’origine' }).click();
  await page.locator('#origins-table tbody tr', { hasText: code }).waitFor();
  assert.equal(await page.locator('#origins-table tbody tr').count(), before + 1);
  // The same code again: the conflict is told under the field.
  await page.fill('#origin-code', code);
  await page.fill('#origin-label', 'Doublon');
  await page.getByRole('button', { name: 'Ajouter l’origine' }).click();
  await page.locator('#origin-code-error .fr-error-text').waitFor();
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('axe : page d’un profil de convention', async () => {
  const audit = await openBrowser({ bypassCSP: true });
  try {
    const { page } = audit;
    await login(page, 'admin.demo');
    await openProfile(page, '00-2026');
    // With the error state of the form too.
    await page.fill('#version-entry-deadline-days', '');
    await page.fill('#version-axe2-review-months', '');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page.locator('#version-form .fr-alert--error').waitFor();
    const violations = await seriousA11yViolations(page);
    assert.equal(violations.length, 0, `Violations axe (profil) :\n${describeViolations(violations)}`);
  } finally {
    await audit.browser.close();
  }
});
