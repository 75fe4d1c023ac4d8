// Fiche de la personne: only the fields of the fiche de liaison, grouped in sections.
import { h, append } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, yesNo, FAMILY_SITUATION_LABELS, orDash, nameOf } from '../format.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { orientationSection } from '../components/orientation.js';
import { supportSection } from '../components/support.js';
import { appointmentSection } from '../components/appointments.js';
import { axe3Section } from '../components/axe3.js';
import { binomeSection } from '../components/binome.js';
import { personTasksSection } from '../components/person-tasks.js';
import { resourceActionsSection } from '../components/resource-actions.js';
import { takeNotice } from '../notice.js';

const NO_EMAIL = 'Non communiqué (pas de consentement aux échanges électroniques)';

function section(title, rows) {
  return h('section', { class: 'fr-mb-4w' },
    h('h2', { class: 'fr-h4' }, title),
    h('dl', { class: 'binome-fields' },
      rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])));
}

function referent(r) {
  if (!r) return 'Aucun référent désigné';
  const organisation = nameOf(r.organisation);
  return organisation ? `${r.display_name} (${organisation})` : r.display_name;
}

function address(a) {
  if (!a) return '—';
  const lines = [a.street, [a.postal_code, a.commune].filter(Boolean).join(' ')].filter(Boolean);
  return lines.length ? lines.flatMap((line, i) => (i ? [h('br'), line] : [line])) : '—';
}

export function fullName(p) {
  return `${p.first_name} ${String(p.last_name || '').toUpperCase()}`.trim();
}

export default {
  title: 'Fiche de la personne',
  async render({ container, params, query, user }) {
    const notice = takeNotice();
    const back = h('p', {},
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left', href: '/personnes' }, 'Retour à mes personnes'));
    let p;
    try {
      p = await api.get(`/api/v1/persons/${encodeURIComponent(params.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        append(container, h('h1', {}, 'Personne introuvable.'), alertBox('error', 'Personne introuvable.'), back);
      } else if (error instanceof ApiError) {
        append(container, h('h1', {}, 'Fiche de la personne'), errorAlert(error), back);
      } else {
        throw error;
      }
      return;
    }

    const [supports, appointments, axe3, binome, tasks, resources] = await Promise.all([
      supportSection(p),
      appointmentSection(p, user),
      axe3Section(p, user),
      binomeSection(p, user),
      personTasksSection(p),
      resourceActionsSection(p),
    ]);
    const orientations = await orientationSection(p, {
      focusId: query.get('orientation'),
      onEntry: () => supports.reload(),
    });
    const email = p.email ? h('a', { href: `mailto:${p.email}` }, p.email) : NO_EMAIL;
    const referents = p.referents || {};
    append(container,
      back,
      h('h1', {}, fullName(p)),
      notice ? alertBox(notice.kind, notice.text) : null,
      section('Identité', [
        ['Nom', p.last_name],
        ['Prénom', p.first_name],
        ['Date de naissance', formatDate(p.birth_date)],
      ]),
      section('Situation', [
        ['Bénéficiaire du RSA (BRSA)', yesNo(p.brsa)],
        ['Reconnaissance de la qualité de travailleur handicapé (RQTH)', yesNo(p.rqth)],
        ['Situation familiale', FAMILY_SITUATION_LABELS[p.family_situation] || orDash(p.family_situation)],
        ['Enfants à charge', orDash(p.dependent_children)],
      ]),
      section('Coordonnées', [
        ['Adresse', address(p.address)],
        ['Téléphone', orDash(p.phone)],
        ['Courriel', email],
      ]),
      section('Identifiants', [
        ['Identifiant France Travail', orDash(p.ft_id)],
        ['Identifiant CAF', orDash(p.caf_id)],
      ]),
      section('Référents', [
        ['Conseiller France Travail', referent(referents.conseiller)],
        ['Référent social', referent(referents.referent_social)],
        ['Territoire', p.territory ? p.territory.name : '—'],
        ['Agence France Travail', p.agence ? p.agence.name : '—'],
      ]),
      binome.section,
      tasks.section,
      supports.section,
      resources.section,
      appointments.section,
      axe3.section,
      orientations.section);
    if (query.get('orientation')) {
      document.addEventListener('binome:rendered', orientations.afterRender, { once: true });
    }
  },
};
