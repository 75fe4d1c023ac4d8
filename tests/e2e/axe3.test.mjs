// Axe 3 (accompagnement social exclusif): conseiller.demo requests it on the person page, the
// request waits in coordo.demo's "À faire", whose link "Agir" leads to the section where the
// coordinateur validates it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, logout, apiCall, isoDate, BASE_URL, screenshotPath, cspViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

test('axe 3 : demande par le conseiller, validation par le coordinateur', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);
  // The last person of page 4 (no other test uses that page).
  const persons = await apiCall(page, 'GET', '/api/v1/persons?page=4');
  const personId = persons.items[persons.items.length - 1].id;

  await page.goto(`${BASE_URL}/personnes/${personId}#axe3`);
  const section = page.locator('#axe3');
  await section.getByRole('button', { name: 'Demander l’axe 3' }).waitFor();
  await page.fill('#axe3-planned-start', isoDate(0));
  await section.getByRole('button', { name: 'Demander l’axe 3' }).click();
  await section.locator('.fr-alert--success', { hasText: 'attend sa validation' }).waitFor();
  const block = section.locator('article[data-axe3-id]').first();
  assert.equal(await block.getAttribute('data-state'), 'a_valider');
  // The counsellor may not validate: no button, a sentence instead.
  assert.equal(await block.getByRole('button', { name: 'Valider l’axe 3' }).count(), 0);
  assert.equal(await section.getByRole('button', { name: 'Demander l’axe 3' }).count(), 0, 'une demande à la fois');
  await logout(page);

  await login(page, 'coordo.demo');
  await page.goto(`${BASE_URL}/a-faire`);
  const row = page.locator(`#worklist-table tbody tr[data-worklist-kind="axe3_a_valider"][data-person-id="${personId}"]`);
  await row.waitFor();
  assert.equal((await row.locator('[data-kind]').textContent()).trim(), 'Axe 3 à valider');
  await row.locator('a[data-act]').click();
  await page.waitForURL(`${BASE_URL}/personnes/${personId}#axe3`);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'axe3-title');

  const toValidate = page.locator('#axe3 article[data-state="a_valider"]');
  await toValidate.getByRole('button', { name: 'Valider l’axe 3' }).click();
  await page.locator('#axe3 .fr-alert--success', { hasText: 'L’axe 3 est validé' }).waitFor();
  const started = page.locator('#axe3 article[data-axe3-id]').first();
  assert.equal(await started.getAttribute('data-state'), 'en_cours');
  assert.match(await started.innerText(), /Suspendu pendant l’axe 3/);
  await started.getByRole('button', { name: 'Renouveler l’axe 3' }).waitFor();
  const shot = screenshotPath('axe3-valide');
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  await logout(page);
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});
