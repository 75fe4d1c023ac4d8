// A message for the next page (e.g. "L'orientation est enregistrée." after the form sends the
// user back to the person's page). Shown once.
let pending = null;

/** kind: 'success' | 'info' | 'warning' | 'error' */
export function setNotice(kind, text) {
  pending = { kind, text };
}

export function takeNotice() {
  const n = pending;
  pending = null;
  return n;
}
