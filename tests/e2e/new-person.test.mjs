// Nouvelle personne: conseiller.demo creates a fiche with a social referent; an invalid postal
// code is refused with the server's message under the field and nothing typed is lost;
// axe-core on the form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, BASE_URL, screenshotPath, cspViolations,
  seriousA11yViolations, describeViolations, waitForFocus,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

/** Ticks a DSFR checkbox or radio through its label (the label draws the box). */
async function tick(page, selector) {
  const id = await page.locator(selector).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  assert.ok(await page.locator(selector).isChecked(), `case ${id} cochée`);
}

test('conseiller.demo crée une personne', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);
  await page.getByRole('link', { name: 'Nouvelle personne' }).click();
  await page.waitForURL(`${BASE_URL}/personnes/nouvelle`);
  assert.equal(await page.title(), 'Nouvelle personne — binome');
  await waitForFocus(page);
  for (const legend of ['Identité', 'Coordonnées', 'Identifiants', 'Situation', 'Référents']) {
    await page.locator('#person-form legend', { hasText: legend }).first().waitFor();
  }
  await page.getByText('Vous serez le conseiller France Travail référent de cette personne.').waitFor();

  // The e-mail is only open with the consent to electronic exchanges.
  assert.equal(await page.locator('#person-email').isDisabled(), true);

  const lastName = `Essai${Date.now().toString(36).toUpperCase()}`;
  await page.fill('#person-last-name', lastName);
  await page.fill('#person-first-name', 'Léa');
  await page.fill('#person-birth-date', '1988-05-14');
  await page.fill('#person-street', '12 rue des Lilas');
  await page.fill('#person-postal-code', '62A00');
  await page.fill('#person-commune', 'Démoville');
  await page.fill('#person-phone', '06 12 34 56 78');
  await tick(page, '#person-consent-electronic');
  assert.equal(await page.locator('#person-email').isDisabled(), false);
  await page.fill('#person-email', 'lea.essai@example.org');
  await page.fill('#person-caf-id', '1234567');
  await tick(page, '#person-brsa');
  await tick(page, '#person-family-situation-2'); // En couple
  await page.fill('#person-dependent-children', '2');
  const social = page.locator('#person-referent-social');
  const options = await social.locator('option').allInnerTexts();
  const sophie = options.find((o) => o.startsWith('Sophie Lambert'));
  assert.ok(sophie, `Sophie Lambert parmi les référents sociaux : ${options.join(' | ')}`);
  await social.selectOption({ label: sophie });

  // Invalid postal code: the server's message under the field, the values kept.
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  const postalError = page.locator('#person-postal-code-error .fr-error-text');
  await postalError.waitFor();
  assert.match(await postalError.innerText(), /code postal/i);
  assert.equal(await page.getAttribute('#person-postal-code', 'aria-invalid'), 'true');
  await page.locator('#person-form .fr-alert--error').waitFor();
  assert.equal(await page.inputValue('#person-last-name'), lastName);
  assert.equal(await page.inputValue('#person-email'), 'lea.essai@example.org');
  assert.equal(await page.inputValue('#person-dependent-children'), '2');
  assert.ok(await page.locator('#person-family-situation-2').isChecked());
  assert.equal(await social.inputValue() !== '', true, 'le référent choisi reste sélectionné');
  assert.equal(page.url(), `${BASE_URL}/personnes/nouvelle`);

  const shot = screenshotPath('nouvelle-personne-erreur');
  if (shot) await page.screenshot({ path: shot, fullPage: true });

  await page.fill('#person-postal-code', '62000');
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await page.waitForURL(/\/personnes\/\d+$/);
  const h1 = page.locator('h1');
  await h1.waitFor();
  const heading = await h1.innerText();
  assert.ok(heading.includes(lastName.toUpperCase()), `h1 « ${heading} » doit contenir ${lastName}`);
  assert.ok(heading.includes('Léa'));
  await page.locator('.fr-alert--success', { hasText: 'est créée' }).waitFor();
  const text = await page.locator('#contenu').innerText();
  assert.match(text, /Sophie Lambert/);
  assert.match(text, /Camille Martin/);
  assert.match(text, /lea\.essai@example\.org/);
  assert.match(text, /62000 Démoville/);

  // The new person is in "Mes personnes".
  await page.locator('nav#navigation').getByRole('link', { name: 'Mes personnes' }).click();
  await page.fill('#search', lastName);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.locator('#persons-table tbody tr', { hasText: lastName }).waitFor();

  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});

test('coordo.demo doit choisir les deux référents', async () => {
  const { page } = env;
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${BASE_URL}/connexion`);
  await login(page, 'coordo.demo');
  await page.goto(`${BASE_URL}/personnes/nouvelle`);
  await page.locator('#person-conseiller').waitFor();
  await page.locator('#person-referent-social').waitFor();
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await page.locator('#person-conseiller-error .fr-error-text').waitFor();
  await page.locator('#person-referent-social-error .fr-error-text').waitFor();
  await page.locator('#person-last-name-error .fr-error-text').waitFor();
});

test('axe : formulaire Nouvelle personne', async () => {
  const audit = await openBrowser({ bypassCSP: true });
  try {
    const { page } = audit;
    await login(page, 'conseiller.demo');
    await page.goto(`${BASE_URL}/personnes/nouvelle`);
    await page.locator('#person-form').waitFor();
    await page.locator('#person-referent-social').waitFor();
    const clean = await seriousA11yViolations(page);
    assert.equal(clean.length, 0, `Violations axe (nouvelle personne) :\n${describeViolations(clean)}`);
    // With the error state shown too.
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.locator('#person-form .fr-alert--error').waitFor();
    const violations = await seriousA11yViolations(page);
    assert.equal(violations.length, 0, `Violations axe (nouvelle personne, erreurs) :\n${describeViolations(violations)}`);
  } finally {
    await audit.browser.close();
  }
});
