// DSFR alerts. Error alerts carry role="alert" so screen readers announce them at once.
import { h } from '../dom.js';

/** kind: 'error' | 'success' | 'info' | 'warning' */
export function alertBox(kind, messages, title) {
  const list = Array.isArray(messages) ? messages : [messages];
  const urgent = kind === 'error' || kind === 'warning';
  return h('div', {
    class: `fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`,
    role: urgent ? 'alert' : 'status',
  },
  title ? h('h2', { class: 'fr-alert__title' }, title) : null,
  list.length === 1
    ? h('p', {}, list[0])
    : h('ul', {}, list.map((m) => h('li', {}, m))));
}

/** An alert listing an ApiError's messages (or any error's message). */
export function errorAlert(error) {
  const messages = error && Array.isArray(error.errors)
    ? error.errors.map((e) => e.message)
    : ['Une erreur inattendue est survenue. Veuillez recharger la page.'];
  return alertBox('error', messages);
}
