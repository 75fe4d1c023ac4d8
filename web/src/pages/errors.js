// "Page introuvable" and "Accès refusé" pages.
import { h, append } from '../dom.js';

export const notFound = {
  title: 'Page introuvable',
  render({ container }) {
    append(container,
      h('h1', {}, 'Page introuvable'),
      h('p', {}, 'La page que vous cherchez n’existe pas ou a été déplacée.'),
      h('p', {}, h('a', { class: 'fr-link', href: '/' }, 'Revenir à l’accueil')));
  },
};

export const forbidden = {
  title: 'Accès refusé',
  render({ container }) {
    append(container,
      h('h1', {}, 'Accès refusé'),
      h('p', {}, 'Votre rôle ne donne pas accès à cette page.'),
      h('p', {}, h('a', { class: 'fr-link', href: '/' }, 'Revenir à l’accueil')));
  },
};
