// The section "Binôme" of the person page: the counsellor and the social referent in charge,
// the history of changes, and for a coordinateur the form that changes one or both of them
// (with the reason: absence, departure…). The open tasks follow the person on the server.
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDateTime, labelOf, orDash } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { dataTable } from './table.js';
import { selectField } from './form.js';
import { actionForm, fieldList } from './action-form.js';
import { refreshWorklistCount } from './header.js';
import { asOptions } from '../referentials.js';

function nameOrNone(who, none) {
  return who ? who.name : none;
}

async function referentOptions(role) {
  const items = (await api.get('/api/v1/referents', { query: { role } })).items || [];
  return items.map((r) => ({ value: r.id, label: r.organisation ? `${r.display_name} (${r.organisation})` : r.display_name }));
}

function reassignForm(personId, current, choices, onDone) {
  const f = {
    conseiller_id: selectField({
      id: 'binome-conseiller', label: 'Nouveau conseiller France Travail',
      hint: 'Laisser « Inchangé » pour garder le conseiller actuel',
      placeholder: 'Inchangé',
      options: choices.conseillers.filter((o) => !current.conseiller || o.value !== current.conseiller.id),
    }),
    referent_social_id: selectField({
      id: 'binome-referent-social', label: 'Nouveau référent social',
      hint: 'Laisser « Inchangé » pour garder le référent social actuel',
      placeholder: 'Inchangé',
      options: choices.socials.filter((o) => !current.referent_social || o.value !== current.referent_social.id),
    }),
    reason: selectField({
      id: 'binome-reason', label: 'Motif du changement', required: true,
      placeholder: 'Sélectionner un motif', options: asOptions(choices.reasons),
    }),
  };
  const idOrNull = (field) => (field.value ? Number(field.value) : null);
  return actionForm({
    label: 'Changer le binôme',
    title: 'Changer le binôme',
    headingLevel: 'h3',
    formFields: f,
    submitLabel: 'Enregistrer le changement',
    path: `/api/v1/persons/${personId}/binome`,
    body: () => ({
      conseiller_id: idOrNull(f.conseiller_id),
      referent_social_id: idOrNull(f.referent_social_id),
      reason: f.reason.value,
    }),
    onSuccess: () => onDone('Le binôme est modifié ; les tâches en cours suivent la personne.'),
    failureTitle: 'Le binôme n’a pas été modifié',
  });
}

/** The section for person p, loaded before returning. onChanged(): the page reloads the person. */
export async function binomeSection(p, user, { onChanged } = {}) {
  const messages = h('div', {});
  const body = h('div', {});
  const section = h('section', { class: 'fr-mb-4w', id: 'binome', 'aria-labelledby': 'binome-title' },
    h('h2', { class: 'fr-h4', id: 'binome-title' }, 'Binôme'),
    messages, body);

  const load = async () => {
    let data;
    let choices = null;
    try {
      data = await api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/binome`);
      if (user.role === 'coordinateur') {
        const [conseillers, socials, ref] = await Promise.all([
          referentOptions('conseiller'), referentOptions('referent_social'),
          api.get('/api/v1/referentials/binome'),
        ]);
        choices = { conseillers, socials, reasons: ref.reasons || [] };
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(body, errorAlert(error));
      return;
    }
    const onDone = async (message) => {
      await load();
      replace(messages, alertBox('success', message));
      const heading = section.querySelector('h2');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      refreshWorklistCount({ force: true });
      if (onChanged) onChanged();
    };
    const current = data.current || {};
    replace(body,
      fieldList([
        ['Conseiller France Travail', nameOrNone(current.conseiller, 'Aucun conseiller désigné'), { 'data-binome': 'conseiller' }],
        ['Référent social', nameOrNone(current.referent_social, 'Aucun référent social désigné'), { 'data-binome': 'referent_social' }],
        ['Motif', orDash(labelOf(current.reason))],
        current.at ? ['Depuis le', formatDateTime(current.at)] : null,
      ]),
      dataTable({
        id: 'binome-history',
        caption: 'Historique du binôme',
        columns: ['Date', 'Conseiller France Travail', 'Référent social', 'Motif', 'Par'],
        rows: (data.history || []).map((b) => [
          formatDateTime(b.at) || '—',
          nameOrNone(b.conseiller, '—'),
          nameOrNone(b.referent_social, '—'),
          orDash(labelOf(b.reason)),
          orDash(b.by),
        ]),
        empty: 'Le binôme n’a pas changé depuis l’orientation.',
      }),
      choices ? reassignForm(p.id, current, choices, onDone) : null);
  };
  await load();
  return { section };
}
