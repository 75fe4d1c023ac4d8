// Revue de portefeuille (coordinateurs): per agence, the monthly review whose agenda comes
// from the data; each decision is sent to the server, which records it through the same
// service as the single action; attendance by role and organisation; closing freezes it; the
// tableau de suivi downloads as XLSX and, once the review is closed, is sent to the agence's
// recipients as an encrypted ZIP whose password is shown once.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, todayIso } from '../format.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { dataTable } from '../components/table.js';
import { BILAN_RESULTS, EXIT_OUTCOMES } from '../components/support.js';

const SIDES = { france_travail: 'France Travail (conseiller)', departement: 'Département (référent social)' };

function select(id, label, options, attrs = {}) {
  return h('div', { class: 'fr-select-group fr-mb-1w', ...attrs },
    h('label', { class: 'fr-label', for: id }, label),
    h('select', { class: 'fr-select', id }, options.map(([v, l]) => h('option', { value: v }, l))));
}

function input(id, label, attrs = {}, groupAttrs = {}) {
  return h('div', { class: 'fr-input-group fr-mb-1w', ...groupAttrs },
    h('label', { class: 'fr-label', for: id }, label),
    h('input', { class: 'fr-input', id, ...attrs }));
}

const pairs = (list) => list.map((o) => [o.value ?? o.code, o.label]);

/** A choice of action whose own fields show only when it is chosen. */
function actionChoice(p, actions, form) {
  const choice = select(`${p}-action`, 'Décision', actions.map(([v, l]) => [v, l]));
  const show = () => {
    const chosen = form.querySelector(`#${p}-action`).value;
    form.querySelectorAll('[data-for-action]').forEach((el) => { el.hidden = el.dataset.forAction !== chosen; });
  };
  choice.querySelector('select').addEventListener('change', show);
  return { choice, show };
}

/** The small form that acts on one agenda item; returns null for an information-only item. */
function itemForm(item, index, send, axe3EndReasons) {
  const p = `revue-item-${index}`;
  const submit = (label) => h('button', { class: 'fr-btn fr-btn--sm', type: 'submit' }, label);
  let fields;
  let build;
  let actions = null;
  switch (item.kind) {
    case 'entree_a_enregistrer':
      fields = [input(`${p}-date`, 'Date d’entrée', { type: 'date', value: item.due_on || todayIso(), required: true }),
        select(`${p}-mois`, 'Durée initiale', [['6', '6 mois'], ['12', '12 mois']]), submit('Enregistrer l’entrée')];
      build = (f) => ({ kind: 'entree', orientation_id: item.subject_id, start_date: f.querySelector(`#${p}-date`).value, initial_months: Number(f.querySelector(`#${p}-mois`).value) });
      break;
    case 'decision_attendue':
    case 'desaccord':
      fields = [select(`${p}-choix`, 'Décision', [['oui', 'OUI'], ['non', 'NON']]), submit('Décider')];
      build = (f) => ({ kind: 'decision', orientation_id: item.subject_id, oui: f.querySelector(`#${p}-choix`).value === 'oui', reason: f.querySelector(`#${p}-choix`).value === 'non' ? 'public_non_concerne' : undefined });
      break;
    case 'revue_due': {
      // The review of a support: bilan, renewal or exit, as on the person's page.
      const only = (action) => ({ 'data-for-action': action });
      fields = [
        select(`${p}-bilan`, 'Résultat du bilan', pairs(BILAN_RESULTS), only('bilan')),
        select(`${p}-mois`, 'Durée du renouvellement', [['6', '6 mois'], ['12', '12 mois']], only('renouvellement')),
        select(`${p}-motif`, 'Motif de sortie', pairs(EXIT_OUTCOMES), only('sortie')),
        input(`${p}-sortie`, 'Date de sortie', { type: 'date', value: todayIso() }, only('sortie')),
        submit('Enregistrer')];
      actions = [['bilan', 'Bilan'], ['renouvellement', 'Renouvellement'], ['sortie', 'Sortie']];
      build = (f) => {
        const action = f.querySelector(`#${p}-action`).value;
        if (action === 'bilan') return { kind: 'bilan', support_id: item.subject_id, result: f.querySelector(`#${p}-bilan`).value };
        if (action === 'renouvellement') return { kind: 'renouvellement', support_id: item.subject_id, months: Number(f.querySelector(`#${p}-mois`).value) };
        return { kind: 'sortie', support_id: item.subject_id, outcome: f.querySelector(`#${p}-motif`).value, exit_date: f.querySelector(`#${p}-sortie`).value };
      };
      break;
    }
    case 'axe3_en_cours': {
      // The counsellor's re-examination: renew within the convention's limits, or end it.
      const only = (action) => ({ 'data-for-action': action });
      fields = [
        select(`${p}-motif`, 'Motif de fin', pairs(axe3EndReasons), only('axe3_fin')),
        input(`${p}-fin`, 'Date de fin', { type: 'date', value: todayIso() }, only('axe3_fin')),
        submit('Enregistrer')];
      actions = [['axe3_renouvellement', 'Renouveler l’axe 3'], ['axe3_fin', 'Mettre fin à l’axe 3']];
      build = (f) => (f.querySelector(`#${p}-action`).value === 'axe3_renouvellement'
        ? { kind: 'axe3_renouvellement', axe3_id: item.subject_id }
        : { kind: 'axe3_fin', axe3_id: item.subject_id, reason: f.querySelector(`#${p}-motif`).value, end_date: f.querySelector(`#${p}-fin`).value });
      break;
    }
    case 'axe3_a_valider':
      fields = [select(`${p}-choix`, 'Axe 3', [['oui', 'Valider'], ['non', 'Refuser']]), submit('Décider')];
      build = (f) => ({ kind: 'axe3_validation', axe3_id: item.subject_id, accept: f.querySelector(`#${p}-choix`).value === 'oui' });
      break;
    default:
      return null;
  }
  const form = h('form', { class: 'binome-inline-form', 'data-item-kind': item.kind });
  if (actions) {
    const { choice, show } = actionChoice(p, actions, form);
    append(form, choice, fields);
    show();
  } else {
    append(form, fields);
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); send(build(form)); });
  return form;
}

