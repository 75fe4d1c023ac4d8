// DSFR header: bloc-marque "République française", service title, signed-in user, logout
// button and the role's navigation. Re-rendered on every route change.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { roleLabel, plural } from '../format.js';

const PERSONS = { path: '/personnes', label: 'Mes personnes' };
const ORIENTATIONS = { path: '/orientations', label: 'Orientations en cours' };
const WORKLIST = { path: '/a-faire', label: 'À faire', worklist: true };
const RESOURCES = { path: '/ressources', label: 'Ressources' };
const PORTFOLIO = { path: '/portefeuille', label: 'Portefeuille' };
const CASELOAD = [PERSONS, ORIENTATIONS, WORKLIST, PORTFOLIO, RESOURCES];
const REVIEW = { path: '/revue-de-portefeuille', label: 'Revue de portefeuille' };
const COMMITTEES = { path: '/comites', label: 'Comités' };
const DASHBOARD = { path: '/tableau-de-bord', label: 'Tableau de bord' };
const NAV_BY_ROLE = {
  conseiller: CASELOAD,
  referent_social: CASELOAD,
  coordinateur: [...CASELOAD, REVIEW, DASHBOARD, COMMITTEES],
  dpo: [
    { path: '/journal-audit', label: "Journal d'audit" },
    WORKLIST,
    { path: '/rgpd/demandes', label: 'Demandes des personnes' },
    { path: '/rgpd/violations', label: 'Violations de données' },
    { path: '/rgpd/registres', label: 'Registres' },
  ],
  admin: [
    { path: '/utilisateurs', label: 'Utilisateurs' },
    { path: '/organisations', label: 'Organisations' },
    { path: '/admin/profils', label: 'Profils de convention' },
    { path: '/flux', label: 'Flux RSA' },
  ],
  pilotage: [{ path: '/pilotage', label: 'Pilotage' }, DASHBOARD, COMMITTEES, RESOURCES],
};

export function navItemsFor(user) {
  return (user && NAV_BY_ROLE[user.role]) || [];
}

function brand(homeHref) {
  return h('div', { class: 'fr-header__brand fr-enlarge-link' },
    h('div', { class: 'fr-header__brand-top' },
      h('div', { class: 'fr-header__logo' },
        h('p', { class: 'fr-logo' }, 'République', h('br'), 'Française'))),
    h('div', { class: 'fr-header__service' },
      h('a', { href: homeHref, title: 'Accueil - binome' },
        h('p', { class: 'fr-header__service-title' }, 'binome')),
      h('p', { class: 'fr-header__service-tagline' },
        'Accompagnement global France Travail – Département')));
}

function userTools(user) {
  return h('div', { class: 'fr-header__tools' },
    h('div', { class: 'fr-header__tools-links' },
      h('p', { class: 'binome-user fr-text--sm fr-mb-1w' },
        h('span', { class: 'binome-user__name' }, user.display_name),
        h('span', { class: 'binome-user__role' }, roleLabel(user.role)),
        h('span', { class: 'binome-user__organisation' },
          user.organisation ? user.organisation.name : '')),
      h('ul', { class: 'fr-btns-group' },
        h('li', {},
          h('a', {
            class: 'fr-btn fr-icon-lock-line',
            href: '/compte/securite',
            target: '_self',
          }, 'Sécurité du compte')),
        h('li', {},
          h('button', {
            type: 'button',
            class: 'fr-btn fr-icon-logout-box-r-line',
            'data-action': 'logout',
          }, 'Se déconnecter')))));
}

function isCurrent(itemPath, currentPath) {
  if (currentPath === itemPath) return 'page';
  if (currentPath.startsWith(`${itemPath}/`)) return 'true';
  return null;
}

// Number of tasks of the "À faire" list shown in the navigation; read again at most once a
// minute while navigating, at once after an action or on the "À faire" page.
const WORKLIST_REFRESH_MS = 60_000;
let worklistCount = null;
let worklistReadAt = 0;
let worklistLogin = null;

function worklistLabel() {
  if (worklistCount === null) return [WORKLIST.label];
  return [
    WORKLIST.label,
    h('span', { class: 'fr-ml-1v', 'aria-hidden': 'true' }, `(${worklistCount})`),
    h('span', { class: 'fr-sr-only' }, `, ${plural(worklistCount, 'tâche')}`),
  ];
}

function showWorklistCount() {
  const link = document.querySelector('#navigation a[data-nav="worklist"]');
  if (link) replace(link, worklistLabel());
}

/** Sets the count (the "À faire" page knows it already). */
export function setWorklistCount(n) {
  worklistCount = n;
  worklistReadAt = Date.now();
  showWorklistCount();
}

/** Reads GET /api/v1/worklist/count again when the count is old (or when force) and updates the menu. */
export async function refreshWorklistCount({ force = false } = {}) {
  if (!document.querySelector('#navigation a[data-nav="worklist"]')) return;
  if (!force && Date.now() - worklistReadAt < WORKLIST_REFRESH_MS) return;
  worklistReadAt = Date.now();
  const asked = worklistLogin;
  try {
    const data = await api.get('/api/v1/worklist/count', { expect401: true });
    if (asked === worklistLogin) setWorklistCount(data.count);
  } catch {
    // The count is a convenience: the "À faire" page tells about errors.
  }
}

function menu(user, currentPath) {
  const items = navItemsFor(user);
  return h('div', { class: 'fr-header__menu fr-modal', id: 'modal-menu', 'aria-labelledby': 'button-menu' },
    h('div', { class: 'fr-container' },
      h('button', { type: 'button', class: 'fr-btn--close fr-btn', 'aria-controls': 'modal-menu', title: 'Fermer' }, 'Fermer'),
      h('div', { class: 'fr-header__menu-links' }),
      h('nav', { class: 'fr-nav', id: 'navigation', role: 'navigation', 'aria-label': 'Menu principal' },
        h('ul', { class: 'fr-nav__list' },
          items.map((item) => h('li', { class: 'fr-nav__item' },
            h('a', {
              class: 'fr-nav__link',
              href: item.path,
              target: '_self',
              'aria-current': isCurrent(item.path, currentPath),
              'data-nav': item.worklist ? 'worklist' : null,
            }, item.worklist ? worklistLabel() : item.label)))))));
}

/** Renders the header into container; user may be null (login page). */
export function renderHeader(container, user, currentPath, homeHref) {
  const bodyRow = h('div', { class: 'fr-header__body-row' }, brand(homeHref));
  if (user) {
    bodyRow.querySelector('.fr-header__brand-top').append(
      h('div', { class: 'fr-header__navbar' },
        h('button', {
          type: 'button',
          class: 'fr-btn--menu fr-btn',
          'data-fr-opened': 'false',
          'aria-controls': 'modal-menu',
          'aria-haspopup': 'menu',
          id: 'button-menu',
          title: 'Menu',
        }, 'Menu')));
    bodyRow.append(userTools(user));
  }
  // A new user (login) never sees the previous user's count.
  const login = user ? user.login || user.id : null;
  if (login !== worklistLogin) {
    worklistLogin = login;
    worklistCount = null;
    worklistReadAt = 0;
  }
  replace(container,
    h('header', { role: 'banner', class: 'fr-header' },
      h('div', { class: 'fr-header__body' },
        h('div', { class: 'fr-container' }, bodyRow)),
      user ? menu(user, currentPath) : null));
  if (user) refreshWorklistCount();
}
