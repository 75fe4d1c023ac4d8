// Base de ressources: search by problématique / sous-thématique, commune (code INSEE), public
// and free text (accents and case ignored by the server). The query string is the state.
import { h, append, replace } from '../dom.js';
import { api, queryString } from '../api.js';
import { plural, formatDate } from '../format.js';
import { badge } from '../components/badge.js';
import { pagination } from '../components/pagination.js';
import { errorAlert } from '../components/alert.js';
import { selectField, inputField } from '../components/form.js';
import { getUser } from '../session.js';

const PER_PAGE = 20;
const FILTERS = ['q', 'problematique', 'sous_thematique', 'commune', 'public'];
export const EDITOR_ROLES = ['conseiller', 'referent_social', 'coordinateur'];

let referentialsCache = null;
/** The closed lists (problématiques, publics, thématiques…), read once per page load. */
export async function resourceReferentials() {
  if (!referentialsCache) referentialsCache = await api.get('/api/v1/resources/referentials');
  return referentialsCache;
}

function listHref(values, page) {
  return `/ressources${queryString({ ...values, page: page > 1 ? page : null })}`;
}

function serviceCard(s) {
  const themes = s.sous_thematiques.map((t) => t.label).join(' · ');
  return h('li', { class: 'fr-mb-2w binome-resource', 'data-service-id': s.id },
    h('div', { class: 'fr-card fr-card--sm fr-enlarge-link' },
      h('div', { class: 'fr-card__body' },
        h('div', { class: 'fr-card__content' },
          h('h2', { class: 'fr-card__title' },
            h('a', { href: `/ressources/${s.id}` }, s.nom)),
          h('p', { class: 'fr-card__desc' }, `${s.structure.nom}${s.commune ? ` — ${s.commune}` : ''}`),
          h('div', { class: 'fr-card__start' },
            h('ul', { class: 'fr-badges-group' },
              s.stale ? h('li', {}, badge('À mettre à jour', 'warning', { 'data-stale': 'true' })) : null,
              s.state !== 'publie' ? h('li', {}, badge(s.state_label, 'info')) : null,
              s.type ? h('li', {}, badge(s.type.label, null)) : null)),
          h('div', { class: 'fr-card__end' },
            h('p', { class: 'fr-card__detail' },
              `${themes}${themes ? ' — ' : ''}mis à jour le ${formatDate(s.date_maj)}`))))));
}

export default {
  title: 'Base de ressources',
  async render({ container, query, isCurrent }) {
    const values = Object.fromEntries(FILTERS.map((f) => [f, (query.get(f) || '').trim()]));
    const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);
    const refs = await resourceReferentials();
    if (!isCurrent()) return;

    const text = inputField({ id: 'resource-q', name: 'q', label: 'Mots-clés', hint: 'Nom, structure, description… les accents et majuscules sont ignorés.', type: 'search', value: values.q });
    const problem = selectField({
      id: 'resource-problematique', name: 'problematique', label: 'Problématique', placeholder: 'Toutes',
      options: refs.problematiques.map((p) => ({ value: p.code, label: p.label })), value: values.problematique,
    });
    const subTheme = selectField({ id: 'resource-sous-thematique', name: 'sous_thematique', label: 'Sous-thématique', placeholder: 'Toutes', options: [] });
    const fillSubThemes = () => {
      const p = refs.problematiques.find((x) => x.code === problem.value);
      const options = p ? p.sous_thematiques : refs.problematiques.flatMap((x) => x.sous_thematiques);
      replace(subTheme.control, h('option', { value: '' }, 'Toutes'),
        options.map((st) => h('option', { value: st.code }, st.label)));
    };
    fillSubThemes();
    subTheme.value = values.sous_thematique;
    problem.control.addEventListener('change', () => { fillSubThemes(); subTheme.value = ''; });
    const commune = inputField({ id: 'resource-commune', name: 'commune', label: 'Commune de la personne (code INSEE)', hint: '5 caractères, par exemple 00101 : services dont la zone couvre la commune.', inputmode: 'text', value: values.commune });
    const publicField = selectField({
      id: 'resource-public', name: 'public', label: 'Public', placeholder: 'Tous',
      options: refs.publics.map((p) => ({ value: p.code, label: p.label })), value: values.public,
    });

    const form = h('form', { role: 'search', class: 'fr-mb-3w binome-resource-filters', 'aria-label': 'Rechercher une ressource' },
      h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
        h('div', { class: 'fr-col-12 fr-col-md-6' }, text.group),
        h('div', { class: 'fr-col-12 fr-col-md-6' }, commune.group),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, problem.group),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, subTheme.group),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, publicField.group)),
      h('button', { type: 'submit', class: 'fr-btn fr-icon-search-line fr-btn--icon-left' }, 'Rechercher'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const wanted = {
        q: text.value, problematique: problem.value, sous_thematique: subTheme.value,
        commune: commune.value, public: publicField.value,
      };
      window.history.pushState(null, '', listHref(wanted, 1));
      load(wanted, 1);
    });

    const status = h('p', { class: 'fr-mb-2w binome-count', role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const results = h('div', {});
    let requestNo = 0;
    const load = async (wanted, wantedPage) => {
      requestNo += 1;
      const mine = requestNo;
      let data;
      try {
        data = await api.get('/api/v1/resources/services', { query: { ...wanted, page: wantedPage, per_page: PER_PAGE } });
      } catch (error) {
        if (!isCurrent() || mine !== requestNo) return;
        replace(status);
        replace(results, errorAlert(error));
        return;
      }
      if (!isCurrent() || mine !== requestNo) return;
      replace(status, data.total_capped ? `Plus de ${data.total} services trouvés : affinez la recherche` : plural(data.total, 'service trouvé', 'services trouvés'));
      replace(results,
        data.items.length === 0
          ? h('p', {}, 'Aucun service ne correspond à ces critères.')
          : h('ul', { class: 'binome-resource-list', id: 'resource-results' }, data.items.map(serviceCard)),
        pagination({ page: data.page, perPage: data.per_page, total: data.total, hrefFor: (n) => listHref(wanted, n) }));
    };

    const user = getUser();
    const actions = user && EDITOR_ROLES.includes(user.role)
      ? h('p', {}, h('a', { class: 'fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left', href: '/ressources/nouveau' }, 'Nouveau service'))
      : null;
    append(container,
      h('h1', {}, 'Base de ressources sociales'),
      h('p', { class: 'fr-text--lead' }, 'Services du territoire classés selon les 7 problématiques de la convention, validés par le Département et France Travail.'),
      actions, form, status, results);
    await load(values, page);
  },
};
