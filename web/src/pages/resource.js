// Fiche d'un service de la base de ressources: every field, printable (print CSS hides the
// chrome), and for the professionals the life cycle: valider (once per side), publier,
// confirmer à jour, modifier, archiver.
import { h, append, replace } from '../dom.js';
import { api } from '../api.js';
import { formatDate, formatDateTime } from '../format.js';
import { badge } from '../components/badge.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { getUser } from '../session.js';
import { EDITOR_ROLES } from './resources.js';

const STATE_KINDS = { brouillon: 'new', valide: 'info', publie: 'success', archive: null };

function row(label, ...value) {
  const shown = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return null;
  return [h('dt', {}, label), h('dd', {}, ...shown)];
}

function labels(list) {
  return (list || []).map((x) => x.label).join(', ');
}

function validationText(v, side) {
  return v ? `${side} : validé par ${v.by} le ${formatDateTime(v.at)}` : `${side} : validation attendue`;
}

function sheet(s) {
  const contact = [s.telephone, s.courriel].filter(Boolean).join(' — ');
  const address = [s.adresse, s.complement_adresse, [s.code_postal, s.commune].filter(Boolean).join(' ')]
    .filter(Boolean).join(', ');
  return h('div', { class: 'binome-sheet' },
    h('p', { class: 'fr-text--lead' }, s.description),
    h('dl', { class: 'binome-dl' },
      row('Structure', s.structure.nom),
      row('Problématiques', s.sous_thematiques.map((t) => `${t.problematique.label} › ${t.label}`).join(' ; ')),
      row('Type de service', s.type ? s.type.label : ''),
      row('Publics', labels(s.publics)),
      row('Précisions sur les publics', s.publics_precisions),
      row("Conditions d'accès", s.conditions_acces),
      row('Frais', s.frais ? s.frais.label : '', s.frais_precisions ? ` (${s.frais_precisions})` : ''),
      row('Comment mobiliser', labels(s.modes_mobilisation)),
      row('Mobilisable par', labels(s.mobilisable_par)),
      row('Précisions sur la mobilisation', s.mobilisation_precisions),
      row('Lien de mobilisation', s.lien_mobilisation
        ? h('a', { class: 'fr-link', href: s.lien_mobilisation, rel: 'noopener noreferrer', target: '_blank' }, s.lien_mobilisation) : ''),
      row("Modes d'accueil", labels(s.modes_accueil)),
      row('Adresse', address),
      row('Code INSEE', s.code_insee),
      row('Contact', s.contact_nom_prenom),
      row('Téléphone et courriel', contact),
      row("Horaires d'accueil", s.horaires_accueil),
      row("Zone d'éligibilité (codes INSEE)", (s.zone_eligibilite || []).join(', ')),
      row('Thématiques data·inclusion', labels(s.thematiques)),
      row('Dernière mise à jour', formatDate(s.date_maj)),
      row('Prochaine mise à jour due le', formatDate(s.mise_a_jour_due_le)),
      row('Validations',
        h('ul', {},
          h('li', {}, validationText(s.validations.departement, 'Département')),
          h('li', {}, validationText(s.validations.france_travail, 'France Travail'))))));
}

export default {
  title: 'Fiche ressource',
  async render({ container, params, isCurrent }) {
    const id = params.id;
    const user = getUser();
    const editor = user && EDITOR_ROLES.includes(user.role);
    const messages = h('div', {});
    const body = h('div', {});

    const show = (s) => {
      document.title = `${s.nom} — binome`;
      const title = container.querySelector('h1');
      title.textContent = s.nom;
      const actions = [];
      const act = (label, path, icon, secondary = true) => {
        const button = h('button', {
          type: 'button',
          class: `fr-btn ${secondary ? 'fr-btn--secondary ' : ''}fr-btn--icon-left ${icon}`,
        }, label);
        button.addEventListener('click', async () => {
          button.disabled = true;
          try {
            const updated = await api.post(`/api/v1/resources/services/${id}/${path}`);
            replace(messages, alertBox('success', `${label} : fait.`));
            show(updated);
          } catch (error) {
            replace(messages, errorAlert(error));
            button.disabled = false;
          }
        });
        actions.push(h('li', {}, button));
      };
      if (editor && s.state === 'brouillon') act('Valider pour mon institution', 'validation', 'fr-icon-check-line', false);
      if (editor && s.state === 'valide') act('Publier', 'publication', 'fr-icon-upload-line', false);
      if (editor && (s.state === 'publie' || s.state === 'valide')) act('Confirmer à jour', 'confirmation', 'fr-icon-refresh-line');
      if (editor && s.state !== 'archive') {
        actions.push(h('li', {}, h('a', { class: 'fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-edit-line', href: `/ressources/${id}/modifier` }, 'Modifier')));
        act('Archiver', 'archive', 'fr-icon-archive-line');
      }
      const print = h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--icon-left fr-icon-printer-line' }, 'Imprimer la fiche');
      print.addEventListener('click', () => window.print());
      actions.push(h('li', {}, print));
      replace(body,
        h('ul', { class: 'fr-badges-group fr-mb-2w' },
          h('li', {}, badge(s.state_label, STATE_KINDS[s.state], { 'data-state': s.state })),
          s.stale ? h('li', {}, badge('À mettre à jour', 'warning', { 'data-stale': 'true' })) : null),
        sheet(s),
        h('ul', { class: 'fr-btns-group fr-btns-group--inline-md binome-no-print' }, actions));
    };

    append(container,
      h('p', { class: 'binome-no-print' }, h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left', href: '/ressources' }, 'Retour à la recherche')),
      h('h1', {}, 'Fiche ressource'), messages, body);
    try {
      const s = await api.get(`/api/v1/resources/services/${id}`);
      if (!isCurrent()) return;
      show(s);
    } catch (error) {
      if (!isCurrent()) return;
      replace(body, errorAlert(error));
    }
  },
};
