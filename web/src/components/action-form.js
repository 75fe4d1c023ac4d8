// A small DSFR form posting JSON to the API: required fields checked in the browser, the
// server's French messages put under the matching fields (the others in an error alert).
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { alertBox } from './alert.js';
import { applyFieldErrors, checkRequired } from './form.js';

/**
 * actionForm({ label, title, formFields: { apiName: field }, submitLabel, path, body,
 *   onSuccess(result), failureTitle, onError(error, messages) → true when handled, extra })
 * title may be null (no heading); extra: nodes shown before the fields.
 */
export function actionForm({
  label, title, formFields = {}, submitLabel, path, body, onSuccess, failureTitle, onError, extra,
  headingLevel = 'h4', secondary = false,
}) {
  const messages = h('div', {});
  const submit = h('button', {
    type: 'submit', class: `fr-btn fr-btn--sm${secondary ? ' fr-btn--secondary' : ''}`,
  }, submitLabel);
  const form = h('form', { novalidate: true, class: 'fr-mb-3w', 'aria-label': label },
    title ? h(headingLevel, { class: 'fr-h6' }, title) : null,
    messages,
    extra || null,
    Object.values(formFields).map((f) => h('div', { class: 'fr-mb-2w' }, f.group)),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--sm' }, h('li', {}, submit)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    // Fields whose control is not marked required (an optional place…) are the server's.
    if (!checkRequired(Object.values(formFields).filter((f) => !f.control || f.control.required))) return;
    submit.disabled = true;
    try {
      const result = await api.post(path, typeof body === 'function' ? body() : body);
      await onSuccess(result);
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      if (onError && onError(error, messages)) return;
      const general = applyFieldErrors(error, formFields);
      replace(messages, alertBox('error', general.length ? general : error.errors.map((e) => e.message), failureTitle));
    }
  });
  return form;
}

/** A DSFR-styled label/value list: rows [label, value, attrs?] (null rows are skipped). */
export function fieldList(rows) {
  return h('dl', { class: 'binome-fields fr-mb-3w' },
    rows.filter(Boolean).map(([label, value, attrs]) => [h('dt', {}, label), h('dd', attrs || {}, value)]));
}

/** [6, 12] → [{ value: 6, label: '6 mois' }, …] */
export function monthOptions(list) {
  return (list || []).map((m) => ({ value: m, label: `${m} mois` }));
}
