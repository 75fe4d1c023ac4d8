// Base de ressources: a conseiller searches without accents, filters by commune, opens the
// sheet of "Épicerie sociale", sees it printable (header and buttons hidden in print); axe-core
// finds no serious violation on the search page, the sheet and the edit form.
// Then, from a person's page, the conseiller finds a housing service covering the person's
// commune through its EPCI and links it to the person, then marks it done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, logout, BASE_URL, cspViolations, seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser({ bypassCSP: true }); });
after(async () => { await env?.browser.close(); });

test('recherche sans accents, filtre par commune, fiche imprimable', async () => {
  const { page, consoleErrors } = env;
  await login(page, 'conseiller.demo');
  await page.getByRole('link', { name: 'Ressources' }).first().click();
  await page.waitForURL(`${BASE_URL}/ressources`);
  await page.locator('#resource-results li').first().waitFor();

  await page.fill('#resource-q', 'EPICERIE');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/q=EPICERIE/);
  const card = page.locator('#resource-results li', { hasText: 'Épicerie sociale' });
  await card.waitFor();
  assert.match(await page.locator('.binome-count').innerText(), /service/);

  // Sainte-Maquette (00221) is outside the Épicerie sociale's zone (the four northern communes).
  await page.fill('#resource-commune', '00221');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/commune=00221/);
  await page.locator('.binome-count').filter({ hasText: /service|Aucun/ }).waitFor();
  await page.waitForFunction(() => !document.querySelector('#resource-results li[data-service-id]')
    || ![...document.querySelectorAll('#resource-results li')].some((li) => li.textContent.includes('Épicerie sociale')));
  assert.equal(await page.locator('#resource-results li', { hasText: 'Épicerie sociale' }).count(), 0);

  await page.fill('#resource-commune', '00111');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/commune=00111/);
  await page.locator('#resource-results li', { hasText: 'Épicerie sociale' }).waitFor();
  let violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (recherche) :\n${describeViolations(violations)}`);

  await page.getByRole('link', { name: 'Épicerie sociale' }).click();
  await page.waitForURL(/\/ressources\/\d+$/);
  await page.locator('h1', { hasText: 'Épicerie sociale' }).waitFor();
  await page.locator('dt', { hasText: 'Structure' }).waitFor();
  assert.match(await page.locator('.binome-sheet').innerText(), /Épicerie sociale Le Panier/);
  assert.match(await page.locator('.binome-sheet').innerText(), /Faire face à des difficultés financières › Obtenir des aides/);
  assert.equal(await page.locator('[data-state="publie"]').count(), 1);
  await page.getByRole('button', { name: 'Imprimer la fiche' }).waitFor();
  violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (fiche) :\n${describeViolations(violations)}`);

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.fr-header').isVisible(), false, 'en-tête masqué à l\'impression');
  assert.equal(await page.getByRole('button', { name: 'Imprimer la fiche' }).isVisible(), false);
  assert.equal(await page.locator('.binome-sheet').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Modifier' }).click();
  await page.waitForURL(/\/modifier$/);
  await page.locator('#nom').waitFor();
  assert.equal(await page.locator('#nom').inputValue(), 'Épicerie sociale');
  violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (formulaire) :\n${describeViolations(violations)}`);
  assert.deepEqual(cspViolations(consoleErrors), []);
});

test('un conseiller trouve un service de logement pour une commune et le propose à une personne', async () => {
  const { page, consoleErrors } = env;
  await logout(page);
  await login(page, 'conseiller.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);
  const firstPerson = page.locator('#persons-table tbody tr').first().getByRole('link').first();
  await firstPerson.click();
  await page.waitForURL(/\/personnes\/\d+$/);
  const section = page.locator('#ressources-mobilisees');
  await section.locator('h2', { hasText: 'Ressources mobilisées' }).waitFor();
  await section.locator('#resource-link').waitFor();

  // Sainte-Maquette (00221) belongs to the Communauté de communes du Val-Sud: the southern
  // housing service (zone: that EPCI) covers it, the northern one (the other EPCI) does not.
  await page.selectOption('#link-problematique', 'se_loger');
  await page.selectOption('#link-commune', '00221');
  await page.getByRole('button', { name: 'Chercher un service' }).click();
  const south = page.locator('#link-results li', { hasText: 'Accompagnement social lié au logement (Sud)' });
  await south.waitFor();
  const names = await page.locator('#link-results li a').allInnerTexts();
  assert.ok(!names.includes('Accompagnement social lié au logement'), `service du Nord proposé : ${names.join(', ')}`);
  assert.ok(names.includes('Hébergement d\'urgence et orientation SIAO'), 'un service de tout le département couvre la commune');
  let violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (ressources de la personne) :\n${describeViolations(violations)}`);

  await south.getByRole('button', { name: /^Proposer/ }).click();
  await section.locator('.fr-alert--success', { hasText: 'est proposé à la personne' }).waitFor();
  const row = section.locator('#resource-actions tbody tr', { hasText: 'Accompagnement social lié au logement (Sud)' }).first();
  await row.waitFor();
  // textContent: the badge's CSS upper-cases what innerText reads.
  assert.match(await row.textContent(), /Se loger/);
  assert.match(await row.textContent(), /Proposée/);

  const actionId = await row.getAttribute('data-action-id');
  await page.selectOption(`#resource-action-${actionId}-status`, 'realisee');
  await row.getByRole('button', { name: 'Enregistrer le statut' }).click();
  await section.locator(`#resource-actions tr[data-action-id="${actionId}"][data-status="realisee"]`).waitFor();
  assert.match(await section.locator(`#resource-actions tr[data-action-id="${actionId}"]`).textContent(), /Réalisée le \d{2}\/\d{2}\/\d{4}/);
  violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (statut) :\n${describeViolations(violations)}`);
  assert.deepEqual(cspViolations(consoleErrors), []);
});
