// DSFR form fields with labels, hints and error messages (fr-error-text), wired with
// aria-describedby so the error is read with the field.
import { h, replace } from '../dom.js';
import { ApiError } from '../api.js';
import { alertBox } from './alert.js';

function fieldShell(kind, { id, label, hint, required }, control) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const group = h('div', { class: `fr-${kind}-group` },
    h('label', { class: 'fr-label', for: id },
      label,
      required ? h('span', { class: 'fr-sr-only' }, ' (obligatoire)') : null,
      hint ? h('span', { class: 'fr-hint-text', id: hintId }, hint) : null),
    control);
  const errorBox = h('div', { id: errorId, 'aria-live': 'polite' });
  group.append(errorBox);
  if (hintId) control.setAttribute('aria-describedby', hintId);

  return {
    group,
    control,
    get value() { return control.value.trim(); },
    set value(v) { control.value = v ?? ''; },
    /** Shows the messages (array of strings) under the field, or clears them. */
    setErrors(messages) {
      const list = (messages || []).filter(Boolean);
      errorBox.replaceChildren(...list.map((m) => h('p', { class: 'fr-error-text' }, m)));
      group.classList.toggle(`fr-${kind}-group--error`, list.length > 0);
      control.classList.toggle(`fr-${kind}--error`, list.length > 0);
      const describedBy = [hintId, list.length > 0 ? errorId : null].filter(Boolean).join(' ');
      if (describedBy) control.setAttribute('aria-describedby', describedBy);
      else control.removeAttribute('aria-describedby');
      if (list.length > 0) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/** inputField({ id, label, type, hint, required, autocomplete, value, inputmode }) */
export function inputField(opts) {
  const input = h('input', {
    class: 'fr-input',
    id: opts.id,
    name: opts.name || opts.id,
    type: opts.type || 'text',
    autocomplete: opts.autocomplete || null,
    inputmode: opts.inputmode || null,
    required: opts.required || null,
    'aria-required': opts.required ? 'true' : null,
    spellcheck: opts.type === 'password' ? 'false' : null,
    min: opts.min || null,
  });
  if (opts.value !== undefined && opts.value !== null) input.value = opts.value;
  return fieldShell('input', opts, input);
}

/** textareaField({ id, label, hint, required, value, rows }) */
export function textareaField(opts) {
  const textarea = h('textarea', {
    class: 'fr-input',
    id: opts.id,
    name: opts.name || opts.id,
    rows: String(opts.rows || 4),
    required: opts.required || null,
    'aria-required': opts.required ? 'true' : null,
  });
  if (opts.value !== undefined && opts.value !== null) textarea.value = opts.value;
  return fieldShell('input', opts, textarea);
}

/** selectField({ id, label, options: [{ value, label }], placeholder, required, value }) */
export function selectField(opts) {
  const select = h('select', {
    class: 'fr-select',
    id: opts.id,
    name: opts.name || opts.id,
    required: opts.required || null,
    'aria-required': opts.required ? 'true' : null,
  },
  h('option', { value: '', selected: true, disabled: opts.required ? true : null, hidden: opts.required ? true : null },
    opts.placeholder || 'Sélectionner une option'),
  opts.options.map((o) => h('option', { value: String(o.value) }, o.label)));
  if (opts.value !== undefined && opts.value !== null) select.value = String(opts.value);
  return fieldShell('select', opts, select);
}

/**
 * Puts an ApiError's messages on the matching fields ({ apiFieldName: field }) and returns the
 * messages that belong to no field (to show in an alert).
 */
export function applyFieldErrors(error, fields) {
  const byField = {};
  const general = [];
  for (const e of error.errors || []) {
    if (e.field && fields[e.field]) (byField[e.field] ||= []).push(e.message);
    else general.push(e.message);
  }
  for (const [name, field] of Object.entries(fields)) field.setErrors(byField[name] || []);
  const firstInvalid = Object.keys(fields).find((name) => byField[name]);
  if (firstInvalid) fields[firstInvalid].control.focus();
  return general;
}

/** Client-side check of required fields; returns true when all are filled. */
export function checkRequired(fields) {
  let firstMissing = null;
  for (const field of fields) {
    const missing = field.value === '';
    field.setErrors(missing ? ['Ce champ est obligatoire.'] : []);
    if (missing && !firstMissing) firstMissing = field;
  }
  if (firstMissing) firstMissing.control.focus();
  return !firstMissing;
}

/**
 * choiceGroup({ id, legend, hint, type: 'checkbox' | 'radio', options: [{ value, label }], value })
 * A DSFR fieldset of checkboxes or radio buttons. value: the checked values (array) for
 * checkboxes, the checked value ('' when none) for radios. Errors go under the group
 * (fr-fieldset--error) and are read with the legend.
 */
export function choiceGroup(opts) {
  const kind = opts.type === 'radio' ? 'radio' : 'checkbox';
  const legendId = `${opts.id}-legend`;
  const messagesId = `${opts.id}-messages`;
  const inputs = [];
  const elements = opts.options.map((o, i) => {
    const inputId = `${opts.id}-${i + 1}`;
    const input = h('input', { type: kind, id: inputId, name: opts.name || opts.id, value: String(o.value) });
    inputs.push(input);
    return h('div', { class: `fr-fieldset__element${opts.inline ? ' fr-fieldset__element--inline' : ''}` },
      h('div', { class: `fr-${kind}-group` },
        input,
        h('label', { class: 'fr-label', for: inputId }, o.label)));
  });
  const messages = h('div', { class: 'fr-messages-group', id: messagesId, 'aria-live': 'polite' });
  const group = h('fieldset', {
    class: 'fr-fieldset',
    id: opts.id,
    'aria-labelledby': `${legendId} ${messagesId}`,
  },
  h('legend', { class: 'fr-fieldset__legend', id: legendId },
    opts.legend,
    opts.hint ? h('span', { class: 'fr-hint-text' }, opts.hint) : null),
  elements,
  messages);

  const field = {
    group,
    inputs,
    get control() { return inputs.find((i) => i.checked) || inputs[0]; },
    get value() {
      const checked = inputs.filter((i) => i.checked).map((i) => i.value);
      return kind === 'radio' ? (checked[0] || '') : checked;
    },
    set value(v) {
      const wanted = new Set((Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined).map(String));
      for (const input of inputs) input.checked = wanted.has(input.value);
    },
    setErrors(list) {
      const shown = (list || []).filter(Boolean);
      messages.replaceChildren(...shown.map((m) => h('p', { class: 'fr-error-text' }, m)));
      group.classList.toggle('fr-fieldset--error', shown.length > 0);
    },
    onChange(handler) {
      for (const input of inputs) input.addEventListener('change', handler);
    },
  };
  if (opts.value !== undefined) field.value = opts.value;
  return field;
}

/** checkboxField({ id, label, hint, checked }): one DSFR checkbox; value is a boolean. */
export function checkboxField(opts) {
  const messagesId = `${opts.id}-messages`;
  const control = h('input', { type: 'checkbox', id: opts.id, name: opts.name || opts.id, 'aria-describedby': messagesId });
  control.checked = Boolean(opts.checked);
  const messages = h('div', { class: 'fr-messages-group', id: messagesId, 'aria-live': 'polite' });
  const group = h('div', { class: 'fr-checkbox-group' },
    control,
    h('label', { class: 'fr-label', for: opts.id },
      opts.label,
      opts.hint ? h('span', { class: 'fr-hint-text' }, opts.hint) : null),
    messages);
  return {
    group,
    control,
    get value() { return control.checked; },
    set value(v) { control.checked = Boolean(v); },
    setErrors(list) {
      const shown = (list || []).filter(Boolean);
      messages.replaceChildren(...shown.map((m) => h('p', { class: 'fr-error-text' }, m)));
      group.classList.toggle('fr-checkbox-group--error', shown.length > 0);
    },
  };
}

// The submit of a form that records one thing: required fields checked first, the button
// disabled while `send` runs, the field errors of a refusal shown on their fields and the
// others in an alert titled `failure`. `send` posts, resets what it must and says so.
export function onRecordSubmit(form, { messages, submit, fields, required, failure, send }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    if (!checkRequired(required || Object.values(fields))) return;
    submit.disabled = true;
    try {
      await send();
      for (const f of Object.values(fields)) f.setErrors([]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const general = applyFieldErrors(error, fields);
      if (general.length) replace(messages, alertBox('error', general, failure));
    } finally {
      submit.disabled = false;
    }
  });
}
