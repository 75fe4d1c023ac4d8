// The section "Accompagnement global" of the person page: each support (state, dates,
// durations, renewals, last bilan, exit, history) and its forms (bilan, renewal, exit).
// Also the form "Enregistrer l'entrée" used by the orientation component.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, formatDateTime, orDash, labelOf, todayIso, SUPPORT_STATE_BADGES } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { badge } from './badge.js';
import { dataTable } from './table.js';
import { inputField, selectField } from './form.js';
import { refreshWorklistCount } from './header.js';
import { actionForm, fieldList as fields, monthOptions } from './action-form.js';

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

function durationsHint(list, prefix) {
  return list && list.length ? `${prefix} : ${list.map((m) => `${m} mois`).join(', ')}` : null;
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
      placeholder: 'Sélectionner une durée', options: monthOptions(o.entry_durations),
      hint: durationsHint(o.entry_durations, 'Durées prévues par la convention'),
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

/** The convention's renewal steps that keep the total within its maximum. */
function renewalSteps(s) {
  const steps = s.renewal_steps || [];
  const max = s.max_total_months;
  return max ? steps.filter((m) => s.total_months + m <= max) : steps;
}

function noRenewal(s) {
  const max = s.max_total_months ? ` (${s.max_total_months} mois au plus selon la convention)` : '';
  return h('div', { class: 'fr-mb-3w', 'data-renewal': 'impossible' },
    h('h4', { class: 'fr-h6' }, 'Renouveler'),
    h('p', { class: 'fr-mb-0' }, `Renouvellement impossible : durée maximale atteinte${max}. `
      + 'Enregistrez le bilan puis la sortie.'));
}

function supportForms(s, onDone) {
  if (s.state !== 'en_cours') return null;
  const prefix = `support-${s.id}`;
  const bilan = { result: selectField({
    id: `${prefix}-bilan`, label: 'Résultat du bilan', required: true,
    placeholder: 'Sélectionner un résultat', options: BILAN_RESULTS,
  }) };
  const steps = renewalSteps(s);
  const renewal = { months: selectField({
    id: `${prefix}-renewal`, label: 'Durée du renouvellement', required: true,
    placeholder: 'Sélectionner une durée', options: monthOptions(steps),
    hint: s.max_total_months ? `Durée totale de ${s.max_total_months} mois au plus selon la convention` : null,
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
    s.renewable && steps.length > 0
      ? actionForm({
        label: 'Renouveler', title: 'Renouveler', formFields: renewal, submitLabel: 'Renouveler',
        path: `${base}/renewal`, body: () => ({ months: Number(renewal.months.value) }),
        onSuccess: (u) => onDone(u, 'Le renouvellement est enregistré.'),
        failureTitle: 'Le renouvellement n’a pas été enregistré',
      })
      : noRenewal(s),
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
  s.rsa_referent_is_counsellor
    ? h('div', { class: 'fr-alert fr-alert--info fr-alert--sm fr-mb-3w', 'data-rsa-referent': 'conseiller' },
      h('p', {}, 'Le conseiller est référent RSA pendant l’accompagnement'))
    : null,
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
  const section = h('section', { class: 'fr-mb-4w', id: 'accompagnement', 'aria-labelledby': 'supports-title' },
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
