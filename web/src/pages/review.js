// Revue de portefeuille (coordinateurs): per agence, the monthly review whose agenda comes
// from the data; each decision is sent to the server, which records it through the same
// service as the single action; attendance by role and organisation; closing freezes it; the
// tableau de suivi downloads as XLSX.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, todayIso } from '../format.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { dataTable } from '../components/table.js';

const SIDES = { france_travail: 'France Travail (conseiller)', departement: 'Département (référent social)' };

function select(id, label, options) {
  return h('div', { class: 'fr-select-group fr-mb-1w' },
    h('label', { class: 'fr-label', for: id }, label),
    h('select', { class: 'fr-select', id }, options.map(([v, l]) => h('option', { value: v }, l))));
}

function input(id, label, attrs = {}) {
  return h('div', { class: 'fr-input-group fr-mb-1w' },
    h('label', { class: 'fr-label', for: id }, label),
    h('input', { class: 'fr-input', id, ...attrs }));
}

/** The small form that acts on one agenda item; returns null for an information-only item. */
function itemForm(item, index, send) {
  const p = `revue-item-${index}`;
  const submit = (label) => h('button', { class: 'fr-btn fr-btn--sm', type: 'submit' }, label);
  let fields;
  let build;
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
    case 'revue_due':
      fields = [select(`${p}-mois`, 'Renouvellement', [['6', '6 mois'], ['12', '12 mois']]), submit('Renouveler')];
      build = (f) => ({ kind: 'renouvellement', support_id: item.subject_id, months: Number(f.querySelector(`#${p}-mois`).value) });
      break;
    case 'axe3_a_valider':
      fields = [select(`${p}-choix`, 'Axe 3', [['oui', 'Valider'], ['non', 'Refuser']]), submit('Décider')];
      build = (f) => ({ kind: 'axe3_validation', axe3_id: item.subject_id, accept: f.querySelector(`#${p}-choix`).value === 'oui' });
      break;
    default:
      return null;
  }
  const form = h('form', { class: 'binome-inline-form', 'data-item-kind': item.kind }, fields);
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
          formatDate(it.due_on) || '—', open ? (itemForm(it, i, send) || '—') : '—'],
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
      ' ', open ? close : null));
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
  replace(holder, status, form,
    reviews.length ? h('ul', { class: 'fr-mb-3w', id: 'revue-liste' }, reviews.map((r) => {
      const b = h('button', { class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', type: 'button' },
        `Revue du ${formatDate(r.held_on)} (${r.status})`);
      b.addEventListener('click', () => showReview(detail, r.id));
      return h('li', {}, b);
    })) : h('p', {}, 'Aucune revue pour cette agence.'),
    detail);
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
