// Short static pages linked from the footer.
import { h, append } from '../dom.js';

export const accessibilityPage = {
  title: 'Accessibilité',
  render({ container }) {
    append(container,
      h('h1', {}, 'Déclaration d’accessibilité'),
      h('p', {}, 'binome s’engage à rendre son service accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.'),
      h('p', {}, 'Le service est construit avec le Système de design de l’État (DSFR) et vérifié automatiquement à chaque version. Aucun audit RGAA complet n’a encore été réalisé : le service est déclaré partiellement conforme.'),
      h('p', {}, 'Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez l’administrateur de votre structure pour être orienté vers une alternative accessible.'));
  },
};

export const personalDataPage = {
  title: 'Données personnelles',
  render({ container }) {
    append(container,
      h('h1', {}, 'Données personnelles'),
      h('p', {}, 'binome traite les seules données de la fiche de liaison de l’accompagnement global, dans le cadre des conventions entre France Travail et le Département.'),
      h('p', {}, 'Seuls les référents désignés d’une personne et leurs coordinateurs peuvent consulter ses données. Chaque consultation est tracée dans un journal d’audit contrôlé par le délégué à la protection des données.'),
      h('p', {}, 'Pour exercer vos droits (accès, rectification, limitation, opposition), adressez-vous au délégué à la protection des données de votre Département ou de France Travail.'));
  },
};
