// Login failures show the server's French message in an alert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, gotoLogin, login, logout, screenshotPath, totpCode, BASE_URL, DEMO_PASSWORD, DEMO_TOTP_SECRET,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

test('un mauvais mot de passe affiche une alerte en français', async () => {
  const { page } = env;
  await gotoLogin(page);
  assert.equal(await page.title(), 'Connexion — binome');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const shot = screenshotPath('connexion');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  await page.fill('#login', 'social.demo');
  await page.fill('#password', 'pas-le-bon-mot-de-passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  const text = (await alert.innerText()).trim();
  assert.ok(text.length > 0, "l'alerte doit contenir le message de l'API");
  assert.match(text, /[a-zàâçéèêëîïôûùüÿœ]/i);
  assert.doesNotMatch(text, /invalid|error|unauthorized/i, `message en français attendu : ${text}`);
  // Still on the login page, password emptied.
  await page.locator('#login').waitFor();
  assert.equal(await page.inputValue('#password'), '');
});

test('les champs vides sont signalés sans appel au serveur', async () => {
  const { page } = env;
  await gotoLogin(page);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('.fr-error-text', { hasText: 'Ce champ est obligatoire.' }).first().waitFor();
  assert.equal(await page.getAttribute('#login', 'aria-invalid'), 'true');
});

test('une session expirée renvoie à la connexion avec un message', async () => {
  const { page, context } = env;
  await login(page, 'coordo.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);
  await page.locator('#persons-table tbody tr').first().waitFor();
  await context.clearCookies(); // the server no longer knows this browser
  await page.locator('#persons-table tbody a').first().click();
  await page.waitForURL(`${BASE_URL}/connexion`);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.equal((await alert.innerText()).trim(), 'Votre session a expiré, veuillez vous reconnecter.');
});

test('admin.demo : le code de double authentification est demandé après le mot de passe', async () => {
  const { page } = env;
  await gotoLogin(page);
  await page.fill('#login', 'admin.demo');
  await page.fill('#password', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('#totp-code').waitFor();
  assert.match(await page.locator('.fr-alert--info').innerText(), /code à 6 chiffres/);
  assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0, 'pas de session sans code');
  // A code that is not the current one: refused in French, the form stays on the code.
  const now = Math.floor(Date.now() / 30_000);
  await page.fill('#totp-code', totpCode(DEMO_TOTP_SECRET, now + 5));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Code incorrect ou déjà utilisé/);
  assert.ok(await page.locator('#totp-code').isVisible());
  await login(page, 'admin.demo');
  await page.waitForURL(`${BASE_URL}/**`);
  await logout(page);
});
