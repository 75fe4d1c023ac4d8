// Actions on the tasks of the "À faire" list: acknowledging an information task (absence to
// report, repeated absences) and recording the EP decision that closes a sanction procedure.
// Used by the "À faire" page and by the section "Tâches" of the person page.
import { api, ApiError } from '../api.js';
import { todayIso } from '../format.js';
import { actionForm } from './action-form.js';
import { inputField, selectField } from './form.js';

/** Worklist kinds that are information only: the user acknowledges them. */
export const ACKNOWLEDGED_KINDS = new Set(['absence_orienteur', 'absences_repetees']);

const EP_FALLBACK_CHOICES = [
  { code: 'orientation_maintenue', label: 'Orientation maintenue' },
  { code: 'reorientation', label: 'Réorientation' },
];

let epChoices = null;

/** The EP decisions offered, read once from the server (they come with a person's decisions). */
export async function loadEpChoices(personId) {
  if (epChoices) return epChoices;
  try {
    const data = await api.get(`/api/v1/persons/${encodeURIComponent(personId)}/ep-decisions`);
    if (data.choices && data.choices.length) epChoices = data.choices;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  return epChoices || EP_FALLBACK_CHOICES;
}

/** Remembers the choices already read with a person's decisions. */
export function rememberEpChoices(choices) {
  if (choices && choices.length) epChoices = choices;
}

function personName(item) {
  const person = item.person || {};
  return person.name || `Personne n° ${person.id}`;
}

/** The form closing a procedure_sanction task; onDone(message). */
export function epDecisionForm(item, choices, onDone) {
  const prefix = `ep-${item.task_id}`;
  const f = {
    decision: selectField({
      id: `${prefix}-decision`, label: 'Décision de l’équipe pluridisciplinaire', required: true,
      placeholder: 'Sélectionner une décision',
      options: choices.map((c) => ({ value: c.code, label: c.label })),
    }),
    decided_on: inputField({
      id: `${prefix}-date`, label: 'Date de la décision', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
    }),
  };
  return actionForm({
    label: `Décision de l’équipe pluridisciplinaire pour ${personName(item)}`,
    title: null,
    formFields: f,
    submitLabel: 'Enregistrer la décision',
    path: `/api/v1/tasks/${item.task_id}/ep-decision`,
    body: () => ({ decision: f.decision.value, decided_on: f.decided_on.value }),
    onSuccess: () => onDone('La décision de l’équipe pluridisciplinaire est enregistrée.'),
    failureTitle: 'La décision n’a pas été enregistrée',
  });
}

/** The button acknowledging an information task; onDone(message). */
/** "Pris en compte" for an event of the RSA flows (closes it for the person's referents). */
function flowEventForm(item, onDone) {
  return actionForm({
    label: `Événement des flux pour ${personName(item)}`,
    title: null,
    submitLabel: 'Pris en compte',
    secondary: true,
    path: `/api/v1/flow-events/${item.flow_event_id}/done`,
    body: {},
    onSuccess: () => onDone('L’événement est marqué comme pris en compte.'),
    failureTitle: 'L’événement n’a pas été marqué comme pris en compte',
  });
}

export function acknowledgeForm(item, onDone) {
  return actionForm({
    label: `Prise de connaissance pour ${personName(item)}`,
    title: null,
    submitLabel: 'J’ai pris connaissance',
    secondary: true,
    path: `/api/v1/tasks/${item.task_id}/done`,
    body: {},
    onSuccess: () => onDone('La tâche est marquée comme traitée.'),
    failureTitle: 'La tâche n’a pas été marquée comme traitée',
  });
}

/** The form that fits a worklist item (or null): acknowledgement or EP decision. */
export async function taskForm(item, onDone) {
  if (item.flow_event_id) return flowEventForm(item, onDone);
  if (!item.task_id) return null;
  if (ACKNOWLEDGED_KINDS.has(item.kind)) return acknowledgeForm(item, onDone);
  if (item.kind === 'procedure_sanction') {
    return epDecisionForm(item, await loadEpChoices(item.person.id), onDone);
  }
  return null;
}

export { personName };
