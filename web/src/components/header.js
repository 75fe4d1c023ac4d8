// DSFR header: bloc-marque "République française", service title, signed-in user, logout
// button and the role's navigation. Re-rendered on every route change.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { roleLabel, plural } from '../format.js';

const PERSONS = { path: '/personnes', label: 'Mes personnes' };
const ORIENTATIONS = { path: '/orientations', label: 'Orientations en cours' };
const TODO = { path: '/a-faire', label: 'À faire', todo: true };
const CASELOAD = [PERSONS, ORIENTATIONS, TODO];
const NAV_BY_ROLE = {
  conseiller: CASELOAD,
  referent_social: CASELOAD,
  coordinateur: CASELOAD,
  dpo: [{ path: '/journal-audit', label: "Journal d'audit" }],
  admin: [
    { path: '/utilisateurs', label: 'Utilisateurs' },
    { path: '/organisations', label: 'Organisations' },
    { path: '/admin/profils', label: 'Profils de convention' },
  ],
  pilotage: [{ path: '/pilotage', label: 'Pilotage' }],
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
const TODO_REFRESH_MS = 60_000;
let todoCount = null;
let todoReadAt = 0;
let todoLogin = null;

function todoLabel() {
  if (todoCount === null) return [TODO.label];
  return [
    TODO.label,
    h('span', { class: 'fr-ml-1v', 'aria-hidden': 'true' }, `(${todoCount})`),
    h('span', { class: 'fr-sr-only' }, `, ${plural(todoCount, 'tâche')}`),
  ];
}

function showTodoCount() {
  const link = document.querySelector('#navigation a[data-nav="todo"]');
  if (link) replace(link, todoLabel());
}

/** Sets the count (the "À faire" page knows it already). */
export function setTodoCount(n) {
  todoCount = n;
  todoReadAt = Date.now();
  showTodoCount();
}

/** Reads GET /api/v1/todo again when the count is old (or when force) and updates the menu. */
export async function refreshTodoCount({ force = false } = {}) {
  if (!document.querySelector('#navigation a[data-nav="todo"]')) return;
  if (!force && Date.now() - todoReadAt < TODO_REFRESH_MS) return;
  todoReadAt = Date.now();
  const asked = todoLogin;
  try {
    const data = await api.get('/api/v1/todo', { expect401: true });
    if (asked === todoLogin) setTodoCount((data.items || []).length);
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
              'data-nav': item.todo ? 'todo' : null,
            }, item.todo ? todoLabel() : item.label)))))));
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
  if (login !== todoLogin) {
    todoLogin = login;
    todoCount = null;
    todoReadAt = 0;
  }
  replace(container,
    h('header', { role: 'banner', class: 'fr-header' },
      h('div', { class: 'fr-header__body' },
        h('div', { class: 'fr-container' }, bodyRow)),
      user ? menu(user, currentPath) : null));
  if (user) refreshTodoCount();
}
