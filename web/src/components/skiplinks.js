// DSFR skip links ("Aller au contenu", "Aller au menu"); the menu link only when a menu exists.
import { h, replace } from '../dom.js';

export function renderSkiplinks(container, withMenu) {
  replace(container,
    h('div', { class: 'fr-skiplinks' },
      h('nav', { class: 'fr-container', role: 'navigation', 'aria-label': 'Accès rapide' },
        h('ul', { class: 'fr-skiplinks__list' },
          h('li', {}, h('a', { class: 'fr-link', href: '#contenu' }, 'Aller au contenu')),
          withMenu ? h('li', {}, h('a', { class: 'fr-link', href: '#navigation' }, 'Aller au menu')) : null,
          h('li', {}, h('a', { class: 'fr-link', href: '#footer' }, 'Aller au pied de page'))))));
}
