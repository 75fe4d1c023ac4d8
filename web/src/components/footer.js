// DSFR footer with the mandatory accessibility mention.
import { h, replace } from '../dom.js';

function external(href, label) {
  return h('li', { class: 'fr-footer__content-item' },
    h('a', {
      class: 'fr-footer__content-link',
      target: '_blank',
      rel: 'noopener',
      href,
      title: `${label} - nouvelle fenêtre`,
    }, label));
}

export function renderFooter(container) {
  replace(container,
    h('footer', { class: 'fr-footer', role: 'contentinfo', id: 'footer' },
      h('div', { class: 'fr-container' },
        h('div', { class: 'fr-footer__body' },
          h('div', { class: 'fr-footer__brand fr-enlarge-link' },
            h('a', { href: '/', title: 'Retour à l’accueil du site - binome - République Française' },
              h('p', { class: 'fr-logo' }, 'République', h('br'), 'Française'))),
          h('div', { class: 'fr-footer__content' },
            h('p', { class: 'fr-footer__content-desc' },
              'binome est le système d’information partagé de l’accompagnement global entre France Travail et le Département.'),
            h('ul', { class: 'fr-footer__content-list' },
              external('https://info.gouv.fr', 'info.gouv.fr'),
              external('https://service-public.fr', 'service-public.fr'),
              external('https://legifrance.gouv.fr', 'legifrance.gouv.fr'),
              external('https://data.gouv.fr', 'data.gouv.fr')))),
        h('div', { class: 'fr-footer__bottom' },
          h('ul', { class: 'fr-footer__bottom-list' },
            h('li', { class: 'fr-footer__bottom-item' },
              h('a', { class: 'fr-footer__bottom-link', href: '/accessibilite' }, 'Accessibilité : partiellement conforme')),
            h('li', { class: 'fr-footer__bottom-item' },
              h('a', { class: 'fr-footer__bottom-link', href: '/donnees-personnelles' }, 'Données personnelles'))),
          h('div', { class: 'fr-footer__bottom-copy' },
            h('p', {}, 'Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous licence etalab-2.0'))))));
}
