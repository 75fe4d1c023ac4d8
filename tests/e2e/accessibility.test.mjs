// axe-core: no serious or critical violation on the login page, "Mes personnes", "À faire",
// "Portefeuille", and the person page with its sections (rendez-vous, axe 3, binôme, tâches).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, gotoLogin, login, logout, apiCall, BASE_URL, seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser({ bypassCSP: true }); });
after(async () => { await env?.browser.close(); });

async function assertClean(page, name) {
  const violations = await seriousA11yViolations(page);
  assert.equal(violations.length, 0, `Violations axe (${name}) :\n${describeViolations(violations)}`);
}

test('axe : page de connexion', async () => {
  await gotoLogin(env.page);
  await assertClean(env.page, 'connexion');
});

test('axe : Mes personnes', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.locator('#persons-table tbody tr').first().waitFor();
  await assertClean(page, 'Mes personnes');
});

test('axe : À faire', async () => {
  const { page } = env;
  await page.goto(`${BASE_URL}/a-faire`);
  await page.locator('#worklist-table tbody tr').first().waitFor();
  await assertClean(page, 'À faire');
});

test('axe : Portefeuille, personnes ouvertes', async () => {
  const { page } = env;
  await page.goto(`${BASE_URL}/portefeuille`);
  const toggle = page.getByRole('button', { name: /^Personnes accompagnées par/ }).first();
  await toggle.click();
  await page.locator(`#${await toggle.getAttribute('aria-controls')} table`).waitFor();
  await assertClean(page, 'Portefeuille');
});

test('axe : fiche d’une personne avec accompagnement et rendez-vous', async () => {
  const { page } = env;
  // The demo's past appointment without attendance is in conseiller.demo's "À faire".
  const worklist = await apiCall(page, 'GET', '/api/v1/worklist');
  const item = worklist.items.find((i) => i.kind === 'presence_a_saisir');
  assert.ok(item, 'un rendez-vous passé sans présence (données de démonstration)');
  await page.goto(`${BASE_URL}${item.link}`);
  await page.locator('#appointments-table select').first().waitFor();
  await page.locator('#accompagnement article[data-support-id]').first().waitFor();
  await page.locator('#binome-history').waitFor();
  await page.locator('#ep-decisions').waitFor();
  await assertClean(page, 'fiche : rendez-vous');
  await logout(page);
});

test('axe : fiche d’une personne, axe 3 à valider et binôme (coordinateur)', async () => {
  const { page } = env;
  await login(page, 'coordo.demo');
  const worklist = await apiCall(page, 'GET', '/api/v1/worklist');
  const item = worklist.items.find((i) => i.kind === 'axe3_a_valider');
  assert.ok(item, 'un axe 3 à valider (données de démonstration)');
  await page.goto(`${BASE_URL}${item.link}`);
  await page.locator('#axe3').getByRole('button', { name: 'Valider l’axe 3' }).waitFor();
  await page.locator('#binome-reason').waitFor();
  await assertClean(page, 'fiche : axe 3 et binôme');
  await logout(page);
});
