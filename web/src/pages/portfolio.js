// Portefeuille: for each counsellor of the user's reach, the supports in progress against the
// convention's bounds, the share of BrSa against its target and, per binôme, the new entries
// of the year against their target. The people behind a figure are one click away.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, labelOf, plural } from '../format.js';
import { errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { dataTable } from '../components/table.js';
import { fieldList } from '../components/action-form.js';

const BOUNDS = {
  sous: { label: 'Sous le minimum', kind: 'warning' },
  dans: { label: 'Dans les bornes', kind: 'success' },
  au_dessus: { label: 'Au-dessus du maximum', kind: 'error' },
};

function boundsText(targets) {
  if (!targets || (targets.portfolio_min == null && targets.portfolio_max == null)) return 'Pas de bornes fixées';
  if (targets.portfolio_min != null && targets.portfolio_max != null) {
    return `entre ${targets.portfolio_min} et ${targets.portfolio_max}`;
  }
  return targets.portfolio_min != null ? `au moins ${targets.portfolio_min}` : `au plus ${targets.portfolio_max}`;
}

function boundsBadge(state) {
  const b = BOUNDS[state];
  return b ? badge(b.label, b.kind, { 'data-bounds-state': state }) : null;
}

function brsaText(c, targets) {
  const share = c.brsa_share_pct == null ? '—' : `${c.brsa_share_pct} %`;
  const target = targets && targets.brsa_share_target_pct != null ? ` (objectif : ${targets.brsa_share_target_pct} %)` : '';
  return `${share}${target} — ${plural(c.brsa_active, 'allocataire')} du RSA`;
}

/** A disclosure button that lists the people of a counsellor (and binôme) when opened. */
function peopleToggle(id, label, query) {
  const panel = h('div', { id, hidden: true, class: 'fr-mt-2w' });
  const button = h('button', {
    type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm',
    'aria-expanded': 'false', 'aria-controls': id,
  }, label);
  let loaded = false;
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    panel.hidden = open;
    if (open || loaded) return;
    replace(panel, h('p', { role: 'status' }, 'Chargement…'));
    try {
      const items = (await api.get('/api/v1/portfolio/persons', { query })).items || [];
      loaded = true;
      replace(panel, dataTable({
        id: `${id}-table`,
        caption: label,
        columns: ['Personne', 'Allocataire du RSA', 'Entrée le', 'Réexamen le'],
        rows: items.map((i) => [
          h('a', { class: 'fr-link', href: `/personnes/${i.person.id}#accompagnement` }, i.person.name),
          i.brsa ? 'Oui' : 'Non',
          formatDate(i.start_date),
          formatDate(i.review_due_on) || '—',
        ]),
        empty: 'Aucune personne en accompagnement.',
      }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(panel, errorAlert(error));
    }
  });
  return [h('p', { class: 'fr-mb-1w' }, button), panel];
}

function counsellorBlock(c, targets) {
  const cid = c.conseiller.id;
  const titleId = `portfolio-${cid}-title`;
  const entriesTarget = targets && targets.new_entries_per_binome_year;
  return h('article', {
    class: 'binome-orientation fr-p-3w fr-mb-4w',
    id: `portfolio-${cid}`,
    'data-conseiller-id': String(cid),
    'aria-labelledby': titleId,
  },
  h('h2', { class: 'fr-h5', id: titleId }, c.conseiller.name || `Conseiller n° ${cid}`),
  fieldList([
    ['Accompagnements en cours', [
      h('span', { 'data-active': String(c.active) }, `${c.active} (bornes : ${boundsText(targets)}) `),
      boundsBadge(c.bounds_state)]],
    ['Part des allocataires du RSA', brsaText(c, targets)],
  ]),
  peopleToggle(`portfolio-${cid}-persons`, `Personnes accompagnées par ${c.conseiller.name}`, { conseiller_id: cid }),
  dataTable({
    id: `portfolio-${cid}-binomes`,
    caption: `Binômes de ${c.conseiller.name}`,
    columns: ['Référent social', 'Nouvelles entrées de l’année', 'Personnes'],
    rows: (c.binomes || []).map((b) => {
      const sid = b.referent_social ? b.referent_social.id : null;
      const name = b.referent_social ? b.referent_social.name : 'Sans référent social';
      return [
        name,
        entriesTarget != null ? `${b.new_entries_year} sur un objectif de ${entriesTarget}` : String(b.new_entries_year),
        sid ? peopleToggle(`portfolio-${cid}-${sid}-persons`, `Personnes du binôme ${c.conseiller.name} – ${name}`,
          { conseiller_id: cid, referent_social_id: sid }) : '—',
      ];
    }),
    empty: 'Aucun binôme.',
  }));
}

export default {
  title: 'Portefeuille',
  async render({ container }) {
    append(container, h('h1', {}, 'Portefeuille'));
    let data;
    try {
      data = await api.get('/api/v1/portfolio');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      append(container, errorAlert(error));
      return;
    }
    const targets = data.targets;
    const counsellors = data.counsellors || [];
    append(container,
      h('p', {}, targets
        ? `Objectifs de la convention ${labelOf(targets.convention)} : ${boundsText(targets)} accompagnements en cours par conseiller`
          + `${targets.brsa_share_target_pct != null ? `, ${targets.brsa_share_target_pct} % d’allocataires du RSA` : ''}`
          + `${targets.new_entries_per_binome_year != null ? `, ${targets.new_entries_per_binome_year} nouvelles entrées par binôme et par an` : ''}.`
        : 'Aucune convention en vigueur : pas d’objectif de portefeuille.'),
      h('p', { class: 'fr-mb-3w', role: 'status' }, plural(counsellors.length, 'conseiller')),
      counsellors.length === 0 ? h('p', {}, 'Aucun accompagnement en cours dans votre périmètre.') : null,
      counsellors.map((c) => counsellorBlock(c, targets)));
  },
};
