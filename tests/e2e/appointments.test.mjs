// Rendez-vous and the no-show rule: conseiller.demo plans two appointments for a BrSa person,
// the server clock moves past them, two "absent(e) non excusé(e)" are recorded; the counsellor
// acknowledges the "absences répétées" task, the social referent's "À faire" shows the
// sanction procedure, the EP decision closes it and it shows in the person's history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, login, logout, apiCall, setClock, isoDate, BASE_URL, screenshotPath, cspViolations,
  seriousA11yViolations, describeViolations,
} from './helpers.mjs';

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.browser.close(); });

async function plan(page, { kind, date, time, channel }) {
  const form = page.locator('#appointment-form');
  await page.selectOption('#appointment-new-kind', { label: kind });
  await page.fill('#appointment-new-date', date);
  await page.fill('#appointment-new-time', time);
  await page.selectOption('#appointment-new-channel', { label: channel });
  await form.getByRole('button', { name: 'Planifier le rendez-vous' }).click();
  await page.locator(`#appointments-table tbody tr[data-scheduled-at="${date}T${time}"]`).waitFor();
  await page.locator('#rendez-vous .fr-alert--success', { hasText: 'Le rendez-vous est planifié.' }).waitFor();
}

test('deux absences non excusées d’un allocataire du RSA : tâche de sanction puis décision EP', async () => {
  const { page } = env;
  await login(page, 'conseiller.demo');
  await page.waitForURL(`${BASE_URL}/personnes`);
  // A BrSa person of page 3 (no other test uses that page).
  const persons = await apiCall(page, 'GET', '/api/v1/persons?page=3');
  const person = [...persons.items].reverse().find((p) => p.brsa);
  assert.ok(person, 'une personne allocataire du RSA en page 3');
  const personId = person.id;

  try {
    await page.goto(`${BASE_URL}/personnes/${personId}#rendez-vous`);
    await page.locator('#appointment-form').waitFor();
    // The URL's anchor brings the section's heading into focus.
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'rendez-vous-title');

    // Submitting empty: French message under the fields, nothing sent.
    await page.fill('#appointment-new-date', '');
    await page.locator('#appointment-form').getByRole('button', { name: 'Planifier le rendez-vous' }).click();
    await page.locator('#appointment-new-kind-error .fr-error-text').waitFor();

    // The place is asked only on site.
    await page.selectOption('#appointment-new-channel', { label: 'Sur site' });
    assert.equal(await page.locator('#appointment-new-place').isVisible(), true, 'le lieu se montre sur site');
    await page.selectOption('#appointment-new-channel', { label: 'Téléphone' });
    assert.equal(await page.locator('#appointment-new-place').isVisible(), false);

    const tomorrow = isoDate(1);
    await plan(page, { kind: 'Rendez-vous de suivi', date: tomorrow, time: '10:00', channel: 'Téléphone' });
    await plan(page, { kind: 'Rendez-vous de suivi', date: tomorrow, time: '11:00', channel: 'Visioconférence' });
    const rows = page.locator('#appointments-table tbody tr[data-appointment-id]');
    assert.equal(await rows.count(), 2);
    // Future: no attendance yet, a convocation letter.
    assert.equal(await rows.locator('[data-attendance="a_venir"]').count(), 2);
    const pdf = rows.first().getByRole('link', { name: /^Convocation/ });
    assert.match(await pdf.getAttribute('href'), /^\/api\/v1\/appointments\/\d+\/convocation\.pdf$/);
    const pdfResponse = await page.request.get(`${BASE_URL}${await pdf.getAttribute('href')}`);
    assert.equal(pdfResponse.status(), 200);
    assert.equal(pdfResponse.headers()['content-type'], 'application/pdf');

    // Two days later, both are past: attendance to record.
    await setClock(page, 2);
    await login(page, 'conseiller.demo');
    await page.goto(`${BASE_URL}/personnes/${personId}#rendez-vous`);
    for (const time of ['10:00', '11:00']) {
      const row = page.locator(`#appointments-table tbody tr[data-scheduled-at="${tomorrow}T${time}"]`);
      const id = await row.getAttribute('data-appointment-id');
      await page.selectOption(`#appointment-${id}-attendance`, { label: 'Absent(e) non excusé(e)' });
      await row.getByRole('button', { name: 'Enregistrer la présence' }).click();
      await page.locator(`#appointments-table tbody tr[data-appointment-id="${id}"] [data-attendance="absent_non_excuse"]`).waitFor();
    }

    // The counsellor has the "absences répétées" task and acknowledges it from "À faire".
    await page.goto(`${BASE_URL}/a-faire`);
    const mine = page.locator(`#worklist-table tbody tr[data-worklist-kind="absences_repetees"][data-person-id="${personId}"]`);
    await mine.waitFor();
    await mine.getByRole('button', { name: 'J’ai pris connaissance' }).click();
    await page.locator('#worklist-messages .fr-alert--success').waitFor();
    assert.equal(await mine.count(), 0);
    await logout(page);

    // The social referent's "À faire": the sanction procedure, closed by the EP decision.
    await login(page, 'social.demo');
    await page.goto(`${BASE_URL}/a-faire`);
    const sanction = page.locator(`#worklist-table tbody tr[data-worklist-kind="procedure_sanction"][data-person-id="${personId}"]`);
    await sanction.waitFor();
    assert.equal((await sanction.locator('[data-kind]').textContent()).trim(), 'Procédure de sanction');
    assert.match(await sanction.locator('a[data-act]').getAttribute('href'), new RegExp(`^/personnes/${personId}#taches$`));
    const taskId = await sanction.getAttribute('data-task-id');
    const shot = screenshotPath('a-faire-sanction');
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    // axe-core on "À faire" with the EP decision form.
    const audit = await openBrowser({ bypassCSP: true });
    try {
      await login(audit.page, 'social.demo');
      await audit.page.goto(`${BASE_URL}/a-faire`);
      await audit.page.locator(`#ep-${taskId}-decision`).waitFor();
      const violations = await seriousA11yViolations(audit.page);
      assert.equal(violations.length, 0, `Violations axe (À faire, décision EP) :\n${describeViolations(violations)}`);
    } finally {
      await audit.browser.close();
    }
    // Without a decision: French message under the field.
    await sanction.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.locator(`#ep-${taskId}-decision-error .fr-error-text`).waitFor();
    await page.selectOption(`#ep-${taskId}-decision`, { label: 'Orientation maintenue' });
    await sanction.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.locator('#worklist-messages .fr-alert--success', { hasText: 'équipe pluridisciplinaire' }).waitFor();
    assert.equal(await page.locator(`#worklist-table tbody tr[data-task-id="${taskId}"]`).count(), 0, 'la tâche a disparu');

    // The decision is in the person's history ("Tâches" section).
    await page.goto(`${BASE_URL}/personnes/${personId}#taches`);
    await page.locator('#ep-decisions tbody tr', { hasText: 'Orientation maintenue' }).waitFor();
    await logout(page);
  } finally {
    await setClock(page, 0);
  }
  assert.deepEqual(cspViolations(env.consoleErrors), [], 'aucune violation de la CSP');
});
