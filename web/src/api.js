// Fetch wrapper for /api/v1: JSON in and out, CSRF header on state-changing calls,
// French error messages from the server's {"errors":[…]} body.
import { getCsrfToken } from './session.js';

const GENERIC_MESSAGE = 'Une erreur est survenue. Veuillez réessayer plus tard.';
const NETWORK_MESSAGE = 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.';

export class ApiError extends Error {
  constructor(status, errors, body = null) {
    super(errors.map((e) => e.message).join(' '));
    this.status = status;
    this.errors = errors; // [{ field, code, message }]
    this.body = body; // the whole JSON answer, for callers that need more than the errors
  }

  /** Whether one of the errors has this code. */
  hasCode(code) {
    return this.errors.some((e) => e.code === code);
  }

  /** Errors not attached to a form field. */
  get generalErrors() {
    return this.errors.filter((e) => !e.field);
  }

  fieldErrors(field) {
    return this.errors.filter((e) => e.field === field);
  }
}

/** Thrown after a 401 once the app has been sent back to the login page. */
export class SessionExpired extends Error {}

let onUnauthorized = () => {};

/** The router registers what to do when a call answers 401 (session expired). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

function stateChanging(method) {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

async function readBody(response) {
  try {
    return await response.json();
  } catch {
    return null; // Not JSON: the generic message below.
  }
}

function errorsOf(body, status) {
  if (body && Array.isArray(body.errors) && body.errors.length > 0) {
    return body.errors.map((e) => ({
      field: e.field ?? null,
      code: e.code || 'error',
      message: e.message || GENERIC_MESSAGE,
    }));
  }
  return [{ field: null, code: `http_${status}`, message: GENERIC_MESSAGE }];
}

/**
 * request('GET', '/api/v1/persons', { query: { q: 'x' } })
 * Options: body (JSON), rawBody (a Blob or File sent as is, rawType its type), query (object), expect401 (the caller handles 401 itself: login form,
 * initial session probe).
 */
export async function request(method, path, options = {}) {
  const url = path + queryString(options.query);
  const headers = { Accept: 'application/json' };
  if (options.rawBody !== undefined) headers['Content-Type'] = options.rawType || 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = getCsrfToken();
  if (stateChanging(method) && token) headers['X-CSRF-Token'] = token;

  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.rawBody !== undefined ? options.rawBody
        : options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, [{ field: null, code: 'network', message: NETWORK_MESSAGE }]);
  }

  if (response.status === 401 && !options.expect401) {
    onUnauthorized();
    throw new SessionExpired('session expirée');
  }
  if (!response.ok) {
    const body = await readBody(response);
    throw new ApiError(response.status, errorsOf(body, response.status), body);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** { a: 1, b: '', c: null } → '?a=1' (empty values are left out). */
export function queryString(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options = {}) => request('POST', path, { ...options, body }),
  put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
};
