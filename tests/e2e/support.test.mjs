// Accompagnement global: a person oriented in accord bilatéral (through the API) enters in the
// UI; the server clock moves 170 days forward, the review shows in "À faire"; bilan, renewal,
// bilan again, exit "Emploi CDI" → "Suivi dans l'emploi". The clock is reset at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, BASE_URL, screenshotPath, cspViolations,
  seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

/** 'YYYY-MM-DD' in Paris, days from today. */
function isoDate(daysFromToday = 0) {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
}

async function logout(page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${BASE_URL}/connexion`);
}

/** A JSON call of the logged-in user of page (cookie of the browser context, CSRF token). */
async function apiCall(page, method, path, data) {
  const session = await page.request.get(`${BASE_URL}/api/v1/session`);
  assert.equal(session.status(), 200);
  const { csrf_token: token } = await session.json();
  const response = await page.request.fetch(`${BASE_URL}${path}`, {
    method, data, headers: { 'X-CSRF-Token': token, Accept: 'application/json' },
  });
  assert.ok(response.ok(), `${method} ${path} : ${response.status()} ${await response.text()}`);
  return response.json();
}

async function setClock(page, offsetDays) {
  const response = await page.request.post(`${BASE_URL}/api/v1/test/clock`, { data: { offset_days: offsetDays } });
  assert.ok(response.ok(), `horloge : ${response.status()}`);
}

function supportBlock(page) {
  return page.locator('#accompagnement article[data-support-id]').first();
}

async function ddOf(block, label) {
  return (await block.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

test('entrée, réexamen dans « À faire », bilan, renouvellement et sortie', async () => {
  const { page } = env;
  let personId;
  let orientationId;

  // conseiller.demo orients a person of page 2 (no other test touches it), through the API.
  await login(page, 'conseiller.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);
  const persons = await apiCall(page, 'GET', '/api/v1/persons?page=2');
  personId = persons.items[persons.items.length - 1].id;
  const oriented = await apiCall(page, 'POST', `/api/v1/persons/${personId}/orientations`, {
    origin: 'france_travail',
    decision_mode: 'accord_bilateral',
    registered_job_seeker: true,
    social_criteria: ['sante'],
    professional_criteria: ['projet_a_definir'],
    obstacles: ['logement'],
    consent: { signature_date: isoDate(0), electronic_exchange: true },
  });
  orientationId = oriented.id;
  await logout(page);

  // social.demo agrees, decides OUI, then records the entry in the UI.
  await login(page, 'social.demo');
  await apiCall(page, 'POST', `/api/v1/orientations/${orientationId}/position`, { position: 'accord' });
  await apiCall(page, 'POST', `/api/v1/orientations/${orientationId}/decision`,
    { decision: 'oui', planned_start_date: isoDate(0) });

  try {
    await page.goto(`${BASE_URL}/personnes/${personId}`);
    await page.getByRole('heading', { level: 2, name: 'Accompagnement global', exact: true }).waitFor();
    await page.locator('#accompagnement', { hasText: 'n’est pas entrée en accompagnement global' }).waitFor();
    const orientation = page.locator(`#orientation-${orientationId}`);
    assert.equal(await orientation.getAttribute('data-status'), 'en_attente_entree');

    // Submitting without a duration: French message under the field.
    await orientation.getByLabel('Date d’entrée', { exact: false }).first().fill(isoDate(0));
    await orientation.getByRole('button', { name: 'Enregistrer l’entrée' }).click();
    await orientation.locator(`#entry-${orientationId}-months-error .fr-error-text`).waitFor();
    await page.selectOption(`#entry-${orientationId}-months`, '6');
    await orientation.getByRole('button', { name: 'Enregistrer l’entrée' }).click();
    await page.locator(`#orientation-${orientationId}[data-status="entree"]`).waitFor();
    await page.locator('.fr-alert--success', { hasText: 'L’entrée en accompagnement global est enregistrée.' }).waitFor();

    let support = supportBlock(page);
    await support.waitFor();
    assert.equal(await support.getAttribute('data-state'), 'en_cours');
    assert.equal(await ddOf(support, 'Durée totale'), '6 mois');
    const reviewOn = await support.locator('[data-review-due-on]').getAttribute('data-review-due-on');
    assert.match(reviewOn, /^\d{4}-\d{2}-\d{2}$/);

    // 170 days later (the session has expired meanwhile), the review is in "À faire".
    await setClock(page, 170);
    await login(page, 'social.demo');
    await page.goto(`${BASE_URL}/a-faire`);
    await page.locator('#worklist-table').waitFor();
    const row = page.locator('#worklist-table tbody tr', { has: page.locator('[data-kind="revue_due"]') })
      .filter({ has: page.locator(`a[href^="/personnes/${personId}"]`) });
    await row.first().waitFor();
    assert.equal((await row.first().locator('[data-kind]').textContent()).trim(), 'Réexamen à faire');
    const shotList = screenshotPath('accompagnement-a-faire');
    if (shotList) await page.screenshot({ path: shotList, fullPage: true });
    // "Agir" leads to the section of the person page.
    const act = row.first().locator('a[data-act]');
    assert.equal(await act.getAttribute('href'), `/personnes/${personId}#accompagnement`);
    await act.click();
    await page.waitForURL(`${BASE_URL}/personnes/${personId}#accompagnement`);

    // A renewal without a bilan for the period is refused with the server's French message.
    support = supportBlock(page);
    await support.waitFor();
    const supportId = await support.getAttribute('data-support-id');
    await page.selectOption(`#support-${supportId}-renewal`, '6');
    await support.getByRole('button', { name: 'Renouveler', exact: true }).click();
    await support.locator('.fr-alert--error').waitFor();

    // axe-core on the person page with the forms of a support in progress.
    const audit = await openBrowser({ bypassCSP: true });
    try {
      await login(audit.page, 'social.demo');
      await audit.page.goto(`${BASE_URL}/personnes/${personId}`);
      await audit.page.locator(`#support-${supportId}-bilan`).waitFor();
      const violations = await seriousA11yViolations(audit.page);
      assert.equal(violations.length, 0, `Violations axe (accompagnement) :\n${describeViolations(violations)}`);
    } finally {
      await audit.browser.close();
    }

    // Bilan, then renewal of 6 months: 12 months in all.
    await page.selectOption(`#support-${supportId}-bilan`, 'objectif_partiellement_atteint');
    await support.getByRole('button', { name: 'Enregistrer le bilan' }).click();
    await page.locator('.fr-alert--success', { hasText: 'Le bilan est enregistré.' }).waitFor();
    support = supportBlock(page);
    assert.match(await ddOf(support, 'Dernier bilan'), /^Objectif partiellement atteint/);

    await page.selectOption(`#support-${supportId}-renewal`, '6');
    await support.getByRole('button', { name: 'Renouveler', exact: true }).click();
    await page.locator('.fr-alert--success', { hasText: 'Le renouvellement est enregistré.' }).waitFor();
    support = supportBlock(page);
    assert.equal(await ddOf(support, 'Durée totale'), '12 mois');
    assert.equal(await support.locator('[data-total-months="12"]').count(), 1, 'Durée totale : 12 mois');
    assert.equal(await ddOf(support, 'Renouvellements'), '1');

    await page.selectOption(`#support-${supportId}-bilan`, 'objectif_atteint');
    await support.getByRole('button', { name: 'Enregistrer le bilan' }).click();
    await page.locator('.fr-alert--success', { hasText: 'Le bilan est enregistré.' }).waitFor();

    // Exit "Emploi CDI" → follow-up in employment.
    support = supportBlock(page);
    await page.selectOption(`#support-${supportId}-exit-outcome`, { label: 'Emploi CDI' });
    await page.fill(`#support-${supportId}-exit-date`, isoDate(170));
    await support.getByRole('button', { name: 'Enregistrer la sortie' }).click();
    await page.locator('.fr-alert--success', { hasText: 'La sortie est enregistrée.' }).waitFor();
    support = supportBlock(page);
    assert.equal(await support.getAttribute('data-state'), 'suivi_emploi');
    assert.match((await support.locator('p.fr-badge[data-state]').textContent()).trim(), /^Suivi dans l['’]emploi$/);
    assert.match(await ddOf(support, 'Sortie'), /^Emploi CDI le /);
    assert.equal(await support.getByRole('button', { name: 'Enregistrer la sortie' }).count(), 0);

    const shot = screenshotPath('accompagnement-fiche-personne');
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    await logout(page);
  } finally {
    await setClock(page, 0);
  }
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});