function attendanceForm(review, reload, status) {
  const role = input('revue-fonction', 'Fonction', { required: true, maxlength: '80' });
  const org = input('revue-organisation', 'Organisation', { required: true, maxlength: '120' });
  const form = h('form', { id: 'revue-presence', class: 'fr-mb-3w' },
    h('p', { class: 'fr-hint-text' }, 'Une fonction et une organisation, sans nom de personne.'),
    role, org, h('button', { class: 'fr-btn fr-btn--secondary fr-btn--sm', type: 'submit' }, 'Ajouter le participant'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const attendees = review.attendees.map((a) => (a.user_id ? { user_id: a.user_id, present: a.present } : { role: a.role, organisation: a.organisation, present: a.present }));
    attendees.push({ role: form.querySelector('#revue-fonction').value, organisation: form.querySelector('#revue-organisation').value, present: true });
    try {
      await api.put(`/api/v1/portfolio-reviews/${review.id}/attendance`, { attendees });
      await reload('Participant ajouté.');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  });
  return form;
}

async function showReview(holder, id, notice) {
  let review;
  try {
    review = await api.get(`/api/v1/portfolio-reviews/${id}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    replace(holder, errorAlert(error));
    return;
  }
  let axe3EndReasons = [];
  if (review.status === 'ouverte' && review.agenda.some((it) => it.kind === 'axe3_en_cours')) {
    axe3EndReasons = (await api.get('/api/v1/referentials/axe3')).end_reasons || [];
  }
  const reload = (message) => showReview(holder, id, message);
  const status = h('div', { id: 'revue-statut' }, notice ? alertBox('success', notice) : null);
  const open = review.status === 'ouverte';
  const send = async (item) => {
    try {
      const { results } = await api.post(`/api/v1/portfolio-reviews/${id}/decisions`, { items: [item] });
      if (results[0].ok) await reload('Décision enregistrée.');
      else replace(status, alertBox('error', results[0].errors.map((e) => e.message)));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  };
  const close = h('button', { class: 'fr-btn fr-btn--tertiary', type: 'button', id: 'revue-clore' }, 'Clore la revue');
  close.addEventListener('click', async () => {
    try {
      await api.post(`/api/v1/portfolio-reviews/${id}/close`, {});
      await reload('Revue close : elle ne change plus.');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  });
  replace(holder,
    h('h2', { id: 'revue-titre', 'data-status': review.status }, `Revue de ${review.agence.name} du ${formatDate(review.held_on)} (${open ? 'ouverte' : 'close'})`),
    status,
    h('p', {}, `Secrétariat : ${SIDES[review.secretariat_side]}.`),
    dataTable({
      id: 'revue-ordre-du-jour',
      caption: open ? 'Ordre du jour (calculé à partir des données)' : 'Ordre du jour (figé à la clôture)',
      columns: ['Point', 'Personne', 'Échéance', 'Décision'],
      rows: review.agenda.map((it, i) => ({
        cells: [it.label, h('a', { class: 'fr-link', href: `/personnes/${it.person.id}` }, it.person.name),
          formatDate(it.due_on) || '—', open ? (itemForm(it, i, send, axe3EndReasons) || '—') : '—'],
        attrs: { 'data-kind': it.kind },
      })),
      empty: 'Aucun point à l’ordre du jour.',
    }),
    dataTable({
      id: 'revue-decisions', caption: 'Décisions prises en revue',
      columns: ['Décision', 'Par', 'Le'],
      rows: review.decisions.map((d) => [d.detail, d.decided_by, d.decided_at.slice(0, 10).split('-').reverse().join('/')]),
      empty: 'Aucune décision pour le moment.',
    }),
    dataTable({
      id: 'revue-presents', caption: 'Participants',
      columns: ['Fonction', 'Organisation', 'Présent'],
      rows: review.attendees.map((a) => [a.role, a.organisation, a.present ? 'Oui' : 'Non']),
      empty: 'Aucun participant saisi.',
    }),
    open ? attendanceForm(review, reload, status) : null,
    h('p', {},
      h('a', { class: 'fr-btn fr-btn--secondary', id: 'revue-tableau', href: `/api/v1/portfolio-reviews/${id}/tableau.xlsx`, download: '' }, 'Télécharger le tableau de suivi (XLSX)'),
      ' ', open ? close : sendButton(review, status)),
    review.sendings.length ? dataTable({
      id: 'revue-envois', caption: 'Envois du tableau de suivi',
      columns: ['Le', 'Par', 'Destinataires', 'Échecs'],
      rows: review.sendings.map((x) => [x.sent_at.slice(0, 10).split('-').reverse().join('/'), x.sent_by, String(x.recipients), String(x.failures)]),
    }) : null);
}

/** Sends the closed review's tableau to the agence's recipients; the password shows once. */
function sendButton(review, status) {
  const button = h('button', { class: 'fr-btn fr-btn--tertiary', type: 'button', id: 'revue-envoyer' }, 'Envoyer le tableau aux destinataires');
  button.addEventListener('click', async () => {
    try {
      const r = await api.post(`/api/v1/portfolio-reviews/${review.id}/send`, {});
      const lines = [`Tableau envoyé à ${r.sent} destinataire(s), dans une archive ZIP chiffrée (AES-256).`,
        `Mot de passe de l’archive, à communiquer aux destinataires par téléphone ou de vive voix — il ne sera plus affiché : ${r.password}`,
        ...r.failures];
      replace(status, alertBox(r.failures.length ? 'warning' : 'success', lines));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  });
  return button;
}

/** The agence's recipients of the tableau de suivi (seed 002 art. 5.2 a): list, add, remove. */
async function recipientsSection(holder, agenceId) {
  let data;
  try {
    data = await api.get(`/api/v1/agences/${agenceId}/review-recipients`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    replace(holder, errorAlert(error));
    return;
  }
  const status = h('div', { id: 'destinataires-statut' });
  const save = async (list, message) => {
    try {
      await api.put(`/api/v1/agences/${agenceId}/review-recipients`, {
        recipients: list.map((r) => ({ function: r.function.code, email: r.email })),
      });
      await recipientsSection(holder, agenceId);
      append(holder.querySelector('#destinataires-statut'), alertBox('success', message));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  };
  const form = h('form', { id: 'destinataires-ajout', class: 'fr-mb-3w' },
    select('destinataire-fonction', 'Fonction', pairs(data.functions)),
    input('destinataire-courriel', 'Adresse de courriel professionnelle', { type: 'email', required: true, maxlength: '200' }),
    h('button', { class: 'fr-btn fr-btn--secondary fr-btn--sm', type: 'submit' }, 'Ajouter le destinataire'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = form.querySelector('#destinataire-fonction').value;
    const email = form.querySelector('#destinataire-courriel').value.trim();
    save([...data.recipients, { function: { code }, email }], 'Destinataire ajouté.');
  });
  replace(holder,
    h('h2', { class: 'fr-h4' }, 'Destinataires du tableau de suivi'),
    h('p', { class: 'fr-hint-text' }, 'Ceux que la convention nomme : conseiller, travailleur social, direction et chargé FSE de France Travail, conseillers territoriaux insertion, chargé de mission du Département. Le tableau leur parvient chiffré ; le mot de passe se donne par un autre canal.'),
    status,
    dataTable({
      id: 'destinataires', caption: 'Destinataires de cette agence',
      columns: ['Fonction', 'Adresse', 'Action'],
      rows: data.recipients.map((r, i) => {
        const remove = h('button', { class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', type: 'button' }, `Retirer ${r.email}`);
        remove.addEventListener('click', () => save(data.recipients.filter((_, j) => j !== i), 'Destinataire retiré.'));
        return [r.function.label, r.email, remove];
      }),
      empty: 'Aucun destinataire : le tableau ne peut pas être envoyé.',
    }),
    form);
}

async function showAgence(holder, agenceId) {
  const reviews = (await api.get(`/api/v1/agences/${agenceId}/portfolio-reviews`)).items;
  const detail = h('div', { id: 'revue-detail' });
  const date = input('revue-date', 'Date de la revue', { type: 'date', value: todayIso(), required: true });
  const status = h('div');
  const form = h('form', { id: 'revue-ouvrir', class: 'fr-mb-3w' }, date,
    h('button', { class: 'fr-btn', type: 'submit' }, 'Ouvrir la revue du mois'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const review = await api.post(`/api/v1/agences/${agenceId}/portfolio-reviews`, { held_on: form.querySelector('#revue-date').value });
      await showReview(detail, review.id, 'Revue ouverte.');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  });
  const recipients = h('section', { id: 'revue-destinataires', class: 'fr-mt-4w' });
  replace(holder, status, form,
    reviews.length ? h('ul', { class: 'fr-mb-3w', id: 'revue-liste' }, reviews.map((r) => {
      const b = h('button', { class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', type: 'button' },
        `Revue du ${formatDate(r.held_on)} (${r.status})`);
      b.addEventListener('click', () => showReview(detail, r.id));
      return h('li', {}, b);
    })) : h('p', {}, 'Aucune revue pour cette agence.'),
    detail, recipients);
  await recipientsSection(recipients, agenceId);
}

export default {
  title: 'Revue de portefeuille',
  async render({ container }) {
    append(container, h('h1', {}, 'Revue de portefeuille'),
      h('p', { class: 'fr-text--lead' }, 'Revue mensuelle par agence : l’ordre du jour vient des données, chaque décision passe par les mêmes contrôles qu’une action isolée.'));
    let agences;
    try {
      agences = (await api.get('/api/v1/indicators')).choices.filter((c) => c.scope === 'agence');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      append(container, errorAlert(error));
      return;
    }
    const holder = h('div', { id: 'revue-agence' });
    const choice = select('revue-agence-choix', 'Agence', agences.map((a) => [a.id, a.label]));
    const form = h('form', { class: 'fr-mb-3w' }, choice, h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, 'Choisir'));
    form.addEventListener('submit', (event) => { event.preventDefault(); showAgence(holder, form.querySelector('select').value); });
    append(container, agences.length ? form : h('p', {}, 'Aucune agence dans votre périmètre.'), holder);
    if (agences.length) await showAgence(holder, agences[0].id);
  },
};
