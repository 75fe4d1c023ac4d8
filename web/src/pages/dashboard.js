// Tableau de bord (coordinateurs, pilotage): the indicators of docs/INDICATEURS.md for a scope
// and a period (the current quarter by default), as tables and a chart with the convention's
// target lines. Pilotage reads aggregates only: a figure resting on fewer than 5 people comes
// as « < 5 » from the server, which never sends its value.
import {
  Chart, BarController, LineController, BarElement, LineElement, PointElement, CategoryScale,
  LinearScale, Legend, Tooltip,
} from 'chart.js';
import { h, append, replace } from '../dom.js';
import { api, ApiError, queryString } from '../api.js';
import { formatDate } from '../format.js';
import { errorAlert } from '../components/alert.js';
import { dataTable } from '../components/table.js';

Chart.register(BarController, LineController, BarElement, LineElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip);

const UNITS = { '%': ' %', jours: ' j' };

function figure(row) {
  if (row.masked) return '< 5';
  if (row.display === '') return '—';
  return `${row.display}${UNITS[row.unit] || ''}`;
}

function target(row) {
  return row.target == null ? '—' : `${String(row.target).replace('.', ',')}${UNITS[row.unit] || ''}`;
}

function table(t) {
  return h('section', { class: 'fr-mb-4w', 'data-table-key': t.key },
    dataTable({
      id: `indicateurs-${t.key}`,
      caption: t.title,
      columns: ['Indicateur', 'Valeur', 'Cible', 'Unité'],
      rows: t.rows.map((r) => ({
        cells: [r.label, figure(r), target(r), r.unit],
        attrs: { 'data-key': r.key, 'data-masked': String(r.masked) },
      })),
    }),
    h('p', { class: 'fr-mt-1w' },
      h('a', {
        class: 'fr-link fr-link--download',
        href: '', 'data-export': 'csv', 'data-table': t.key, download: '',
      }, `Télécharger « ${t.title} » (CSV)`), ' ',
      h('a', {
        class: 'fr-link fr-link--download',
        href: '', 'data-export': 'xlsx', 'data-table': t.key, download: '',
      }, '(XLSX)')));
}

let chart = null;

/** Values against targets: the rows of the objectives table that have a target. */
function targetChart(report, holder) {
  if (chart) { chart.destroy(); chart = null; }
  const rows = report.tables.flatMap((t) => t.rows).filter((r) => r.target != null && r.unit !== 'conseillers');
  if (rows.length === 0) {
    replace(holder, h('p', {}, 'La convention en vigueur ne fixe pas de cible pour ces indicateurs.'));
    return;
  }
  const description = rows.map((r) => `${r.label} : ${figure(r)} pour une cible de ${target(r)}`).join(' ; ');
  const canvas = h('canvas', { role: 'img', 'aria-label': `Indicateurs face aux cibles. ${description}` });
  replace(holder, h('div', { class: 'binome-chart' }, canvas));
  chart = new Chart(canvas, {
    data: {
      labels: rows.map((r) => `${r.label} (${r.unit})`),
      datasets: [
        { type: 'bar', label: 'Valeur', data: rows.map((r) => r.value), backgroundColor: '#000091' },
        {
          type: 'line', label: 'Cible de la convention', data: rows.map((r) => r.target),
          showLine: false, pointStyle: 'line', pointRadius: 24, pointBorderWidth: 3,
          borderColor: '#ce0500', backgroundColor: '#ce0500',
        },
      ],
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { beginAtZero: true } },
    },
  });
}

/** Coordinateurs: the FSE list of a semester (named persons), as PDF to sign or XLSX. */
function fseBlock(to) {
  const year = Number(to.slice(0, 4));
  const options = [];
  for (let y = year; y >= year - 1; y -= 1) options.push(`${y}-S2`, `${y}-S1`);
  const choice = h('select', { class: 'fr-select', id: 'tdb-fse-semestre' },
    options.map((o) => h('option', { value: o }, o.replace('-S1', ', 1er semestre').replace('-S2', ', 2d semestre'))));
  const pdf = h('a', { class: 'fr-link fr-link--download', id: 'tdb-fse-pdf', download: '' }, 'Liste FSE (PDF à signer)');
  const xlsx = h('a', { class: 'fr-link fr-link--download', id: 'tdb-fse-xlsx', download: '' }, 'Liste FSE (XLSX)');
  const sync = () => {
    pdf.setAttribute('href', `/api/v1/fse-list${queryString({ semester: choice.value, format: 'pdf' })}`);
    xlsx.setAttribute('href', `/api/v1/fse-list${queryString({ semester: choice.value, format: 'xlsx' })}`);
  };
  choice.addEventListener('change', sync);
  sync();
  return h('section', { class: 'fr-mb-4w' },
    h('h3', {}, 'Fonds social européen'),
    h('div', { class: 'fr-select-group' }, h('label', { class: 'fr-label', for: 'tdb-fse-semestre' }, 'Semestre'), choice),
    h('p', {}, pdf, ' ', xlsx));
}

