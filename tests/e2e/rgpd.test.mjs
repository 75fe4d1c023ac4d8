// The dpo's RGPD screens: a data subject's request recorded with its due date (one month
// later) and overdue flag, reached from « À faire » and answered; a breach recorded with its
// notification countdown (48 h for an API incident), then its notification recorded; the
// registers with the sub-processors' review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, BASE_URL, cspViolations, seriousA11yViolations, describeViolations, screenshotPath,
} from './helpers.mjs';

async function screenshot(page, name) {
  const path = screenshotPath(name);
  if (path) await page.screenshot({ path, fullPage: true });
}

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

/** 'YYYY-MM-DDTHH:MM' in the browser's zone (Europe/Paris), hoursAgo before now. */
function localDateTime(hoursAgo) {
  const d = new Date(Date.now() - hoursAgo * 3_600_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

test('dpo.demo : demande d’une personne, échéance à un mois, retard, « À faire », réponse', async () => {
  const { page, consoleErrors } = env;
  await login(page, 'dpo.demo');
  const nav = page.locator('nav#navigation');
  for (const label of ['Demandes des personnes', 'Violations de données', 'Registres', 'À faire']) {
    assert.ok(await nav.getByRole('link', { name: new RegExp(`^${label}`) }).count() === 1, `menu : ${label}`);
  }
  await nav.getByRole('link', { name: 'Demandes des personnes' }).click();
  await page.waitForURL(`${BASE_URL}/rgpd/demandes`);
  assert.equal(await page.title(), 'Demandes des personnes — binome');

  // A request received on 15 October is due on 15 November: already late today.
  const lastName = `Requérant${Date.now() % 1_000_000}`;
  await page.selectOption('#rgpd-kind', 'acces');
  await page.fill('#rgpd-last-name', lastName);
  await page.fill('#rgpd-first-name', 'Alix');
  await page.fill('#rgpd-birth-date', '1980-02-29');
  await page.fill('#rgpd-received-on', '2026-10-15');
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  const notice = page.locator('#rgpd-requests-notice .fr-alert');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Réponse due le 15\/11\/2026/);
  assert.match(await notice.innerText(), /Aucune personne de ce nom/);
  const title = await notice.locator('.fr-alert__title').innerText();
  const id = /n° (\d+)/.exec(title)[1];

  const row = page.locator(`#rgpd-requests-table tr#demande-${id}`);
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(lastName));
  assert.equal(await row.locator('[data-due-on]').getAttribute('data-due-on'), '2026-11-15');
  assert.equal((await row.locator('[data-overdue="true"]').textContent()).trim(), 'En retard');
  assert.equal((await row.locator('[data-status]').textContent()).trim(), 'Ouverte');
  // The access export, as PDF and JSON, is downloadable from the row.
  const pdfHref = await row.getByRole('link', { name: /Données \(PDF\)/ }).getAttribute('href');
  const pdf = await page.request.get(`${BASE_URL}${pdfHref}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const jsonHref = await row.getByRole('link', { name: /Données \(JSON\)/ }).getAttribute('href');
  const exported = await (await page.request.get(`${BASE_URL}${jsonHref}`)).json();
  assert.equal(exported.demande.nom, lastName);

  // A wrong date is refused in French under its field, nothing recorded.
  await page.selectOption('#rgpd-kind', 'effacement');
  await page.fill('#rgpd-last-name', lastName);
  await page.fill('#rgpd-first-name', 'Alix');
  await page.fill('#rgpd-birth-date', '1980-02-29');
  await page.fill('#rgpd-received-on', '2099-01-01');
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await page.locator('#rgpd-received-on-error .fr-error-text', { hasText: 'ne peut pas être future' }).waitFor();
  assert.equal(await page.locator('#rgpd-requests-table tbody tr', { hasText: lastName }).count(), 1);

  // « À faire » lists it, and « Agir » leads back to its row.
  await nav.getByRole('link', { name: /^À faire/ }).click();
  await page.waitForURL(`${BASE_URL}/a-faire`);
  const item = page.locator('#worklist-table tbody tr[data-worklist-kind="demande_rgpd"]', { hasText: lastName });
  await item.waitFor();
  assert.match(await item.innerText(), /réponse avant le 15\/11\/2026/);
  await item.getByRole('link', { name: /Agir/ }).click();
  await page.waitForURL(`${BASE_URL}/rgpd/demandes#demande-${id}`);
  await row.waitFor();

  // Answering: a confirmation first, then the legal answer is shown.
  await row.getByRole('button', { name: /Clore : données communiquées/ }).click();
  await row.getByRole('button', { name: /^Confirmer/ }).click();
  const answered = page.locator('#rgpd-requests-notice .fr-alert--success');
  await answered.waitFor();
  assert.match(await answered.innerText(), /ne détient aucune donnée sur une personne de ce nom/);
  await page.locator(`#demande-${id} [data-status="traitee"]`).waitFor();
  assert.equal(await page.locator(`#demande-${id} [data-overdue]`).count(), 0, 'une demande traitée n’est plus en retard');
  await screenshot(page, 'rgpd-demandes');
  assert.deepEqual(cspViolations(consoleErrors), []);
});

test('dpo.demo : violation de données, compte à rebours de 48 h (API), notification', async () => {
  const { page, consoleErrors } = env;
  await page.goto(`${BASE_URL}/rgpd/violations`);
  await page.locator('h1', { hasText: 'Violations de données' }).waitFor();

  // Discovered two hours ago, an incident of the API: 46 hours left.
  await page.fill('#breach-discovered-at', localDateTime(2));
  await page.selectOption('#breach-nature', 'confidentialite');
  await page.fill('#breach-summary', 'Export envoyé par erreur à une adresse externe, rappelé le jour même.');
  await page.fill('#breach-persons', '3');
  await page.locator('label[for="breach-api"]').click();
  assert.ok(await page.locator('#breach-api').isChecked());
  await page.getByRole('button', { name: 'Enregistrer la violation' }).click();
  const notice = page.locator('#breaches-notice .fr-alert--success');
  await notice.waitFor();
  assert.match(await notice.innerText(), /48 heures/);
  const id = /n° (\d+)/.exec(await notice.locator('.fr-alert__title').innerText())[1];

  const row = page.locator(`#breaches-table tr[data-breach-id="${id}"]`);
  await row.waitFor();
  assert.equal((await row.locator('[data-state]').textContent()).trim(), 'À notifier');
  const countdown = row.locator('[data-countdown]');
  const left = Number(await countdown.getAttribute('data-seconds-left'));
  assert.ok(left > 46 * 3600 - 180 && left <= 46 * 3600, `secondes restantes : ${left}`);
  assert.match(await countdown.innerText(), /^Reste 1 j 2[12] h \d{2} min pour informer l’autre partie$/);

  // A breach of 36 hours discovered 40 hours ago is already late.
  await page.fill('#breach-discovered-at', localDateTime(40));
  await page.selectOption('#breach-nature', 'disponibilite');
  await page.fill('#breach-summary', 'Serveur indisponible pendant une nuit.');
  await page.getByRole('button', { name: 'Enregistrer la violation' }).click();
  await page.locator('#breaches-notice .fr-alert--success', { hasText: '36 heures' }).waitFor();
  const late = page.locator('#breaches-table tr', { hasText: 'Serveur indisponible' }).first();
  assert.equal((await late.locator('[data-state]').textContent()).trim(), 'Notification en retard');
  assert.match(await late.locator('[data-countdown]').innerText(), /^Délai dépassé de 4 h/);
  await screenshot(page, 'rgpd-violations');

  // The notification of the first one.
  const section = page.locator(`#violation-${id}`);
  await section.getByLabel('Partie informée').fill('DPO de France Travail');
  await section.getByRole('button', { name: 'Enregistrer la notification' }).click();
  await page.locator('#breaches-notice .fr-alert--success', { hasText: 'notification enregistrée' }).waitFor();
  await row.locator('[data-state="notifiee"]').waitFor();
  assert.match(await row.locator('[data-notified]').innerText(), /DPO de France Travail/);
  assert.equal(await row.locator('[data-countdown]').count(), 0);
  assert.equal(await page.locator(`#violation-${id}`).count(), 0, 'plus de formulaire de notification');
  assert.deepEqual(cspViolations(consoleErrors), []);
});

test('dpo.demo : registres, sous-traitants et leur revue semestrielle', async () => {
  const { page, consoleErrors } = env;
  await page.goto(`${BASE_URL}/rgpd/registres`);
  await page.locator('h1', { hasText: 'Registres' }).waitFor();
  await page.locator('#registre-traitements dt', { hasText: 'Finalités' }).waitFor();
  const download = page.getByRole('link', { name: 'Télécharger le registre (JSON)' });
  assert.equal(await download.getAttribute('href'), '/api/v1/rgpd/register');
  const section = page.locator('#sous-traitants [data-departement]').first();
  await section.waitFor();
  const dep = await section.getAttribute('data-departement');
  await section.getByRole('button', { name: /Enregistrer la revue de la liste/ }).click();
  await page.locator('#registers-notice .fr-alert--success', { hasText: `département ${dep}` }).waitFor();
  const after = page.locator(`#sous-traitants [data-departement="${dep}"] [data-review]`);
  assert.equal(await after.getAttribute('data-review'), 'ok');
  assert.match(await after.innerText(), /Dernière revue le \d{2}\/\d{2}\/\d{4}/);
  await screenshot(page, 'rgpd-registres');
  assert.deepEqual(cspViolations(consoleErrors), []);
});

test('écrans RGPD du dpo : aucune violation d’accessibilité grave (axe-core)', async () => {
  const a11y = await openBrowser({ bypassCSP: true });
  try {
    await login(a11y.page, 'dpo.demo');
    for (const path of ['/rgpd/demandes', '/rgpd/violations', '/rgpd/registres', '/compte/securite']) {
      await a11y.page.goto(`${BASE_URL}${path}`);
      await a11y.page.locator('[role="status"]', { hasText: 'Chargement' }).waitFor({ state: 'detached' }).catch(() => {});
      await a11y.page.waitForLoadState('networkidle');
      const violations = await seriousA11yViolations(a11y.page);
      assert.deepEqual(violations, [], `${path}\n${describeViolations(violations)}`);
    }
  } finally {
    await a11y.browser.close();
  }
});
