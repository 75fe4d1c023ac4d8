// Portefeuille: conseiller.demo sees their figures against the convention's targets, opens the
// list of the people behind them and reaches a person's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, login, BASE_URL, screenshotPath, cspViolations, waitForFocus } from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

test('portefeuille : un conseiller, ses personnes, une fiche', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.locator('nav#navigation').getByRole('link', { name: 'Portefeuille' }).click();
  await page.waitForURL(`${BASE_URL}/portefeuille`);
  assert.equal(await page.title(), 'Portefeuille — binome');
  await waitForFocus(page);

  const block = page.locator('article[data-conseiller-id]', { hasText: 'Camille Martin' });
  await block.waitFor();
  const active = Number(await block.locator('[data-active]').getAttribute('data-active'));
  assert.ok(active > 0, 'des accompagnements en cours (données de démonstration)');
  await block.locator('[data-bounds-state]').waitFor();
  assert.match(await block.innerText(), /entre 70 et 100/);
  assert.match(await block.innerText(), /objectif : 80 %/);
  await block.locator('table[id$="-binomes"] tbody tr', { hasText: 'Sophie Lambert' }).waitFor();

  const toggle = block.getByRole('button', { name: 'Personnes accompagnées par Camille Martin' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const people = block.locator(`#${await toggle.getAttribute('aria-controls')} table tbody tr`);
  await people.first().locator('a').waitFor();
  assert.equal(await people.count(), active, 'autant de personnes que d’accompagnements en cours');
  const shot = screenshotPath('portefeuille');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  const link = people.first().locator('a');
  const name = (await link.innerText()).trim();
  await link.click();
  await page.waitForURL(/\/personnes\/\d+#accompagnement$/);
  const h1 = (await page.locator('h1').innerText()).toLowerCase();
  assert.ok(name.toLowerCase().split(' ').some((part) => h1.includes(part)), `« ${h1} » pour ${name}`);
  await page.locator('#accompagnement article[data-support-id]').first().waitFor();
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});
