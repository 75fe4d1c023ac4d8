// À faire: entry deadlines, absences, sanction procedures, reviews, attendances to record,
// axe 3 validations… Each line gives its deadline, the person, the action, the rule (and the
// convention it comes from) and a link "Agir" to the right section of the person's page.
// Information tasks are acknowledged here; a sanction procedure closes with the EP decision.
// The list comes 50 items a page, in due-date order (a territory's coordinator has thousands);
// ?page= is the state.
import { h, append, replace } from '../dom.js';
import { api, ApiError, queryString } from '../api.js';
import { formatDate, plural, WORKLIST_KINDS } from '../format.js';
import { dataTable } from '../components/table.js';
import { pagination } from '../components/pagination.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { setWorklistCount } from '../components/header.js';
import { taskForm, personName } from '../components/tasks.js';

const PER_PAGE = 50;

function kindLabel(item) {
  return (WORKLIST_KINDS[item.kind] || {}).label || item.kind;
}

function kindBadge(item) {
  const k = WORKLIST_KINDS[item.kind];
  return badge(kindLabel(item), k ? k.kind : null, { 'data-kind': item.kind });
}

function personLink(item) {
  if (!item.person) return '—';  // a resource sheet, not a person
  const query = item.orientation_id ? `?orientation=${item.orientation_id}` : '';
  return h('a', { class: 'fr-link', href: `/personnes/${item.person.id}${query}` }, personName(item));
}

function ruleCell(item) {
  return [
    h('span', {}, item.rule || '—'),
    item.convention ? h('span', { class: 'fr-hint-text fr-mt-1v' }, `Convention : ${item.convention}`) : null,
  ];
}

async function actionCell(item, onDone) {
  return [
    kindBadge(item),
    h('p', { class: 'fr-text--sm fr-mt-1v fr-mb-1w' }, item.label),
    await taskForm(item, onDone),
  ];
}

function actLink(item) {
  if (!item.link) return '—';
  // Items about no person (the dpo's requests and breaches, a flows deposit) say what they are.
  const about = item.person ? `${personName(item)}, ${kindLabel(item)}` : `${kindLabel(item)}, ${item.label}`;
  return h('a', { class: 'fr-link', href: item.link, 'data-act': item.kind },
    'Agir', h('span', { class: 'fr-sr-only' }, ` : ${about}`));
}

export default {
  title: 'À faire',
  async render({ container, query }) {
    const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);
    const status = h('p', { class: 'fr-mb-2w binome-count', role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const messages = h('div', { tabindex: '-1', id: 'worklist-messages' });
    const results = h('div', {});
    append(container, h('h1', {}, 'À faire'), messages, status, results);

    const load = async () => {
      let data;
      try {
        data = await api.get('/api/v1/worklist', { query: { page, per_page: PER_PAGE } });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        replace(status);
        replace(results, errorAlert(error));
        return;
      }
      const items = data.items || [];
      const total = data.total ?? items.length;
      setWorklistCount(total);
      replace(status, plural(total, 'tâche'));
      const onDone = async (message) => {
        await load();
        replace(messages, alertBox('success', message));
        messages.focus();
      };
      const rows = [];
      for (const item of items) {
        rows.push({
          attrs: {
            'data-worklist-kind': item.kind,
            'data-task-id': item.task_id ?? null,
            'data-person-id': item.person ? item.person.id : null,
          },
          cells: [
            h('span', { 'data-due-on': item.due_on || '' }, formatDate(item.due_on) || '—'),
            personLink(item),
            await actionCell(item, onDone),
            ruleCell(item),
            actLink(item),
          ],
        });
      }
      replace(results, dataTable({
        id: 'worklist-table',
        caption: 'À faire',
        columns: ['Échéance', 'Personne', 'Action', 'Règle', 'Lien'],
        rows,
        empty: page > 1 ? 'Aucune tâche sur cette page.' : 'Rien à faire pour le moment.',
      }), pagination({
        page: data.page || page,
        perPage: data.per_page || PER_PAGE,
        total,
        hrefFor: (n) => `/a-faire${queryString({ page: n > 1 ? n : null })}`,
      }));
    };
    await load();
  },
};
