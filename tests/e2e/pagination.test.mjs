// Long lists come a page at a time: « Mes personnes » of a coordinateur (the pagination moves
// through the pages, the URL keeps the page), « Orientations en cours » and « À faire » (the
// count gives the whole list's total, the table at most one page, a page past the end says so).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, login, logout, apiCall, BASE_URL, cspViolations } from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

/** "1 234" as the page writes a count (fr-FR groups digits with a narrow space). */
const frCount = (n) => n.toLocaleString('fr-FR');

test('coordo.demo parcourt « Mes personnes » page par page', async () => {
  const { page } = env;
  await login(page, 'coordo.demo');
  await page.goto(`${BASE_URL}/personnes`);
  const { total } = await apiCall(page, 'GET', '/api/v1/persons?per_page=1');
  assert.ok(total > 20, `le territoire du coordinateur compte plus d'une page (${total})`);
  await page.locator('#persons-table tbody tr[data-row-key]').first().waitFor();
  assert.equal((await page.locator('.binome-count').innerText()).trim(), `${frCount(total)} personnes`);
  assert.equal(await page.locator('#persons-table tbody tr[data-row-key]').count(), 20);
  const firstOfPage1 = await page.locator('#persons-table tbody tr a').first().innerText();

  const pager = page.getByRole('navigation', { name: 'Pagination' });
  await pager.getByRole('link', { name: 'Page suivante' }).click();
  await page.waitForURL(`${BASE_URL}/personnes?page=2`);
  await pager.locator('[aria-current="page"]', { hasText: '2' }).waitFor();
  await page.waitForFunction(
    (name) => document.querySelector('#persons-table tbody tr a')?.textContent !== name,
    firstOfPage1);
  const expected = await apiCall(page, 'GET', '/api/v1/persons?page=2&per_page=20');
  assert.equal(await page.locator('#persons-table tbody tr a').first().innerText(),
    expected.items[0].last_name, 'la deuxième page est celle de l’API');

  await page.goBack();
  await page.waitForURL(`${BASE_URL}/personnes`);
  await page.locator('#persons-table tbody tr a', { hasText: firstOfPage1 }).first().waitFor();
  await logout(page);
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('« Orientations en cours » et « À faire » donnent le total et une page au plus', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');

  await page.goto(`${BASE_URL}/orientations`);
  const orientations = await apiCall(page, 'GET', '/api/v1/orientations?per_page=1');
  const status = page.locator('.binome-count');
  await status.filter({ hasNotText: 'Chargement' }).waitFor();
  const oWord = orientations.total > 1 ? 'orientations en cours' : 'orientation en cours';
  assert.equal((await status.innerText()).trim(), `${frCount(orientations.total)} ${oWord}`);
  assert.equal(await page.locator('#orientations-table tbody tr[data-row-key]').count(),
    Math.min(orientations.total, 50));

  // A page beyond the end says so, and still counts the whole list.
  const beyond = Math.max(1, Math.ceil(orientations.total / 50)) + 1;
  await page.goto(`${BASE_URL}/orientations?page=${beyond}`);
  await page.getByText('Aucune orientation sur cette page.').waitFor();
  assert.equal((await status.innerText()).trim(), `${frCount(orientations.total)} ${oWord}`);

  await page.goto(`${BASE_URL}/a-faire`);
  const todo = await apiCall(page, 'GET', '/api/v1/worklist?per_page=1');
  assert.ok(todo.total > 0, 'la démonstration donne des tâches au conseiller');
  await page.locator('#worklist-table tbody tr[data-row-key]').first().waitFor();
  const tWord = todo.total > 1 ? 'tâches' : 'tâche';
  assert.equal((await status.innerText()).trim(), `${frCount(todo.total)} ${tWord}`);
  assert.equal(await page.locator('#worklist-table tbody tr[data-row-key]').count(),
    Math.min(todo.total, 50));
  await logout(page);
});
