// The section "Accompagnement global" of the person page: each support (state, dates,
// durations, renewals, last bilan, exit, history) and its forms (bilan, renewal, exit).
// Also the form "Enregistrer l'entrée" used by the orientation component.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, formatDateTime, orDash, labelOf, todayIso, SUPPORT_STATE_BADGES } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { badge } from './badge.js';
import { dataTable } from './table.js';
import { inputField, selectField, applyFieldErrors, checkRequired } from './form.js';
import { refreshWorklistCount } from './header.js';

/** Durations of the demo convention (initial duration and renewal steps). */
const DURATIONS = [6, 12].map((m) => ({ value: m, label: `${m} mois` }));

export const BILAN_RESULTS = [
  { value: 'objectif_atteint', label: 'Objectif atteint' },
  { value: 'objectif_partiellement_atteint', label: 'Objectif partiellement atteint' },
  { value: 'objectif_non_atteint', label: 'Objectif non atteint' },
];

export const EXIT_OUTCOMES = [
  { value: 'emploi_cdi', label: 'Emploi CDI' },
  { value: 'emploi_cdd_plus_6', label: 'Emploi CDD/CTT de plus de 6 mois' },
  { value: 'emploi_cdd_moins_6', label: 'Emploi CDD/CTT de moins de 6 mois' },
  { value: 'creation_entreprise', label: 'Création ou reprise d’entreprise' },
  { value: 'autre_sortie', label: 'Autre sortie' },
  { value: 'service_civique', label: 'Service civique' },
  { value: 'autres_suivis_ft', label: 'Autres suivis France Travail' },
  { value: 'retrait_marche', label: 'Retrait du marché du travail' },
  { value: 'orientation_axe3', label: 'Orientation vers l’axe 3' },
  { value: 'reorientation_referent', label: 'Réorientation vers un autre référent' },
];

/** 'YYYY-MM-DD' as a date, anything longer as a Paris date and time. */
function when(value) {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : formatDateTime(value);
}

function fields(rows) {
  return h('dl', { class: 'binome-fields fr-mb-3w' },
    rows.filter(Boolean).map(([label, value, attrs]) => [h('dt', {}, label), h('dd', attrs || {}, value)]));
}

/**
 * A small form: fields { apiName: field }, body() → JSON sent to path, onSuccess(result).
 * Required fields checked here, the server's errors put under the matching fields.
 */
function actionForm({ label, title, formFields, submitLabel, path, body, onSuccess, failureTitle }) {
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn fr-btn--sm' }, submitLabel);
  const form = h('form', { novalidate: true, class: 'fr-mb-3w', 'aria-label': label },
    h('h4', { class: 'fr-h6' }, title),
    messages,
    Object.values(formFields).map((f) => h('div', { class: 'fr-mb-2w' }, f.group)),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--sm' }, h('li', {}, submit)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    if (!checkRequired(Object.values(formFields))) return;
    submit.disabled = true;
    try {
      const result = await api.post(path, body());
      await onSuccess(result);
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      const general = applyFieldErrors(error, formFields);
      replace(messages, alertBox('error', general.length ? general : error.errors.map((e) => e.message), failureTitle));
    }
  });
  return form;
}

/** The form "Enregistrer l'entrée" of an orientation en_attente_entree; onEntered(support). */
export function entryForm(o, onEntered) {
  const prefix = `entry-${o.id}`;
  const f = {
    start_date: inputField({
      id: `${prefix}-date`, label: 'Date d’entrée', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA',
      value: (o.decision && o.decision.planned_start_on) || todayIso(),
    }),
    initial_months: selectField({
      id: `${prefix}-months`, label: 'Durée initiale de l’accompagnement', required: true,
      placeholder: 'Sélectionner une durée', options: DURATIONS,
    }),
  };
  return actionForm({
    label: 'Entrée en accompagnement global',
    title: 'Entrée en accompagnement global',
    formFields: f,
    submitLabel: 'Enregistrer l’entrée',
    path: `/api/v1/orientations/${o.id}/entry`,
    body: () => ({ start_date: f.start_date.value, initial_months: Number(f.initial_months.value) }),
    onSuccess: onEntered,
    failureTitle: 'L’entrée n’a pas été enregistrée',
  });
}

function bilanText(b) {
  if (!b) return 'Aucun bilan';
  const parts = [labelOf(b.result)];
  if (b.on) parts.push(` le ${when(b.on)}`);
  if (!b.for_current_period) parts.push(' (période précédente)');
  return parts.join('');
}

function exitText(e) {
  if (!e) return '—';
  return `${labelOf(e.outcome)}${e.date ? ` le ${formatDate(e.date)}` : ''}`;
}

function stateBadge(s) {
  const kind = SUPPORT_STATE_BADGES[s.state] || null;
  return badge(s.state_label || s.state, kind, { 'data-state': s.state });
}

