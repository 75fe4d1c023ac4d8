// Mes personnes: search, table, count, pagination. The query string (?q=&page=) is the state,
// so the back button and shared links work.
import { h, append, replace } from '../dom.js';
import { api, queryString } from '../api.js';
import { formatDate, yesNo, plural } from '../format.js';
import { dataTable } from '../components/table.js';
import { pagination } from '../components/pagination.js';
import { errorAlert } from '../components/alert.js';

const PER_PAGE = 20;
const SEARCH_DELAY_MS = 350;

function listHref(q, page) {
  return `/personnes${queryString({ q, page: page > 1 ? page : null })}`;
}

function personRow(p) {
  return [
    h('a', { class: 'fr-link', href: `/personnes/${p.id}` }, p.last_name),
    p.first_name,
    formatDate(p.birth_date),
    p.commune || '',
    yesNo(p.brsa),
    p.territory ? p.territory.name : '',
  ];
}

export default {
  title: 'Mes personnes',
  async render({ container, query, isCurrent }) {
    const q = (query.get('q') || '').trim();
    const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);

    const input = h('input', {
      class: 'fr-input', id: 'search', name: 'q', type: 'search', autocomplete: 'off',
    });
    input.value = q;
    const form = h('form', { role: 'search', class: 'fr-mb-3w', 'aria-label': 'Rechercher une personne' },
      h('div', { class: 'fr-input-group' },
        h('label', { class: 'fr-label', for: 'search' },
          'Rechercher une personne (nom, prénom, identifiant France Travail)'),
        h('div', { class: 'binome-search-row' },
          input,
          h('button', { type: 'submit', class: 'fr-btn fr-icon-search-line fr-btn--icon-left' }, 'Rechercher'))));

    const status = h('p', { class: 'fr-mb-2w binome-count', role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const results = h('div', {});

    let currentQ = q;
    let requestNo = 0;
    const load = async (wantedQ, wantedPage) => {
      requestNo += 1;
      const mine = requestNo;
      let data;
      try {
        data = await api.get('/api/v1/persons', { query: { q: wantedQ, page: wantedPage, per_page: PER_PAGE } });
      } catch (error) {
        if (!isCurrent() || mine !== requestNo) return;
        replace(status);
        replace(results, errorAlert(error));
        return;
      }
      if (!isCurrent() || mine !== requestNo) return;
      replace(status, plural(data.total, 'personne'));
      replace(results,
        dataTable({
          id: 'persons-table',
          caption: 'Mes personnes',
          columns: ['Nom', 'Prénom', 'Date de naissance', 'Commune', 'BRSA', 'Territoire'],
          rows: data.items.map(personRow),
          empty: wantedQ
            ? 'Aucune personne ne correspond à votre recherche.'
            : 'Aucune personne ne vous est attribuée.',
        }),
        pagination({
          page: data.page || wantedPage,
          perPage: data.per_page || PER_PAGE,
          total: data.total,
          hrefFor: (n) => listHref(wantedQ, n),
        }));
    };

    // Searching refreshes the list in place (focus stays in the field) and updates the URL.
    const search = (pushHistory) => {
      const wanted = input.value.trim();
      if (wanted === currentQ) return;
      currentQ = wanted;
      const href = listHref(wanted, 1);
      if (pushHistory) window.history.pushState(null, '', href);
      else window.history.replaceState(null, '', href);
      load(wanted, 1);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      search(true);
    });
    let timer = null;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => search(false), SEARCH_DELAY_MS);
    });

    const create = h('p', {},
      h('a', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', href: '/personnes/nouvelle' }, 'Nouvelle personne'));
    append(container, h('h1', {}, 'Mes personnes'), create, form, status, results);
    await load(q, page);
  },
};
