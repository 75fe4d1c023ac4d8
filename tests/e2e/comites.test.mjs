// Comités: pilotage creates a COPIL with its agenda and a participant, reads the indicator
// pack (small figures masked), and writes the relevé de conclusions — refused while it holds a
// phone number, accepted once it holds none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, BASE_URL, seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser({ bypassCSP: true }); });
after(async () => { await env?.browser.close(); });

test('comités : COPIL, jeu d’indicateurs masqué, relevé sans donnée personnelle', async () => {
  const { page } = env;
  await login(page, 'pilotage.demo');
  await page.locator('nav#navigation').getByRole('link', { name: 'Comités' }).click();
  await page.waitForURL(`${BASE_URL}/comites`);
  await page.locator('#comite-nouveau').waitFor();
  await page.selectOption('#comite-nature', 'copil');
  await page.locator('label[for="comite-point-fse"]').click();
  await page.fill('#comite-fonction', 'Directrice de l’insertion');
  await page.fill('#comite-organisation', 'Département');
  await page.getByRole('button', { name: 'Créer le comité' }).click();
  await page.locator('#comite-titre', { hasText: 'Comité de pilotage' }).waitFor();
  assert.equal(await page.locator('#comite-pack-flux tbody tr').first().locator('td').nth(1).innerText(), '< 5');
  const violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe :\n${describeViolations(violations)}`);

  await page.fill('#comite-conclusions', 'Rappeler la référente au 06 12 34 56 78.');
  await page.getByRole('button', { name: 'Enregistrer le relevé' }).click();
  await page.locator('#comite-statut [role="alert"]', { hasText: 'donnée personnelle' }).waitFor();
  await page.fill('#comite-conclusions', 'Délai d’entrée conforme à la cible ; liste FSE du semestre signée.');
  await page.getByRole('button', { name: 'Enregistrer le relevé' }).click();
  await page.locator('#comite-statut', { hasText: 'Relevé de conclusions enregistré' }).waitFor();
});
