// The Département's flows operator (coordo.demo): the deposit calendar in « À faire » leads to
// the Flux RSA page, which shows the same calendar and the imports of the département, and
// checks a file: counts, problems grouped by rule, CSV. The administrator sees the imports of
// every département (run.sh imported one PECGM).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, login, logout, BASE_URL, cspViolations, screenshotPath } from './helpers.mjs';

const SAMPLE = fileURLToPath(new URL('../../spec/flows/samples/pecgm-valid.xml', import.meta.url));

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

async function apiGet(page, path) {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path);
}

test('opérateur des flux : calendrier dans « À faire », historique des imports, vérification', async () => {
  const { page } = env;
  await login(page, 'coordo.demo');
  const calendar = await apiGet(page, '/api/v1/flows/calendar');
  assert.equal(calendar.departement, '00');

  // « À faire »: the next CGPEM to deposit and the next PECGM to import, with rule and convention.
  await page.goto(`${BASE_URL}/a-faire`);
  const deposit = page.locator('#worklist-table tbody tr[data-worklist-kind="depot_cgpem"]');
  await deposit.waitFor();
  const depositText = await deposit.innerText();
  assert.match(depositText, /Dépôt du CGPEM/);
  assert.ok(depositText.includes(`au plus tard le ${calendar.next_cgpem_due_label}`), depositText);
  assert.match(depositText, /R11/);
  assert.match(depositText, /Convention : Convention d'échange de données/);
  const fetchRow = page.locator('#worklist-table tbody tr[data-worklist-kind="pecgm_disponible"]');
  assert.ok((await fetchRow.innerText()).includes(calendar.next_pecgm_available_label));

  // « Agir » leads to the Flux RSA page.
  await deposit.locator('a[data-act]').click();
  await page.waitForURL(`${BASE_URL}/flux`);
  await page.locator('h1', { hasText: 'Flux RSA' }).waitFor();
  const cal = page.locator('h2:has-text("Calendrier des dépôts") + div');
  await cal.locator('li').first().waitFor();
  const calText = await cal.innerText();
  assert.ok(calText.includes(`Prochain CGPEM à déposer : ${calendar.next_cgpem_due_label}`), calText);
  assert.ok(calText.includes(`Prochain PECGM disponible : ${calendar.next_pecgm_available_label}`), calText);

  // The demo département (00) has no import: an empty history, said so.
  await page.locator('#imports-table', { hasText: 'Aucun import de flux.' }).waitFor();

  // A valid file: counts and verdict, no problem to download.
  await page.setInputFiles('input[type="file"]', SAMPLE);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const ok = page.locator('.fr-alert', { hasText: 'Résultat de la vérification' });
  await ok.waitFor();
  assert.match(await ok.innerText(), /PECGM, département 62, date de référence 2024-09-01/);
  assert.match(await ok.innerText(), /2 dossiers, 2 utilisables, 0 erreur.*fichier valide/s);
  assert.equal(await page.locator('#flux-problemes-csv').count(), 0);

  // A file whose trailer miscounts the dossiers (F1) and whose NIR is malformed (R8).
  const dir = mkdtempSync(join(tmpdir(), 'binome-flux-'));
  const bad = join(dir, 'pecgm-faux.xml');
  writeFileSync(bad, readFileSync(SAMPLE, 'latin1')
    .replace('<nb-dossier>2</nb-dossier>', '<nb-dossier>3</nb-dossier>')
    .replace('<nir>2850762041123</nir>', '<nir>9850762041123</nir>'), 'latin1');
  await page.setInputFiles('input[type="file"]', bad);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await page.locator('.fr-alert', { hasText: 'fichier rejeté' }).waitFor();
  await page.locator('h3', { hasText: 'Règle F1 : 1 erreur' }).waitFor();
  await page.locator('h3', { hasText: 'Règle R8' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#flux-problemes-csv').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'pecgm-faux-problemes.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^\ufeffRègle;Gravité;Niveau;Dossier;Ligne;Champ;Message\r\n/);
  assert.match(csv, /\r\nF1;Erreur;fichier;/);
  assert.match(csv, /\r\nR8;Erreur;dossier;1;/);

  const shot = screenshotPath('flux');
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  await logout(page);
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('administrateur : historique des imports de tous les départements', async () => {
  const { page } = env;
  await login(page, 'admin.demo');
  await page.goto(`${BASE_URL}/flux`);
  // The PECGM run.sh imported (département 62: the demo code 00 is not valid in the flows).
  const imported = page.locator('#imports-table tbody tr', { hasText: 'pecgm-e2e.xml' });
  await imported.waitFor();
  const cells = await imported.locator('td').allInnerTexts();
  assert.equal(cells[0], 'PECGM');
  assert.equal(cells[1], '62');
  assert.equal(cells[2], '2024-09-01');
  assert.equal(cells[4], '20', 'dossiers');
  assert.equal(cells[6], '20', 'aucune personne suivie dans le 62 de démonstration');
  assert.equal(cells[10], 'operateur (ligne de commande)');
  await logout(page);
});
