// The section "Tâches" of the person page: the user's open tasks about this person (with the
// acknowledgement or the EP decision form) and the history of the decisions of the équipe
// pluridisciplinaire.
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, formatDateTime, labelOf, orDash, WORKLIST_KINDS } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { badge } from './badge.js';
import { dataTable } from './table.js';
import { refreshWorklistCount } from './header.js';
import { taskForm, rememberEpChoices } from './tasks.js';

async function openTasks(personId) {
  return (await api.get(`/api/v1/persons/${encodeURIComponent(personId)}/tasks`)).items || [];
}

/** The section for person p, loaded before returning. */
export async function personTasksSection(p) {
  const messages = h('div', {});
  const body = h('div', {});
  const section = h('section', { class: 'fr-mb-4w', id: 'taches', 'aria-labelledby': 'taches-title' },
    h('h2', { class: 'fr-h4', id: 'taches-title' }, 'Tâches et décisions de l’équipe pluridisciplinaire'),
    messages, body);

  const load = async () => {
    let tasks;
    let decisions;
    try {
      [tasks, decisions] = await Promise.all([
        openTasks(p.id),
        api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/ep-decisions`),
      ]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(body, errorAlert(error));
      return;
    }
    rememberEpChoices(decisions.choices);
    const onDone = async (message) => {
      await load();
      replace(messages, alertBox('success', message));
      const heading = section.querySelector('h2');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      refreshWorklistCount({ force: true });
    };
    const taskRows = [];
    for (const t of tasks) {
      const k = WORKLIST_KINDS[t.kind] || {};
      taskRows.push({
        attrs: { 'data-task-id': t.task_id, 'data-worklist-kind': t.kind },
        cells: [
          formatDate(t.due_on) || '—',
          [badge(k.label || t.kind, k.kind || null, { 'data-kind': t.kind }), h('p', { class: 'fr-text--sm fr-mt-1v fr-mb-1w' }, t.label)],
          (await taskForm(t, onDone)) || '—',
        ],
      });
    }
    replace(body,
      dataTable({
        id: 'person-tasks',
        caption: 'Mes tâches en cours pour cette personne',
        columns: ['Échéance', 'Tâche', 'Action'],
        rows: taskRows,
        empty: 'Aucune tâche en cours pour cette personne.',
      }),
      dataTable({
        id: 'ep-decisions',
        caption: 'Décisions de l’équipe pluridisciplinaire',
        columns: ['Date de la décision', 'Décision', 'Enregistrée par', 'Enregistrée le'],
        rows: (decisions.items || []).map((d) => [
          formatDate(d.decided_on), labelOf(d.decision), orDash(d.recorded_by), formatDateTime(d.recorded_at),
        ]),
        empty: 'Aucune décision enregistrée.',
      }));
  };
  await load();
  return { section };
}
