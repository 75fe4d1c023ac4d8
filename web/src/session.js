// The signed-in user and the CSRF token, kept in memory only (never in localStorage).

let current = null; // { csrfToken, user }

export function setSession(payload) {
  current = payload ? { csrfToken: payload.csrf_token, user: payload.user } : null;
}

export function getUser() {
  return current ? current.user : null;
}

export function getCsrfToken() {
  return current ? current.csrfToken : null;
}

/** The page each role lands on after login. */
export function homePath(user) {
  switch (user && user.role) {
    case 'conseiller':
    case 'referent_social':
    case 'coordinateur':
      return '/personnes';
    case 'dpo':
      return '/journal-audit';
    case 'admin':
      return '/utilisateurs';
    case 'pilotage':
      return '/pilotage';
    default:
      return '/connexion';
  }
}
