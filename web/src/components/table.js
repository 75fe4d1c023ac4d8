// DSFR table: caption, column headers, rows of cells (strings or nodes).
import { h } from '../dom.js';

/**
 * dataTable({ id, caption, columns: ['Nom', …], rows: [[cell, …], …], empty: 'Aucun …' })
 * A row may also be { cells: [cell, …], attrs: { 'data-x': … } }.
 */
export function dataTable({ id, caption, columns, rows, empty = 'Aucun résultat.' }) {
  const body = rows.length > 0
    ? rows.map((row, i) => {
      const cells = Array.isArray(row) ? row : row.cells;
      const attrs = Array.isArray(row) ? {} : row.attrs;
      return h('tr', { 'data-row-key': String(i + 1), ...attrs }, cells.map((cell) => h('td', {}, cell)));
    })
    : [h('tr', {}, h('td', { colspan: String(columns.length) }, empty))];
  return h('div', { class: 'fr-table', id: `${id}-component` },
    h('div', { class: 'fr-table__wrapper' },
      // Focusable so that keyboard users can scroll a table wider than the screen.
      h('div', { class: 'fr-table__container', tabindex: '0', role: 'region', 'aria-label': caption },
        h('div', { class: 'fr-table__content' },
          h('table', { id },
            h('caption', {}, caption),
            h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, body))))));
}
