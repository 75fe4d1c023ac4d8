// The DPO reads the audit trail and checks the hash chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, login, BASE_URL } from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

test("dpo.demo : journal d'audit et intégrité de la chaîne", async () => {
  const { page } = env;
  await login(page, 'dpo.demo');
  await page.waitForURL(`${BASE_URL}/journal-audit`);
  assert.equal((await page.locator('.fr-header__tools .binome-user__role').innerText()).trim(),
    'Délégué à la protection des données');
  assert.equal(await page.title(), "Journal d'audit — binome");

  const rows = page.locator('#audit-table tbody tr');
  await rows.first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#audit-table tbody td[colspan]'));
  assert.ok(await rows.count() > 0, "le journal doit contenir des entrées");

  const exportHref = await page.getByRole('link', { name: 'Exporter en CSV' }).getAttribute('href');
  assert.match(exportHref, /^\/api\/v1\/audit\/export/);

  await page.getByRole('button', { name: 'Vérifier l’intégrité de la chaîne' }).click();
  const result = page.locator('.fr-alert');
  await result.waitFor();
  assert.ok(await result.evaluate((el) => el.classList.contains('fr-alert--success')),
    `chaîne attendue intègre : ${await result.innerText()}`);
  assert.match(await result.innerText(), /Chaîne intègre/);
});
