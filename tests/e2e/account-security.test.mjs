// « Sécurité du compte »: a conseiller enrols the second factor (password again, the key
// shown, a first code computed here from it), must give a code at the next login, then
// disables it; the dpo, for whom it is required, cannot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, logout, gotoLogin, totpCode, DEMO_PASSWORD, BASE_URL, cspViolations, screenshotPath,
  seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

const USER = 'conseiller2.demo'; // no other browser test logs in with it

test('conseiller : activer la double authentification, code à la connexion suivante, désactiver', async () => {
  const { page, consoleErrors } = env;
  await login(page, USER);
  await page.getByRole('link', { name: 'Sécurité du compte' }).click();
  await page.waitForURL(`${BASE_URL}/compte/securite`);
  await page.locator('[data-totp-state="inactive"]').waitFor();

  // A wrong password shows no key.
  await page.fill('#totp-start-password', 'Pas-le-bon-2026!');
  await page.getByRole('button', { name: 'Afficher la clé à ajouter' }).click();
  await page.locator('#totp-start-password-error .fr-error-text', { hasText: 'Mot de passe incorrect.' }).waitFor();
  assert.equal(await page.locator('#totp-secret').count(), 0);

  await page.fill('#totp-start-password', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Afficher la clé à ajouter' }).click();
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.match(await page.locator('#totp-uri').innerText(), new RegExp(`^otpauth://totp/binome:${USER.replace('.', '\\.')}\\?secret=${secret}`));
  const shot = screenshotPath('securite-du-compte');
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  const step = Math.floor(Date.now() / 30_000);
  await page.fill('#totp-confirm-code', totpCode(secret, step));
  await page.getByRole('button', { name: 'Confirmer l’activation' }).click();
  await page.locator('#security-notice .fr-alert--success', { hasText: 'est activée' }).waitFor();
  await page.locator('[data-totp-state="active"]').waitFor();

  // The next login asks for the code; the confirming one was used, the next step's is accepted.
  await logout(page);
  await gotoLogin(page);
  await page.fill('#login', USER);
  await page.fill('#password', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('#totp-code').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0, 'pas de session sans code');
  await page.fill('#totp-code', totpCode(secret, step + 1));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

  // Disabling it: the password again; the next login asks no code.
  await page.goto(`${BASE_URL}/compte/securite`);
  await page.fill('#totp-disable-password', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Désactiver' }).click();
  await page.locator('#security-notice .fr-alert--success', { hasText: 'est désactivée' }).waitFor();
  await page.locator('[data-totp-state="inactive"]').waitFor();
  await logout(page);
  await login(page, USER);
  assert.deepEqual(cspViolations(consoleErrors), []);
});

test('dpo : la double authentification est obligatoire et ne peut pas être désactivée', async () => {
  const { page } = env;
  await logout(page);
  await login(page, 'dpo.demo');
  await page.goto(`${BASE_URL}/compte/securite`);
  await page.locator('[data-totp-state="active"]').waitFor();
  assert.match(await page.locator('#contenu').innerText(), /obligatoire pour votre rôle/);
  assert.equal(await page.getByRole('button', { name: 'Désactiver' }).count(), 0);
});

test('« Sécurité du compte » : aucune violation d’accessibilité grave, avant et pendant l’activation (axe-core)', async () => {
  const a11y = await openBrowser({ bypassCSP: true });
  try {
    const { page } = a11y;
    await login(page, 'social2.demo'); // left with an activation in progress only: its login is unchanged
    await page.goto(`${BASE_URL}/compte/securite`);
    await page.locator('[data-totp-state="inactive"]').waitFor();
    let violations = await seriousA11yViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.fill('#totp-start-password', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Afficher la clé à ajouter' }).click();
    await page.locator('#totp-secret').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'totp-confirm-title', 'le focus va au titre de l’étape suivante');
    violations = await seriousA11yViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  } finally {
    await a11y.browser.close();
  }
});
