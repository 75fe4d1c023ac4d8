// Comités (coordinateurs, pilotage): COPIL, comité opérationnel, cellule locale, with their
// participants by function and organisation, an agenda from a closed list, the indicator
// pack of the period (small figures masked) and the relevé de conclusions — the only free
// text of binome, which must hold no personal data (the server refuses what looks like it).
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, todayIso } from '../format.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { dataTable } from '../components/table.js';

function field(id, label, attrs) {
  return h('div', { class: 'fr-input-group' },
    h('label', { class: 'fr-label', for: id }, label), h('input', { class: 'fr-input', id, ...attrs }));
}

function packTables(pack) {
  if (!pack || !pack.tables) return null;
  return pack.tables.map((t) => dataTable({
    id: `comite-pack-${t.key}`, caption: t.title, columns: ['Indicateur', 'Valeur'],
    rows: t.rows.map((r) => [r.label, r.display || '—']),
  }));
}

function detail(holder, c) {
  const text = h('textarea', { class: 'fr-input', id: 'comite-conclusions', rows: '8', maxlength: '8000', 'aria-describedby': 'comite-conclusions-aide' }, c.conclusions || '');
  const status = h('div', { id: 'comite-statut' });
  const form = h('form', { id: 'comite-releve' },
    h('div', { class: 'fr-input-group' },
      h('label', { class: 'fr-label', for: 'comite-conclusions' }, 'Relevé de conclusions'),
      h('p', { class: 'fr-hint-text', id: 'comite-conclusions-aide' },
        'Seul texte libre de binome : n’y écrivez aucune donnée personnelle (ni nom, ni téléphone, ni adresse électronique, ni identifiant, ni date de naissance).'),
      text),
    h('button', { class: 'fr-btn', type: 'submit' }, 'Enregistrer le relevé'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.put(`/api/v1/committees/${c.id}/conclusions`, { conclusions: text.value });
      replace(status, alertBox('success', 'Relevé de conclusions enregistré.'));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  });
  replace(holder,
    h('h2', { id: 'comite-titre' }, `${c.kind.label} du ${formatDate(c.held_on)}`),
    h('p', {}, `Période des indicateurs : du ${formatDate(c.period.from)} au ${formatDate(c.period.to)}.`),
    h('h3', {}, 'Ordre du jour'), h('ul', {}, c.agenda.map((p) => h('li', {}, p.label))),
    dataTable({ id: 'comite-presents', caption: 'Participants', columns: ['Fonction', 'Organisation', 'Présent'],
      rows: c.attendees.map((a) => [a.role, a.organisation, a.present ? 'Oui' : 'Non']), empty: 'Aucun participant saisi.' }),
    status, form,
    h('h3', { class: 'fr-mt-4w' }, 'Jeu d’indicateurs (chiffres inférieurs à 5 masqués)'),
    packTables(c.indicator_pack));
}

async function render(container) {
  let data;
  try {
    data = await api.get('/api/v1/committees');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    append(container, errorAlert(error));
    return;
  }
  const holder = h('div', { id: 'comite-detail', class: 'fr-mt-4w' });
  const status = h('div');
  const kind = h('select', { class: 'fr-select', id: 'comite-nature' }, data.kinds.map((k) => h('option', { value: k.code }, k.label)));
  const points = h('fieldset', { class: 'fr-fieldset', id: 'comite-points' },
    h('legend', { class: 'fr-fieldset__legend' }, 'Ordre du jour'),
    data.points.map((p) => h('div', { class: 'fr-fieldset__element' },
      h('div', { class: 'fr-checkbox-group' },
        h('input', { type: 'checkbox', id: `comite-point-${p.code}`, value: p.code, checked: p.code === 'indicateurs' }),
        h('label', { class: 'fr-label', for: `comite-point-${p.code}` }, p.label)))));
  const year = todayIso().slice(0, 4);
  const form = h('form', { id: 'comite-nouveau', class: 'fr-mb-4w' },
    h('div', { class: 'fr-select-group' }, h('label', { class: 'fr-label', for: 'comite-nature' }, 'Nature'), kind),
    field('comite-date', 'Date du comité', { type: 'date', value: todayIso(), required: true }),
    field('comite-du', 'Indicateurs du', { type: 'date', value: `${year}-01-01`, required: true }),
    field('comite-au', 'au', { type: 'date', value: todayIso(), required: true }),
    points,
    field('comite-fonction', 'Participant : fonction', { maxlength: '80' }),
    field('comite-organisation', 'Participant : organisation', { maxlength: '120' }),
    h('button', { class: 'fr-btn', type: 'submit' }, 'Créer le comité'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const role = form.querySelector('#comite-fonction').value.trim();
    const organisation = form.querySelector('#comite-organisation').value.trim();
    try {
      const c = await api.post('/api/v1/committees', {
        kind: kind.value,
        held_on: form.querySelector('#comite-date').value,
        from: form.querySelector('#comite-du').value,
        to: form.querySelector('#comite-au').value,
        agenda: [...points.querySelectorAll('input:checked')].map((i) => i.value),
        attendees: role || organisation ? [{ role, organisation, present: true }] : [],
      });
      replace(status, alertBox('success', 'Comité créé.'));
      detail(holder, c);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(status, errorAlert(error));
    }
  });
  append(container,
    h('h2', {}, 'Nouveau comité'), status, form,
    h('h2', {}, 'Comités tenus'),
    data.items.length ? h('ul', { id: 'comite-liste' }, data.items.map((c) => {
      const b = h('button', { class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', type: 'button' }, `${c.kind.label} du ${formatDate(c.held_on)}`);
      b.addEventListener('click', () => detail(holder, c));
      return h('li', {}, b);
    })) : h('p', {}, 'Aucun comité pour le moment.'),
    holder);
}

export default {
  title: 'Comités',
  async render({ container }) {
    append(container, h('h1', {}, 'Comités'),
      h('p', { class: 'fr-text--lead' }, 'COPIL, comités opérationnels et cellules locales : participants, ordre du jour, indicateurs de la période et relevé de conclusions.'));
    await render(container);
  },
};
