// axe-core: no serious or critical violation on the login page and on "Mes personnes".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, gotoLogin, login, seriousA11yViolations, describeViolations } from './helpers.mjs';

let env;
before(async () => { env = await openBrowser({ bypassCSP: true }); });
after(async () => { await env?.browser.close(); });

test('axe : page de connexion', async () => {
  await gotoLogin(env.page);
  const violations = await seriousA11yViolations(env.page);
  assert.equal(violations.length, 0, `Violations axe (connexion) :\n${describeViolations(violations)}`);
});

test('axe : Mes personnes', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.locator('#persons-table tbody tr').first().waitFor();
  const violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (Mes personnes) :\n${describeViolations(violations)}`);
});
