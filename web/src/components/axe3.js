// The section "Axe 3" (accompagnement social exclusif) of the person page: the request by a
// referent, the validation or refusal by the authority the convention names (a Département
// coordinateur in the demo; over the quota, only after confirming a derogation), the renewal
// at the counsellor's re-examination and the end.
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, formatDateTime, labelOf, orDash, todayIso } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { badge } from './badge.js';
import { dataTable } from './table.js';
import { inputField, selectField } from './form.js';
import { actionForm, fieldList } from './action-form.js';
import { refreshWorklistCount } from './header.js';
import { asOptions } from '../referentials.js';

const STATE_BADGES = { a_valider: 'new', en_cours: 'info', refuse: 'error', termine: null };

let referential = null;
function axe3Referential() {
  if (!referential) {
    referential = api.get('/api/v1/referentials/axe3').catch((error) => {
      referential = null;
      throw error;
    });
  }
  return referential;
}

function when(value) {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : formatDateTime(value);
}

function requestForm(personId, onDone) {
  const f = {
    planned_start: inputField({
      id: 'axe3-planned-start', label: 'Date de début prévue', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
    }),
  };
  return actionForm({
    label: 'Demander l’axe 3',
    title: 'Demander un accompagnement social exclusif (axe 3)',
    headingLevel: 'h3',
    formFields: f,
    submitLabel: 'Demander l’axe 3',
    path: `/api/v1/persons/${personId}/axe3`,
    body: () => ({ planned_start: f.planned_start.value }),
    onSuccess: () => onDone('La demande d’axe 3 est enregistrée ; elle attend sa validation.'),
    failureTitle: 'La demande n’a pas été enregistrée',
  });
}

/**
 * Validate / refuse. A quota refusal (409 quota_axe3) shows the server's explanation and, for
 * a coordinateur, a second button that validates with a derogation once confirmed.
 */
function validationForms(a, user, onDone) {
  const path = `/api/v1/axe3/${a.id}/validation`;
  const derogation = h('div', {});
  const onQuota = (error) => {
    if (error.status !== 409 || !error.errors.some((e) => e.code === 'quota_axe3')) return false;
    replace(derogation,
      alertBox('warning', error.errors.map((e) => e.message), 'Quota de l’axe 3 atteint'),
      user.role === 'coordinateur'
        ? actionForm({
          label: 'Dérogation au quota',
          title: null,
          extra: h('p', {}, 'Vous pouvez valider malgré le quota : la dérogation sera tracée dans l’historique.'),
          submitLabel: 'Confirmer la dérogation et valider',
          path,
          body: { accept: true, override_quota: true },
          onSuccess: () => onDone('L’axe 3 est validé avec une dérogation au quota.'),
          failureTitle: 'L’axe 3 n’a pas été validé',
        })
        : null);
    return true;
  };
  return h('div', { class: 'fr-mb-3w', 'data-axe3-validation': String(a.id) },
    h('h4', { class: 'fr-h6' }, 'Validation'),
    actionForm({
      label: 'Valider l’axe 3', title: null, submitLabel: 'Valider l’axe 3',
      path, body: { accept: true },
      onSuccess: () => onDone('L’axe 3 est validé : l’accompagnement social exclusif commence.'),
      onError: onQuota,
      failureTitle: 'L’axe 3 n’a pas été validé',
    }),
    derogation,
    actionForm({
      label: 'Refuser l’axe 3', title: null, submitLabel: 'Refuser l’axe 3', secondary: true,
      path, body: { accept: false },
      onSuccess: () => onDone('La demande d’axe 3 n’est pas validée.'),
      failureTitle: 'Le refus n’a pas été enregistré',
    }));
}

