// A conseiller's journey: login, "Mes personnes", search, person page, logout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, login, BASE_URL, screenshotPath, cspViolations, waitForFocus } from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

test('conseiller.demo : liste, recherche, fiche, déconnexion', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');

  // Header: name, role in French, organisation.
  const role = page.locator('.fr-header__tools .binome-user__role');
  assert.equal((await role.innerText()).trim(), 'Conseiller France Travail');
  assert.ok((await page.locator('.fr-header__tools .binome-user__name').innerText()).trim().length > 0);
  assert.ok((await page.locator('.fr-header__tools .binome-user__organisation').innerText()).trim().length > 0);
  assert.equal((await page.locator('.fr-header__service-title').innerText()).trim(), 'binome');

  // Mes personnes.
  await page.waitForURL(`${BASE_URL}/personnes`);
  assert.equal(await page.title(), 'Mes personnes — binome');
  const table = page.locator('table#persons-table');
  await table.locator('caption', { hasText: 'Mes personnes' }).waitFor();
  await page.locator('.binome-count', { hasText: /\d+ personnes?/ }).waitFor();
  const rows = table.locator('tbody tr');
  const initialCount = await rows.count();
  assert.ok(initialCount > 0, 'la liste doit contenir des personnes');
  const totalBefore = Number((await page.locator('.binome-count').innerText()).replace(/\D/g, ''));
  assert.ok(totalBefore > 0);
  const navCurrent = page.locator('nav#navigation a[aria-current="page"]');
  assert.equal((await navCurrent.innerText()).trim(), 'Mes personnes');
  const shot = screenshotPath('mes-personnes');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  // Search by the first row's last name: the list narrows to rows with that name.
  const firstRow = rows.first();
  const lastName = (await firstRow.locator('td').nth(0).innerText()).trim();
  const firstName = (await firstRow.locator('td').nth(1).innerText()).trim();
  await page.fill('#search', lastName);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(/\/personnes\?q=/);
  await page.waitForFunction(
    (name) => {
      const cells = [...document.querySelectorAll('#persons-table tbody tr td:first-child')];
      return cells.length > 0 && cells.every((td) => td.textContent.trim().toLowerCase().includes(name.toLowerCase()));
    },
    lastName,
  );
  const totalAfter = Number((await page.locator('.binome-count').innerText()).replace(/\D/g, ''));
  assert.ok(totalAfter >= 1 && totalAfter <= totalBefore, `recherche : ${totalAfter} sur ${totalBefore}`);
  if (totalBefore > 1) assert.ok(totalAfter < totalBefore, 'la recherche doit restreindre la liste');

  // Person page: h1 shows the name and gets the focus.
  const link = page.locator('#persons-table tbody tr').filter({ hasText: firstName }).first().getByRole('link');
  await link.click();
  await page.waitForURL(/\/personnes\/\d+$/);
  const h1 = page.locator('h1');
  await h1.waitFor();
  const heading = (await h1.innerText()).toLowerCase();
  assert.ok(heading.includes(lastName.toLowerCase()), `h1 « ${heading} » doit contenir ${lastName}`);
  assert.ok(heading.includes(firstName.toLowerCase()), `h1 « ${heading} » doit contenir ${firstName}`);
  for (const section of ['Identité', 'Situation', 'Coordonnées', 'Identifiants', 'Référents']) {
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  }
  await waitForFocus(page);

  // Logout: back to the login page.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${BASE_URL}/connexion`);
  await page.locator('#login').waitFor();
  assert.equal(await page.locator('text=Se déconnecter').count(), 0);

  // The session is really gone: a protected page sends back to the login page.
  await page.goto(`${BASE_URL}/personnes`);
  await page.waitForURL(`${BASE_URL}/connexion`);

  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});
