// History API router: intercepts same-origin links, renders the page for the path, keeps the
// header in sync, updates <title>, and moves focus to the page's h1 after each navigation.
import { api, ApiError, setUnauthorizedHandler, SessionExpired } from './api.js';
import { getUser, setSession, homePath } from './session.js';
import { h, replace } from './dom.js';
import { renderHeader } from './components/header.js';
import { renderFooter } from './components/footer.js';
import { renderSkiplinks } from './components/skiplinks.js';
import { errorAlert } from './components/alert.js';
import { routes, notFoundPage, forbiddenPage } from './routes.js';

const SESSION_EXPIRED = 'Votre session a expiré, veuillez vous reconnecter.';

let navigationId = 0;
let firstRender = true;
let flash = null; // { kind, text } shown once by the login page
let nextPath = null; // where to go after login

/** A message for the next page that asks for it (the login page). */
export function takeFlash() {
  const f = flash;
  flash = null;
  return f;
}

/** Where to go once user has signed in: the page asked before, if that role may open it. */
export function afterLoginPath(user) {
  const wanted = nextPath;
  nextPath = null;
  if (wanted) {
    const { route } = matchRoute(new URL(wanted, window.location.origin).pathname);
    if (route !== notFoundPage && !route.guestOnly && allowed(route, user)) return wanted;
  }
  return homePath(user);
}

export function navigate(path, { replace: replaceState = false } = {}) {
  if (replaceState) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  return render();
}

function matchRoute(pathname) {
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (m) return { route, params: m.groups || {} };
  }
  return { route: notFoundPage, params: {} };
}

function allowed(route, user) {
  if (route.public) return true;
  if (!user) return false;
  return !route.roles || route.roles.includes(user.role);
}

async function render() {
  navigationId += 1;
  const myId = navigationId;
  const { pathname, search } = window.location;
  const user = getUser();

  if (pathname === '/' || pathname === '') {
    return navigate(user ? homePath(user) : '/connexion', { replace: true });
  }
  let { route, params } = matchRoute(pathname);
  if (!route.public && !user) {
    nextPath = pathname + search + window.location.hash;
    return navigate('/connexion', { replace: true });
  }
  if (route.guestOnly && user) {
    return navigate(homePath(user), { replace: true });
  }
  if (!allowed(route, user)) {
    route = forbiddenPage;
    params = {};
  }

  renderSkiplinks(document.getElementById('skiplinks'), Boolean(user));
  renderHeader(document.getElementById('header'), user, pathname, user ? homePath(user) : '/connexion');

  const main = document.getElementById('contenu');
  const container = h('div', {});
  replace(main, container);
  setTitle(route.title);

  const ctx = {
    container,
    params,
    query: new URLSearchParams(search),
    user,
    navigate,
    setTitle: (t) => { if (myId === navigationId) setTitle(t); },
    isCurrent: () => myId === navigationId,
  };
  try {
    await route.render(ctx);
  } catch (error) {
    if (error instanceof SessionExpired) return undefined;
    if (!(error instanceof ApiError)) console.error(error); // eslint-disable-line no-console
    if (myId === navigationId) {
      replace(container, h('h1', {}, 'Erreur'), errorAlert(error));
    }
  }
  if (myId !== navigationId) return undefined;
  if (!focusAnchor()) {
    if (!firstRender) focusHeading(container);
  }
  firstRender = false;
  document.dispatchEvent(new CustomEvent('binome:rendered', { detail: { path: pathname } }));
  return undefined;
}

function setTitle(title) {
  document.title = title ? `${title} — binome` : 'binome';
}

/** When the URL names a section (#rendez-vous…), scrolls to it and moves focus there. */
function focusAnchor() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id) return false;
  const target = document.getElementById(id);
  if (!target) return false;
  const heading = target.querySelector('h2') || target;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
  target.scrollIntoView();
  return true;
}

function focusHeading(container) {
  const h1 = container.querySelector('h1') || document.getElementById('contenu');
  if (h1 !== document.getElementById('contenu')) h1.setAttribute('tabindex', '-1');
  h1.focus();
}

function onDocumentClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;

  const logout = event.target.closest('[data-action="logout"]');
  if (logout) {
    event.preventDefault();
    logoutNow();
    return;
  }

  const link = event.target.closest('a[href]');
  if (!link || link.hasAttribute('download')) return;
  if (link.target && link.target !== '_self') return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return;

  // In-page anchors (skip links): move focus to the target without touching the route.
  const rawHref = link.getAttribute('href');
  if (rawHref.startsWith('#')) {
    const target = document.getElementById(rawHref.slice(1));
    if (target) {
      event.preventDefault();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
      target.scrollIntoView();
    }
    return;
  }
  if (url.pathname.startsWith('/api/')) return; // downloads (CSV export) go to the server
  event.preventDefault();
  const { pathname, search, hash } = window.location;
  if (url.pathname + url.search + url.hash !== pathname + search + hash) {
    navigate(url.pathname + url.search + url.hash);
  } else {
    render();
  }
}

async function logoutNow() {
  try {
    await api.delete('/api/v1/session', { expect401: true });
  } catch {
    // Even if the server call fails, forget the session locally.
  }
  setSession(null);
  flash = { kind: 'success', text: 'Vous êtes déconnecté(e).' };
  navigate('/connexion');
}

function onSessionExpired() {
  if (!getUser()) return;
  setSession(null);
  flash = { kind: 'warning', text: SESSION_EXPIRED };
  const { pathname, search } = window.location;
  nextPath = pathname + search + window.location.hash;
  navigate('/connexion', { replace: true });
}

export async function startRouter() {
  setUnauthorizedHandler(onSessionExpired);
  document.addEventListener('click', onDocumentClick);
  window.addEventListener('popstate', () => render());
  renderFooter(document.getElementById('footer-root'));
  try {
    const session = await api.get('/api/v1/session', { expect401: true });
    setSession(session);
  } catch {
    setSession(null); // 401 or server down: the login page will tell.
  }
  await render();
}
