// Closed lists of the orientation (origins, decision modes, criteria, freins, reasons), read once
// per session from the server: labels and order are the server's.
import { api } from './api.js';

let orientation = null;

/** GET /api/v1/referentials/orientation, cached; a failed call is retried next time. */
export function orientationReferential() {
  if (!orientation) {
    orientation = api.get('/api/v1/referentials/orientation').catch((error) => {
      orientation = null;
      throw error;
    });
  }
  return orientation;
}

/** Forgets the cached referential (after the admin added an origin). */
export function forgetOrientationReferential() {
  orientation = null;
}

/** [{ code, label }] → [{ value, label }] for the form helpers. */
export function asOptions(list) {
  return (list || []).map((item) => ({ value: item.code, label: item.label }));
}
