// Orientations en cours: the pending orientations the user may see, with their entry deadline,
// oldest first, a page at a time (a territory's coordinator has thousands). ?page= is the state.
import { h, append, replace } from '../dom.js';
import { api, queryString } from '../api.js';
import { formatDate, labelOf, plural } from '../format.js';
import { dataTable } from '../components/table.js';
import { pagination } from '../components/pagination.js';
import { errorAlert } from '../components/alert.js';
import { deadlineBadge, statusBadge } from '../components/badge.js';

const PER_PAGE = 50;

/** The person of an orientation: { id, name } when the server gives it, else its number. */
function personLink(o) {
  const person = o.person || {};
  const id = person.id ?? o.person_id;
  const name = person.name || o.person_name || `Personne n° ${id}`;
  return h('a', { class: 'fr-link', href: `/personnes/${id}?orientation=${o.id}` }, name);
}

function dueCell(o) {
  if (!o.due_on) return '—';
  return [h('span', { 'data-due-on': o.due_on }, formatDate(o.due_on)), ' ', deadlineBadge(o.deadline_state)];
}

export default {
  title: 'Orientations en cours',
  async render({ container, query }) {
    const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);
    const status = h('p', { class: 'fr-mb-2w binome-count', role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const results = h('div', {});
    append(container,
      h('h1', {}, 'Orientations en cours'),
      h('p', {}, 'Orientations vers l’accompagnement global qui attendent une réponse, une décision ou l’entrée de la personne.'),
      status,
      results);
    let data;
    try {
      data = await api.get('/api/v1/orientations', { query: { page, per_page: PER_PAGE } });
    } catch (error) {
      replace(status);
      replace(results, errorAlert(error));
      return;
    }
    const items = data.items || [];
    const total = data.total ?? items.length;
    replace(status, plural(total, 'orientation en cours', 'orientations en cours'));
    replace(results, dataTable({
      id: 'orientations-table',
      caption: 'Orientations en cours',
      columns: ['Personne', 'Mode', 'Statut', 'Orientée le', 'Échéance d’entrée'],
      rows: items.map((o) => [
        personLink(o),
        labelOf(o.decision_mode),
        statusBadge(o),
        formatDate(o.oriented_on),
        dueCell(o),
      ]),
      empty: page > 1 ? 'Aucune orientation sur cette page.' : 'Aucune orientation en cours.',
    }), pagination({
      page: data.page || page,
      perPage: data.per_page || PER_PAGE,
      total,
      hrefFor: (n) => `/orientations${queryString({ page: n > 1 ? n : null })}`,
    }));
  },
};
