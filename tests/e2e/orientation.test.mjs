// Orientation towards accompagnement global: the conseiller orients a person (accord
// bilatéral), the référent social agrees, then decides OUI; axe-core on the orientation form.
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
const frDate = (iso) => iso.split('-').reverse().join('/');

async function logout(page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${BASE_URL}/connexion`);
}

/** The newest orientation block of the person page. */
function newestOrientation(page) {
  return page.locator('#orientations article.binome-orientation').first();
}

/**
 * Ticks a DSFR checkbox or radio: the input is drawn by its label, which receives the click.
 */
async function tick(page, input) {
  const id = await input.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  assert.ok(await input.isChecked(), `case ${id} cochée`);
}

let personId = null;

test('conseiller.demo oriente une personne en accord bilatéral', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);

  // Navigation: the new pages are in the menu.
  const nav = page.locator('nav#navigation');
  await nav.getByRole('link', { name: 'Orientations en cours' }).waitFor();
  await nav.getByRole('link', { name: /^À faire/ }).waitFor();

  // The last person of the first page: no other test touches it.
  const rows = page.locator('#persons-table tbody tr');
  await rows.first().locator('a').waitFor();
  await rows.last().getByRole('link').click();
  await page.waitForURL(/\/personnes\/\d+$/);
  personId = /\/personnes\/(\d+)$/.exec(page.url())[1];
  await page.getByRole('heading', { level: 2, name: 'Orientation vers l’accompagnement global' }).waitFor();

  await page.getByRole('link', { name: 'Orienter cette personne' }).click();
  await page.waitForURL(`${BASE_URL}/personnes/${personId}/orienter`);
  await page.locator('#orientation-form').waitFor();
  await waitForFocus(page);

  // The public of the accord tacite only shows with that mode.
  const tacitPublic = page.locator('#orientation-tacit-public');
  assert.equal(await tacitPublic.isVisible(), false);

  // Submitting empty: French messages under the fields, nothing sent.
  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  await page.locator('.fr-alert--error').waitFor();
  await page.locator('#orientation-mode.fr-fieldset--error .fr-error-text').waitFor();

  await page.selectOption('#orientation-origin', { label: 'France Travail' });
  await tick(page, page.getByLabel('Accord bilatéral', { exact: true }));
  await tick(page, page.getByLabel('Inscrit comme demandeur d’emploi'));
  const social = page.locator('#orientation-social input[type="checkbox"]');
  const professional = page.locator('#orientation-professional input[type="checkbox"]');
  const obstacles = page.locator('#orientation-obstacles input[type="checkbox"]');
  assert.equal(await obstacles.count(), 7, 'les 7 freins de la fiche de liaison');
  await tick(page, social.first());
  await tick(page, professional.first());
  await tick(page, obstacles.nth(0));
  await tick(page, obstacles.nth(1));
  await page.fill('#orientation-consent-date', isoDate(0));
  await tick(page, page.getByLabel('La personne accepte les échanges par voie électronique'));

  const shot = screenshotPath('orientation-formulaire');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
  await page.waitForURL(`${BASE_URL}/personnes/${personId}`);
  const block = newestOrientation(page);
  await block.waitFor();
  await page.locator('.fr-alert--success', { hasText: 'est enregistrée' }).waitFor();
  assert.equal(await block.getAttribute('data-status'), 'en_attente_reponse');
  assert.equal((await block.locator('p.fr-badge[data-status]').textContent()).trim(),
    'En attente de la réponse du partenaire');
  const due = await block.locator('[data-due-on]').getAttribute('data-due-on');
  assert.match(due, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(due, isoDate(21), 'échéance : 21 jours après l’orientation');
  assert.equal((await block.locator('[data-due-on]').innerText()).trim(), frDate(due));

  // The orientation appears in "Orientations en cours".
  await page.locator('nav#navigation').getByRole('link', { name: 'Orientations en cours' }).click();
  await page.waitForURL(`${BASE_URL}/orientations`);
  assert.equal(await page.title(), 'Orientations en cours — binome');
  await page.locator(`#orientations-table a[href^="/personnes/${personId}"]`).first().waitFor();

  await logout(page);
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('social.demo donne son accord puis décide OUI', async () => {
  assert.ok(personId, 'le test précédent fournit la personne');
  const { page } = env;
  await login(page, 'social.demo');
  await page.goto(`${BASE_URL}/personnes/${personId}`);
  const block = newestOrientation(page);
  await block.waitFor();
  assert.equal(await block.getAttribute('data-status'), 'en_attente_reponse');

  await block.getByRole('button', { name: 'Donner mon accord' }).click();
  await page.locator('.fr-alert--success', { hasText: 'accord' }).waitFor();
  const afterAgree = newestOrientation(page);
  assert.notEqual(await afterAgree.getAttribute('data-status'), 'en_attente_reponse');

  const start = isoDate(7);
  await tick(page, afterAgree.getByLabel('Oui', { exact: true }));
  await afterAgree.getByLabel('Date d’entrée prévue').fill(start);
  await afterAgree.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await page.locator('article.binome-orientation[data-status="en_attente_entree"]').waitFor();

  const decided = newestOrientation(page);
  assert.equal((await decided.locator('p.fr-badge[data-status]').textContent()).trim(), "En attente d'entrée");
  const due = await decided.locator('[data-due-on]').getAttribute('data-due-on');
  assert.match(due, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok((await decided.innerText()).includes(frDate(due)), 'la date d’échéance est affichée');
  assert.ok((await decided.innerText()).includes(frDate(start)), 'la date d’entrée prévue est affichée');

  const pdf = decided.getByRole('link', { name: 'Télécharger la fiche de liaison (PDF)' });
  assert.match(await pdf.getAttribute('href'), /^\/api\/v1\/orientations\/\d+\/fiche\.pdf$/);

  const shot = screenshotPath('orientation-fiche-personne');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  // "À faire" opens, with its title and focus on the h1.
  await page.locator('nav#navigation').getByRole('link', { name: /^À faire/ }).click();
  await page.waitForURL(`${BASE_URL}/a-faire`);
  assert.equal(await page.title(), 'À faire — binome');
  await page.locator('#worklist-table').waitFor();
  await waitForFocus(page);

  await logout(page);
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('axe : formulaire d’orientation', async () => {
  const audit = await openBrowser({ bypassCSP: true });
  try {
    const { page } = audit;
    await login(page, 'conseiller.demo');
    await page.waitForURL(`${BASE_URL}/personnes`);
    await page.locator('#persons-table tbody tr a').first().waitFor();
    const href = await page.locator('#persons-table tbody tr a').first().getAttribute('href');
    await page.goto(`${BASE_URL}${href}/orienter`);
    await page.locator('#orientation-form').waitFor();
    // With the error state shown too.
    await page.getByRole('button', { name: 'Enregistrer l’orientation' }).click();
    await page.locator('.fr-alert--error').waitFor();
    const violations = await seriousA11yViolations(page);
    assert.equal(violations.length, 0, `Violations axe (orientation) :\n${describeViolations(violations)}`);
  } finally {
    await audit.browser.close();
  }
});
