// Base de ressources: a conseiller searches without accents, filters by commune, opens the
// sheet of "Épicerie sociale", sees it printable (header and buttons hidden in print); axe-core
// finds no serious violation on the search page, the sheet and the edit form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, BASE_URL, cspViolations, seriousA11yViolations, describeViolations,
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
