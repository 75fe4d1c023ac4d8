// DSFR pagination. Links are real hrefs (the router intercepts them), so they work with
// keyboard, middle-click and history.
import { h } from '../dom.js';

/**
 * pagination({ page, perPage, total, hrefFor: (n) => '/personnes?page=n' })
 * Returns null when everything fits on one page.
 */
export function pagination({ page, perPage, total, hrefFor }) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;

  const link = (n, label, extraClass, title) => {
    const disabled = n < 1 || n > pages || n === page;
    return h('li', {},
      h('a', {
        class: `fr-pagination__link ${extraClass || ''}`.trim(),
        href: disabled ? null : hrefFor(n),
        'aria-disabled': disabled && extraClass ? 'true' : null,
        role: disabled ? 'link' : null,
        title: title || null,
      }, label));
  };

  const items = [
    link(1, 'Première page', 'fr-pagination__link--first'),
    link(page - 1, 'Page précédente', 'fr-pagination__link--prev fr-pagination__link--lg-label'),
  ];
  for (const n of visiblePages(page, pages)) {
    if (n === null) {
      items.push(h('li', {}, h('span', { class: 'fr-pagination__link fr-displayed-lg' }, '…')));
    } else if (n === page) {
      items.push(h('li', {}, h('a', { class: 'fr-pagination__link', 'aria-current': 'page', title: `Page ${n}` }, String(n))));
    } else {
      items.push(h('li', {}, h('a', { class: 'fr-pagination__link', href: hrefFor(n), title: `Page ${n}` }, String(n))));
    }
  }
  items.push(
    link(page + 1, 'Page suivante', 'fr-pagination__link--next fr-pagination__link--lg-label'),
    link(pages, 'Dernière page', 'fr-pagination__link--last'),
  );
  return h('nav', { role: 'navigation', class: 'fr-pagination fr-mt-3w', 'aria-label': 'Pagination' },
    h('ul', { class: 'fr-pagination__list' }, items));
}

/** 1 … 4 5 6 … 20 (null stands for the ellipsis). */
function visiblePages(page, pages) {
  const wanted = new Set([1, pages, page - 1, page, page + 1]);
  const out = [];
  let previous = 0;
  for (let n = 1; n <= pages; n += 1) {
    if (!wanted.has(n)) continue;
    if (n - previous > 1) out.push(null);
    out.push(n);
    previous = n;
  }
  return out;
}
