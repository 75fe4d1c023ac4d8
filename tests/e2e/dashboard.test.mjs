// Tableau de bord: a coordinateur reads the indicators of their territory (tables, chart with
// the convention's targets) and downloads them as XLSX; pilotage reads the département's
// aggregates, small figures shown « < 5 », and no person's name anywhere on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, logout, apiCall, BASE_URL, seriousA11yViolations, describeViolations,
  cspViolations, screenshotPath,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser({ bypassCSP: true }); });
after(async () => { await env?.browser.close(); });

test('tableau de bord : coordinateur puis pilotage, sans aucun nom', async () => {
  const { page } = env;
  await login(page, 'coordo.demo');
  const persons = await apiCall(page, 'GET', '/api/v1/persons?per_page=100');
  const lastNames = persons.items.map((p) => p.last_name).filter(Boolean);
  assert.ok(lastNames.length > 0, 'des personnes de démonstration');

  await page.locator('nav#navigation').getByRole('link', { name: 'Tableau de bord' }).click();
  await page.waitForURL(`${BASE_URL}/tableau-de-bord`);
  assert.equal(await page.title(), 'Tableau de bord — binome');
  await page.locator('#tdb-titre').waitFor();
  assert.match(await page.locator('#tdb-titre').innerText(), /Territoire Nord/);
  const inProgress = page.locator('tr[data-key="en_cours_fin"] td').nth(1);
  assert.ok(Number(await inProgress.innerText()) > 0, 'les accompagnements en cours de la démo');
  await page.locator('#tdb-graphique canvas[role="img"]').waitFor();
  const violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe :\n${describeViolations(violations)}`);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#tdb-export-xlsx').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'indicateurs.xlsx');

  // Another period through the filters.
  await page.fill('#tdb-from', '2020-01-01');
  await page.fill('#tdb-to', '2020-03-31');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.locator('#tdb-titre', { hasText: '31/03/2020' }).waitFor();
  assert.equal(await page.locator('tr[data-key="entrees"] td').nth(1).innerText(), '0');

  await logout(page);
  await login(page, 'pilotage.demo');
  await page.locator('nav#navigation').getByRole('link', { name: 'Tableau de bord' }).click();
  await page.waitForURL(`${BASE_URL}/tableau-de-bord`);
  await page.locator('#tdb-titre').waitFor();
  assert.match(await page.locator('#tdb').innerText(), /moins de 5 personnes/);
  assert.equal(await page.locator('tr[data-key="en_cours_fin"] td').nth(1).innerText(), '< 5');
  const text = await page.locator('body').innerText();
  for (const name of lastNames) assert.ok(!text.includes(name), `aucun nom (${name}) pour le pilotage`);
  const shot = screenshotPath('tableau-de-bord-pilotage');
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  const pViolations = await seriousA11yViolations(page);
  assert.equal(pViolations.length, 0, `Violations axe (pilotage) :\n${describeViolations(pViolations)}`);
});

test('tableau de bord : le graphique respecte la CSP', async () => {
  const strict = await openBrowser();
  try {
    await login(strict.page, 'coordo.demo');
    await strict.page.goto(`${BASE_URL}/tableau-de-bord`);
    await strict.page.locator('#tdb-graphique canvas').waitFor();
    assert.deepEqual(cspViolations(strict.consoleErrors), [], 'aucune violation de la CSP');
  } finally {
    await strict.browser.close();
  }
});
