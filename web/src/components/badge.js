// DSFR badges (status of an orientation, deadline, kind of a task).
import { h } from '../dom.js';
import { DEADLINE_BADGES } from '../format.js';

/** kind: 'success' | 'error' | 'info' | 'warning' | 'new' | null (neutral). */
export function badge(label, kind, attrs = {}) {
  return h('p', { class: `fr-badge fr-badge--sm${kind ? ` fr-badge--${kind}` : ''}`, ...attrs }, label);
}

/** The badge of an orientation's deadline_state, or null when the deadline is not near. */
export function deadlineBadge(state) {
  const b = DEADLINE_BADGES[state];
  return b ? badge(b.label, b.kind, { 'data-deadline-state': state }) : null;
}

const STATUS_KINDS = {
  en_attente_reponse: 'new',
  a_valider_slai: 'new',
  desaccord: 'warning',
  en_attente_decision: 'info',
  en_attente_entree: 'info',
  entree: 'success',
  non_retenue: 'error',
};

/** The status of an orientation, label from the server, code in data-status. */
export function statusBadge(o) {
  return badge(o.status_label || o.status, STATUS_KINDS[o.status] || null, { 'data-status': o.status });
}