function runningForms(a, endReasons, onDone) {
  const prefix = `axe3-${a.id}`;
  const end = {
    reason: selectField({
      id: `${prefix}-end-reason`, label: 'Motif de fin', required: true,
      placeholder: 'Sélectionner un motif', options: asOptions(endReasons),
    }),
    end_date: inputField({
      id: `${prefix}-end-date`, label: 'Date de fin', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
    }),
  };
  return h('div', {},
    actionForm({
      label: 'Renouveler l’axe 3', title: 'Réexamen : renouveler', submitLabel: 'Renouveler l’axe 3',
      path: `/api/v1/axe3/${a.id}/renewal`, body: undefined,
      onSuccess: () => onDone('L’axe 3 est renouvelé.'),
      failureTitle: 'L’axe 3 n’a pas été renouvelé',
    }),
    actionForm({
      label: 'Fin de l’axe 3', title: 'Fin de l’axe 3', formFields: end, submitLabel: 'Enregistrer la fin',
      path: `/api/v1/axe3/${a.id}/end`,
      body: () => ({ reason: end.reason.value, end_date: end.end_date.value }),
      onSuccess: () => onDone('La fin de l’axe 3 est enregistrée.'),
      failureTitle: 'La fin n’a pas été enregistrée',
    }));
}

function axe3Block(a, user, endReasons, onDone) {
  const titleId = `axe3-${a.id}-title`;
  const mayValidate = user.role === 'coordinateur';
  return h('article', {
    class: 'binome-orientation fr-p-3w fr-mb-4w',
    id: `axe3-${a.id}`,
    'data-axe3-id': String(a.id),
    'data-state': a.state,
    'aria-labelledby': titleId,
  },
  h('h3', { class: 'fr-h5', id: titleId }, `Axe 3 demandé pour le ${formatDate(a.planned_start)}`),
  fieldList([
    ['État', badge(a.state_label || a.state, STATE_BADGES[a.state] ?? null, { 'data-state': a.state })],
    ['Convention', orDash(labelOf(a.convention))],
    ['Service', orDash(a.service)],
    ['Début prévu', formatDate(a.planned_start)],
    a.start_date ? ['Début', formatDate(a.start_date)] : null,
    ['Durée totale', `${a.total_months} mois`],
    ['Renouvellements', String(a.renewals ?? 0)],
    a.review_due_on ? ['Réexamen par le conseiller le', formatDate(a.review_due_on), { 'data-review-due-on': a.review_due_on }] : null,
    a.france_travail_suspended ? ['Accompagnement France Travail', 'Suspendu pendant l’axe 3'] : null,
    a.quota_override ? ['Quota', 'Dérogation accordée'] : null,
    a.end ? ['Fin', `${labelOf(a.end.reason)} le ${formatDate(a.end.date)}`] : null,
  ]),
  a.state === 'a_valider' && !mayValidate
    ? h('p', {}, 'Cette demande attend la validation de l’autorité désignée par la convention.')
    : null,
  a.state === 'a_valider' && mayValidate ? validationForms(a, user, onDone) : null,
  a.state === 'en_cours' ? runningForms(a, endReasons, onDone) : null,
  dataTable({
    id: `axe3-${a.id}-history`,
    caption: 'Historique de l’axe 3',
    columns: ['Date', 'Par', 'Événement'],
    rows: (a.history || []).map((e) => [when(e.at), orDash(e.user), e.label]),
    empty: 'Aucun événement.',
  }));
}

/** The section for person p, loaded before returning. */
export async function axe3Section(p, user) {
  const messages = h('div', {});
  const list = h('div', {});
  const section = h('section', { class: 'fr-mb-4w', id: 'axe3', 'aria-labelledby': 'axe3-title' },
    h('h2', { class: 'fr-h4', id: 'axe3-title' }, 'Accompagnement social exclusif (axe 3)'),
    messages, list);

  const load = async () => {
    let items;
    let endReasons = [];
    try {
      items = (await api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/axe3`)).items || [];
      if (items.some((a) => a.state === 'en_cours')) endReasons = (await axe3Referential()).end_reasons || [];
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(list, errorAlert(error));
      return;
    }
    const onDone = async (message) => {
      await load();
      replace(messages, alertBox('success', message));
      const heading = section.querySelector('h2');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      refreshWorklistCount({ force: true });
    };
    const open = items.some((a) => a.state === 'a_valider' || a.state === 'en_cours');
    replace(list,
      items.length === 0 ? h('p', {}, 'Aucun accompagnement social exclusif pour cette personne.') : null,
      items.map((a) => axe3Block(a, user, endReasons, onDone)),
      open ? null : requestForm(p.id, onDone));
  };
  await load();
  return { section };
}