/** Pilotage and coordinateurs: the figures of the annual FSE execution report (XLSX). */
function fseReportBlock(report) {
  const year = Number(report.to.slice(0, 4));
  const choice = h('select', { class: 'fr-select', id: 'tdb-rapport-fse-annee' },
    [year - 1, year].map((y) => h('option', { value: String(y) }, String(y))));
  const link = h('a', { class: 'fr-link fr-link--download', id: 'tdb-rapport-fse', download: '' }, 'Chiffres du rapport annuel d’exécution FSE (XLSX)');
  const sync = () => link.setAttribute('href', `/api/v1/fse-report${queryString({ scope: report.scope, id: report.id, year: choice.value, format: 'xlsx' })}`);
  choice.addEventListener('change', sync);
  sync();
  return h('section', { class: 'fr-mb-4w' },
    h('h3', {}, 'Rapport annuel d’exécution FSE'),
    h('p', { class: 'fr-hint-text' }, 'Le volet quantitatif de l’année civile (participants, listes des semestres, profil, sorties, moyens) ; les volets qualitatif et financier restent à rédiger par les parties.'),
    h('div', { class: 'fr-select-group' }, h('label', { class: 'fr-label', for: 'tdb-rapport-fse-annee' }, 'Année'), choice),
    h('p', {}, link));
}

function exportHref(query, format, tableKey) {
  return `/api/v1/indicators/export${queryString({ ...query, format, table: tableKey })}`;
}

function filters(report, query, onSubmit) {
  const scopeSelect = h('select', { class: 'fr-select', id: 'tdb-scope', name: 'scope' },
    report.choices.map((c) => h('option', {
      value: `${c.scope}:${c.id}`,
      selected: c.scope === report.scope && c.id === report.id,
    }, c.label)));
  if (report.choices.length === 0) {
    append(scopeSelect, h('option', { value: `${report.scope}:${report.id}`, selected: true }, report.label));
  }
  const from = h('input', { class: 'fr-input', type: 'date', id: 'tdb-from', name: 'from', value: report.from, required: true });
  const to = h('input', { class: 'fr-input', type: 'date', id: 'tdb-to', name: 'to', value: report.to, required: true });
  const form = h('form', { class: 'fr-mb-4w', id: 'tdb-filtres' },
    h('fieldset', { class: 'fr-fieldset' },
      h('legend', { class: 'fr-fieldset__legend' }, 'Filtres'),
      h('div', { class: 'fr-fieldset__element fr-col-12 fr-col-md-4' },
        h('div', { class: 'fr-select-group' },
          h('label', { class: 'fr-label', for: 'tdb-scope' }, 'Périmètre'), scopeSelect)),
      h('div', { class: 'fr-fieldset__element fr-col-12 fr-col-md-3' },
        h('div', { class: 'fr-input-group' },
          h('label', { class: 'fr-label', for: 'tdb-from' }, 'Du', h('span', { class: 'fr-hint-text' }, 'Début de période inclus')), from)),
      h('div', { class: 'fr-fieldset__element fr-col-12 fr-col-md-3' },
        h('div', { class: 'fr-input-group' },
          h('label', { class: 'fr-label', for: 'tdb-to' }, 'Au', h('span', { class: 'fr-hint-text' }, 'Fin de période incluse')), to)),
      h('div', { class: 'fr-fieldset__element' },
        h('button', { class: 'fr-btn', type: 'submit' }, 'Afficher'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [scope, id] = scopeSelect.value.split(':');
    onSubmit({ ...query, scope, id, from: from.value, to: to.value });
  });
  return form;
}

async function load(main, query) {
  replace(main, h('p', { role: 'status' }, 'Chargement…'));
  let report;
  try {
    report = await api.get('/api/v1/indicators', { query });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    replace(main, errorAlert(error));
    return;
  }
  const exact = { scope: report.scope, id: report.id, from: report.from, to: report.to };
  const chartHolder = h('div', { id: 'tdb-graphique', class: 'fr-mb-4w' });
  replace(main,
    filters(report, exact, (q) => load(main, q)),
    h('h2', { id: 'tdb-titre' }, `${report.label}, du ${formatDate(report.from)} au ${formatDate(report.to)}`),
    h('p', {}, report.convention ? `Cibles de la convention ${report.convention.label}.` : 'Aucune convention en vigueur : pas de cible.'),
    report.masked
      ? h('div', { class: 'fr-alert fr-alert--info fr-alert--sm fr-mb-3w' },
        h('p', {}, 'Chiffres agrégés seulement : tout chiffre qui repose sur moins de 5 personnes est affiché « < 5 ».'))
      : null,
    h('p', {},
      h('a', { class: 'fr-btn fr-btn--secondary fr-btn--sm', href: exportHref(exact, 'xlsx'), download: '', id: 'tdb-export-xlsx' },
        'Tous les tableaux (XLSX)'), ' ',
      h('a', { class: 'fr-btn fr-btn--secondary fr-btn--sm', href: exportHref(exact, 'csv'), download: '', id: 'tdb-export-csv' },
        'Tous les tableaux (CSV)')),
    h('h3', {}, 'Indicateurs face aux cibles'),
    chartHolder,
    report.tables.map(table),
    report.masked ? null : fseBlock(report.to),
    report.scope === 'counsellor' ? null : fseReportBlock(report));
  for (const a of main.querySelectorAll('a[data-export]')) {
    a.setAttribute('href', exportHref(exact, a.dataset.export, a.dataset.table));
  }
  targetChart(report, chartHolder);
}

export default {
  title: 'Tableau de bord',
  async render({ container }) {
    const main = h('div', { id: 'tdb' });
    append(container,
      h('h1', {}, 'Tableau de bord'),
      h('p', { class: 'fr-text--lead' }, 'Indicateurs de l’accompagnement global. Les définitions figurent dans le document « Indicateurs de pilotage ».'),
      main);
    await load(main, {});
  },
};
