// À faire: entry deadlines near or passed, absences to report to the orienteur, sanction
// procedures, reviews of an accompagnement global (bilan, renewal or exit); each line leads to
// the person's page (and orientation when there is one).
import { h, append, replace } from '../dom.js';
import { api } from '../api.js';
import { formatDate, plural, WORKLIST_KINDS } from '../format.js';
import { dataTable } from '../components/table.js';
import { errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { setWorklistCount } from '../components/header.js';

function kindBadge(item) {
  const k = WORKLIST_KINDS[item.kind];
  return badge(k ? k.label : item.kind, k ? k.kind : null, { 'data-kind': item.kind });
}

function personLink(item) {
  const person = item.person || {};
  const query = item.orientation_id ? `?orientation=${item.orientation_id}` : '';
  return h('a', { class: 'fr-link', href: `/personnes/${person.id}${query}` }, person.name || `Personne n° ${person.id}`);
}

export default {
  title: 'À faire',
  async render({ container }) {
    const status = h('p', { class: 'fr-mb-2w', role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const results = h('div', {});
    append(container, h('h1', {}, 'À faire'), status, results);
    let data;
    try {
      data = await api.get('/api/v1/worklist');
    } catch (error) {
      replace(status);
      replace(results, errorAlert(error));
      return;
    }
    const items = data.items || [];
    setWorklistCount(items.length);
    replace(status, plural(items.length, 'tâche'));
    replace(results, dataTable({
      id: 'worklist-table',
      caption: 'À faire',
      columns: ['Type', 'Tâche', 'Personne', 'Échéance'],
      rows: items.map((item) => [kindBadge(item), item.label, personLink(item), formatDate(item.due_on) || '—']),
      empty: 'Rien à faire pour le moment.',
    }));
  },
};