function supportForms(s, onDone) {
  if (s.state !== 'en_cours') return null;
  const prefix = `support-${s.id}`;
  const bilan = { result: selectField({
    id: `${prefix}-bilan`, label: 'Résultat du bilan', required: true,
    placeholder: 'Sélectionner un résultat', options: BILAN_RESULTS,
  }) };
  const renewal = { months: selectField({
    id: `${prefix}-renewal`, label: 'Durée du renouvellement', required: true,
    placeholder: 'Sélectionner une durée', options: DURATIONS,
  }) };
  const exit = {
    outcome: selectField({
      id: `${prefix}-exit-outcome`, label: 'Motif de sortie', required: true,
      placeholder: 'Sélectionner un motif', options: EXIT_OUTCOMES,
    }),
    exit_date: inputField({
      id: `${prefix}-exit-date`, label: 'Date de sortie', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
    }),
  };
  const base = `/api/v1/supports/${s.id}`;
  return h('div', {},
    actionForm({
      label: 'Bilan', title: 'Bilan', formFields: bilan, submitLabel: 'Enregistrer le bilan',
      path: `${base}/bilan`, body: () => ({ result: bilan.result.value }),
      onSuccess: (u) => onDone(u, 'Le bilan est enregistré.'),
      failureTitle: 'Le bilan n’a pas été enregistré',
    }),
    actionForm({
      label: 'Renouveler', title: 'Renouveler', formFields: renewal, submitLabel: 'Renouveler',
      path: `${base}/renewal`, body: () => ({ months: Number(renewal.months.value) }),
      onSuccess: (u) => onDone(u, 'Le renouvellement est enregistré.'),
      failureTitle: 'Le renouvellement n’a pas été enregistré',
    }),
    actionForm({
      label: 'Sortie', title: 'Sortie', formFields: exit, submitLabel: 'Enregistrer la sortie',
      path: `${base}/exit`, body: () => ({ outcome: exit.outcome.value, exit_date: exit.exit_date.value }),
      onSuccess: (u) => onDone(u, 'La sortie est enregistrée.'),
      failureTitle: 'La sortie n’a pas été enregistrée',
    }));
}

function supportBlock(s, onDone, notice) {
  const titleId = `support-${s.id}-title`;
  return h('article', {
    class: 'binome-orientation fr-p-3w fr-mb-4w',
    id: `support-${s.id}`,
    'data-support-id': String(s.id),
    'data-state': s.state,
    'aria-labelledby': titleId,
  },
  h('h3', { class: 'fr-h5', id: titleId, tabindex: '-1' }, `Accompagnement du ${formatDate(s.start_date)}`),
  notice || null,
  fields([
    ['État', stateBadge(s)],
    ['Convention', orDash(labelOf(s.convention))],
    ['Entrée le', formatDate(s.start_date)],
    ['Durée initiale', `${s.initial_months} mois`],
    s.state === 'en_cours' && s.review_due_on
      ? ['Fin de période (réexamen le)', formatDate(s.review_due_on), { 'data-review-due-on': s.review_due_on }] : null,
    ['Durée totale', `${s.total_months} mois`, { 'data-total-months': String(s.total_months) }],
    ['Renouvellements', String(s.renewals ?? 0)],
    ['Dernier bilan', bilanText(s.bilan)],
    ['Sortie', exitText(s.exit)],
    s.followup_end ? ['Fin du suivi dans l’emploi', formatDate(s.followup_end)] : null,
  ]),
  supportForms(s, onDone),
  h('div', { class: 'fr-mb-2w' },
    dataTable({
      id: `support-${s.id}-history`,
      caption: 'Historique de l’accompagnement',
      columns: ['Date', 'Par', 'Événement'],
      rows: (s.history || []).map((e) => [when(e.at), orDash(e.user), e.label]),
      empty: 'Aucun événement.',
    })));
}

/**
 * The section for person p, loaded before returning. reload() fetches the supports again
 * (after an entry recorded on an orientation).
 */
export async function supportSection(p) {
  const list = h('div', {});
  const section = h('section', { class: 'fr-mb-4w', id: 'supports', 'aria-labelledby': 'supports-title' },
    h('h2', { class: 'fr-h4', id: 'supports-title' }, 'Accompagnement global'),
    list);
  const blocks = new Map();
  const onDone = (updated, message) => {
    const block = supportBlock(updated, onDone, alertBox('success', message));
    blocks.get(updated.id).replaceWith(block);
    blocks.set(updated.id, block);
    block.querySelector('h3').focus();
    refreshWorklistCount({ force: true });
  };
  const reload = async () => {
    let items;
    try {
      items = (await api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/supports`)).items || [];
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(list, errorAlert(error));
      return;
    }
    blocks.clear();
    replace(list);
    if (items.length === 0) {
      append(list, h('p', {}, 'Cette personne n’est pas entrée en accompagnement global.'));
    }
    for (const s of items) {
      const block = supportBlock(s, onDone);
      blocks.set(s.id, block);
      append(list, block);
    }
  };
  await reload();
  return { section, reload };
}
