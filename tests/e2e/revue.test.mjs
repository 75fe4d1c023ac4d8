// Revue de portefeuille: a coordinateur opens the month's review of the agence, records an
// entry from the agenda (through the same service as the single action), adds a participant,
// closes the review and downloads the tableau de suivi; adds a recipient of the tableau and
// is told that it cannot be sent without a mail relay (the e2e server has none).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, logout, apiCall, isoDate, BASE_URL, seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser({ bypassCSP: true }); });
after(async () => { await env?.browser.close(); });

const ORIENTATION = {
  origin: 'france_travail',
  decision_mode: 'accord_tacite',
  tacit_public: 'brsa_oriente_ft',
  registered_job_seeker: true,
  social_criteria: ['logement'],
  professional_criteria: ['mobilite'],
  obstacles: ['logement'],
  consent: { signature_date: isoDate(0), electronic_exchange: false },
};

test('revue de portefeuille : de l’ordre du jour à la clôture et au tableau de suivi', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  // An orientation decided OUI whose entry waits: a point of the agenda.
  const persons = await apiCall(page, 'GET', '/api/v1/persons?per_page=100');
  let oriented = null;
  for (const p of persons.items) {
    try {
      const o = await apiCall(page, 'POST', `/api/v1/persons/${p.id}/orientations`, ORIENTATION);
      if (o.status === 'en_attente_entree') { oriented = o; break; }
    } catch { /* this person cannot be oriented now: next */ }
  }
  assert.ok(oriented, 'une orientation en attente d’entrée');
  await logout(page);

  await login(page, 'coordo.demo');
  await page.locator('nav#navigation').getByRole('link', { name: 'Revue de portefeuille' }).click();
  await page.waitForURL(`${BASE_URL}/revue-de-portefeuille`);
  await page.locator('#revue-ouvrir').waitFor();
  await page.locator('#revue-liste li', { hasText: 'close' }).first().waitFor(); // the demo's past review
  await page.getByRole('button', { name: 'Ouvrir la revue du mois' }).click();
  await page.locator('#revue-titre[data-status="ouverte"]').waitFor();
  const line = page.locator('#revue-ordre-du-jour tbody tr[data-kind="entree_a_enregistrer"]').first();
  await line.waitFor();
  const violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe :\n${describeViolations(violations)}`);

  await line.getByRole('button', { name: 'Enregistrer l’entrée' }).click();
  await page.locator('#revue-statut', { hasText: 'Décision enregistrée' }).waitFor();
  await page.locator('#revue-decisions tbody tr', { hasText: 'Entrée le' }).first().waitFor();

  await page.fill('#revue-fonction', 'Directrice d’agence');
  await page.fill('#revue-organisation', 'France Travail');
  await page.getByRole('button', { name: 'Ajouter le participant' }).click();
  await page.locator('#revue-presents tbody tr', { hasText: 'Directrice d’agence' }).waitFor();

  await page.locator('#revue-clore').click();
  await page.locator('#revue-titre[data-status="close"]').waitFor();
  assert.equal(await page.locator('#revue-ordre-du-jour form').count(), 0, 'figée : plus de formulaire');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#revue-tableau').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'tableau-de-suivi.xlsx');

  await page.locator('#destinataires tbody tr').first().waitFor();
  await page.selectOption('#destinataire-fonction', 'charge_fse');
  await page.fill('#destinataire-courriel', 'fse.e2e@francetravail.exemple.fr');
  await page.getByRole('button', { name: 'Ajouter le destinataire' }).click();
  await page.locator('#destinataires tbody tr', { hasText: 'fse.e2e@francetravail.exemple.fr' }).waitFor();
  await page.locator('#revue-envoyer').click();
  await page.locator('#revue-statut [role="alert"]', { hasText: 'relais' }).waitFor();
});
