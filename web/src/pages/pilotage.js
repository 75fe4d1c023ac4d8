// Home page of the "pilotage" role: aggregated figures only, never a named person.
import { h, append } from '../dom.js';

export default {
  title: 'Pilotage',
  render({ container }) {
    append(container,
      h('h1', {}, 'Pilotage'),
      h('p', { class: 'fr-text--lead' },
        'Votre rôle donne accès aux seuls chiffres agrégés, jamais à une personne nommée.'));
  },
};
