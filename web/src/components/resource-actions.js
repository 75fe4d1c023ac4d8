// The section "Ressources mobilisées" of the person page (axe 1, item 5 of the issue): the
// services of the base proposed to the person, with their status (proposée, réalisée,
// abandonnée) and dates, and a search among the services covering the person's commune for a
// problématique, to link one. Structured facts only: no free text about the person.
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, todayIso } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { badge } from './badge.js';
import { dataTable } from './table.js';
import { inputField, selectField } from './form.js';
import { actionForm } from './action-form.js';

const STATUS_BADGES = { proposee: 'info', realisee: 'success', abandonnee: 'warning' };

function fold(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** The INSEE code of the person's commune, from the département's list (postal code + name). */
function communeOf(person, communes) {
  const a = person.address || {};
  const named = communes.filter((c) => fold(c.nom) === fold(a.commune));
  const exact = named.find((c) => c.code_postal === a.postal_code);
  return (exact || named[0] || null)?.code_insee || '';
}

function statusForms(a, onDone) {
  if (a.status !== 'proposee') return '—';
  const date = inputField({
    id: `resource-action-${a.id}-on`, label: 'Date', type: 'date', required: true,
    hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
  });
  const status = selectField({
    id: `resource-action-${a.id}-status`, label: 'Nouveau statut', required: true,
    placeholder: 'Sélectionner un statut',
    options: [{ value: 'realisee', label: 'Réalisée' }, { value: 'abandonnee', label: 'Abandonnée' }],
  });
  return actionForm({
    label: `Statut de « ${a.service.nom} »`, title: null, formFields: { status, on: date },
    submitLabel: 'Enregistrer le statut', path: `/api/v1/resource-actions/${a.id}/status`,
    body: () => ({ status: status.value, on: date.value }),
    onSuccess: () => onDone('Le statut est enregistré.'),
    failureTitle: 'Le statut n’a pas été enregistré', secondary: true,
  });
}

function actionsTable(items, onDone) {
  return dataTable({
    id: 'resource-actions',
    caption: 'Ressources proposées à la personne',
    columns: ['Problématique', 'Service', 'Proposée le', 'Statut', 'Changer le statut'],
    rows: items.map((a) => ({
      attrs: { 'data-action-id': String(a.id), 'data-status': a.status },
      cells: [
        a.problematique.label,
        [h('a', { href: `/ressources/${a.service.id}` }, a.service.nom), h('br'), a.service.structure],
        formatDate(a.proposed_on),
        [badge(a.status_label, STATUS_BADGES[a.status] || null),
          a.done_on ? ` le ${formatDate(a.done_on)}` : '',
          a.abandoned_on ? ` le ${formatDate(a.abandoned_on)}` : ''],
        statusForms(a, onDone),
      ],
    })),
    empty: 'Aucune ressource proposée.',
  });
}

/** The search form and its results; onLinked(message) after a service is linked. */
function linkPanel(person, refs, communes, onLinked) {
  const problem = selectField({
    id: 'link-problematique', label: 'Problématique', required: true,
    placeholder: 'Sélectionner une problématique',
    options: refs.problematiques.map((p) => ({ value: p.code, label: p.label })),
  });
  const commune = selectField({
    id: 'link-commune', label: 'Commune couverte par le service',
    placeholder: 'Toutes les communes',
    options: communes.map((c) => ({ value: c.code_insee, label: `${c.nom} (${c.code_insee})` })),
    value: communeOf(person, communes),
  });
  const proposedOn = inputField({
    id: 'link-proposed-on', label: 'Proposée le', type: 'date', required: true,
    hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
  });
  const messages = h('div', {});
  const results = h('div', { id: 'link-results', 'aria-live': 'polite' });
  const search = async () => {
    replace(messages);
    if (!problem.value) {
      problem.setErrors(['Choisissez la problématique de la personne.']);
      problem.control.focus();
      return;
    }
    problem.setErrors([]);
    let data;
    try {
      data = await api.get('/api/v1/resources/services', {
        query: { problematique: problem.value, commune: commune.value || null, per_page: 10 },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(results, errorAlert(error));
      return;
    }
    if (data.items.length === 0) {
      replace(results, h('p', {}, 'Aucun service publié ne correspond.'));
      return;
    }
    const chosenProblem = problem.value;
    replace(results,
      h('p', { class: 'fr-mb-1w' }, data.total_capped ? 'Plus de 500 services : les 10 premiers.'
        : `${data.total} service${data.total > 1 ? 's' : ''}${data.total > 10 ? ' : les 10 premiers' : ''}.`),
      h('ul', { class: 'binome-link-results' }, data.items.map((s) => {
        const link = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary' },
          `Proposer « ${s.nom} »`);
        link.addEventListener('click', async () => {
          replace(messages);
          link.disabled = true;
          try {
            await api.post(`/api/v1/persons/${person.id}/resource-actions`,
              { service_id: s.id, problematique: chosenProblem, proposed_on: proposedOn.value });
          } catch (error) {
            link.disabled = false;
            if (!(error instanceof ApiError)) throw error;
            replace(messages, alertBox('error', error.errors.map((e) => e.message), 'Le service n’a pas été proposé'));
            return;
          }
          replace(results);
          await onLinked(`« ${s.nom} » est proposé à la personne.`);
        });
        return h('li', { class: 'fr-mb-2w', 'data-service-id': String(s.id) },
          h('p', { class: 'fr-mb-1v' },
            h('a', { href: `/ressources/${s.id}` }, s.nom), ` — ${s.structure.nom}`,
            s.commune ? ` (${s.commune})` : '',
            s.stale ? [' ', badge('À mettre à jour', 'warning')] : null),
          link);
      })));
  };
  const button = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-icon-search-line fr-btn--icon-left' },
    'Chercher un service');
  button.addEventListener('click', search);
  return h('div', { class: 'fr-p-3w fr-mb-3w binome-orientation', id: 'resource-link' },
    h('h3', { class: 'fr-h6' }, 'Proposer une ressource'),
    messages,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, problem.group),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, commune.group),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, proposedOn.group)),
    h('p', {}, button),
    results);
}

/** The section for person p; empty when the user may not see the person's resources. */
export async function resourceActionsSection(p) {
  const section = h('section', { class: 'fr-mb-4w', id: 'ressources-mobilisees', 'aria-labelledby': 'resource-actions-title' },
    h('h2', { class: 'fr-h4', id: 'resource-actions-title' }, 'Ressources mobilisées'));
  const notice = h('div', {});
  const list = h('div', {});
  const reload = async (message) => {
    const data = await api.get(`/api/v1/persons/${p.id}/resource-actions`);
    replace(notice, message ? alertBox('success', message) : null);
    replace(list, actionsTable(data.items, reload));
  };
  try {
    const [refs, communes] = await Promise.all([
      api.get('/api/v1/resources/referentials'),
      api.get('/api/v1/communes'),
    ]);
    await reload();
    section.append(notice, list, linkPanel(p, refs, communes.communes, reload));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    section.append(errorAlert(error));
  }
  return { section };
}
