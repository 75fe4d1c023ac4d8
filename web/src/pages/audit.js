// Journal d'audit (DPO): filters kept in the query string, table, paging, CSV export and the
// hash-chain integrity check.
import { h, append, replace } from '../dom.js';
import { api, queryString } from '../api.js';
import { formatDateTime, orDash, plural, nameOf } from '../format.js';
import { dataTable } from '../components/table.js';
import { pagination } from '../components/pagination.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { inputField } from '../components/form.js';

const PER_PAGE = 50;

/** The organisation's name ({id, name} in the API), or a dash when there is none. */
function organisationText(org) {
  return orDash(nameOf(org));
}
const FILTERS = ['from', 'to', 'action', 'user_id', 'person_id'];

function readFilters(query) {
  const f = {};
  for (const name of FILTERS) f[name] = (query.get(name) || '').trim();
  return f;
}

function verifyPanel() {
  const result = h('div', { class: 'fr-mt-2w' });
  const button = h('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-icon-shield-line fr-btn--icon-left' },
    'Vérifier l’intégrité de la chaîne');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result, h('p', { role: 'status' }, 'Vérification en cours…'));
    try {
      const v = await api.get('/api/v1/audit/verify');
      const messages = [v.message || (v.ok
        ? `${plural(v.records, 'enregistrement')} vérifié${v.records > 1 ? 's' : ''}.`
        : 'La chaîne du journal est rompue.')];
      if (!v.ok && v.first_bad_seq !== null && v.first_bad_seq !== undefined) {
        messages.push(`Premier enregistrement en cause : n° ${v.first_bad_seq}.`);
      }
      replace(result, alertBox(v.ok ? 'success' : 'error', messages,
        v.ok ? 'Chaîne intègre' : 'Chaîne rompue'));
    } catch (error) {
      replace(result, errorAlert(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'fr-mb-4w' },
    h('h2', { class: 'fr-h4' }, 'Intégrité du journal'),
    h('p', {}, 'Chaque enregistrement est chaîné au précédent : toute modification ou suppression est détectée.'),
    button, result);
}

export default {
  title: "Journal d'audit",
  async render({ container, query, navigate }) {
    const filters = readFilters(query);
    const page = Math.max(1, Number.parseInt(query.get('page') || '1', 10) || 1);

    const fields = {
      from: inputField({ id: 'from', label: 'Du', type: 'date', value: filters.from }),
      to: inputField({ id: 'to', label: 'Au', type: 'date', value: filters.to }),
      action: inputField({ id: 'action', label: 'Action', value: filters.action }),
      user_id: inputField({ id: 'user_id', label: 'Identifiant de l’utilisateur', type: 'number', inputmode: 'numeric', min: '1', value: filters.user_id }),
      person_id: inputField({ id: 'person_id', label: 'Identifiant de la personne', type: 'number', inputmode: 'numeric', min: '1', value: filters.person_id }),
    };
    const form = h('form', { class: 'fr-mb-4w', 'aria-labelledby': 'audit-filters-title' },
      h('h2', { class: 'fr-h4', id: 'audit-filters-title' }, 'Filtres'),
      h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
        Object.values(fields).map((f) => h('div', { class: 'fr-col-12 fr-col-md-4 fr-col-lg' }, f.group))),
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' },
        h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, 'Filtrer')),
        h('li', {}, h('a', { class: 'fr-btn fr-btn--tertiary', href: '/journal-audit' }, 'Effacer les filtres'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const wanted = {};
      for (const [name, field] of Object.entries(fields)) wanted[name] = field.value;
      navigate(`/journal-audit${queryString(wanted)}`);
    });

    const exportLink = h('a', {
      class: 'fr-link fr-icon-download-line fr-link--icon-left',
      href: `/api/v1/audit/export${queryString(filters)}`,
      download: 'journal-audit.csv',
    }, 'Exporter en CSV');

    const status = h('p', { role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const results = h('div', {});
    append(container,
      h('h1', {}, "Journal d'audit"),
      form,
      verifyPanel(),
      h('h2', { class: 'fr-h4' }, 'Enregistrements'),
      h('div', { class: 'binome-toolbar fr-mb-2w' }, status, exportLink),
      results);

    let data;
    try {
      data = await api.get('/api/v1/audit', { query: { ...filters, page, per_page: PER_PAGE } });
    } catch (error) {
      replace(status);
      replace(results, errorAlert(error));
      return;
    }
    replace(status, plural(data.total, 'enregistrement'));
    replace(results,
      dataTable({
        id: 'audit-table',
        caption: "Journal d'audit",
        columns: ['Date', 'Utilisateur', 'Organisation', 'Action', 'Personne', 'Route', 'Adresse'],
        rows: data.items.map((e) => [
          formatDateTime(e.at),
          e.user_login ? `${e.user_login} (n° ${e.user_id})` : orDash(e.user_id),
          organisationText(e.organisation),
          e.action,
          orDash(e.person_id),
          orDash(e.route),
          orDash(e.client_ip),
        ]),
        empty: 'Aucun enregistrement pour ces filtres.',
      }),
      pagination({
        page: data.page || page,
        perPage: data.per_page || PER_PAGE,
        total: data.total,
        hrefFor: (n) => `/journal-audit${queryString({ ...filters, page: n > 1 ? n : null })}`,
      }));
  },
};
