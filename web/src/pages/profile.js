// Un profil de convention (admin): the rules in force today, the signing parties and their
// successions, the history of versions with what each one changed, and the forms to add a
// version (effective from a date) or a successor party. Every version carries all the rules:
// the form starts from the rules in force and sends them all back.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, formatDateTime, orDash, todayIso } from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { inputField, choiceGroup, applyFieldErrors, checkRequired } from '../components/form.js';
import { orientationReferential } from '../referentials.js';
import {
  RULE_SECTIONS, RULES, flatten, unflatten, formatRule, diffRules,
} from '../convention-rules.js';
import { validityText } from './profiles.js';

const REQUIRED = 'Ce champ est obligatoire.';
const NOT_INTEGER = 'Saisissez un nombre entier positif ou nul.';
const NOT_MONTHS = 'Saisissez des nombres entiers de mois séparés par des virgules, par exemple : 6, 12.';

// Codes of the server, used when the referential cannot be read (labels are then the codes).
const MODE_CODES = ['diagnostic_partage', 'accord_tacite', 'accord_bilateral', 'confiance_reciproque'];
const PUBLIC_CODES = ['brsa_oriente_ft', 'nouvel_entrant_rsa', 'de_non_brsa', 'metier_en_tension'];

function fieldId(key) {
  return `version-${key.replace(/[._]/g, '-')}`;
}

/** The version in force today: the last one whose effective_from is not after today. */
function versionInForce(versions, today) {
  let current = null;
  for (const v of versions) if (v.effective_from <= today) current = v;
  return current;
}

function fields(rows) {
  return h('dl', { class: 'binome-fields fr-mb-3w' },
    rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

function ruleValue(rule, value, labels) {
  if (rule.kind === 'rome' && Array.isArray(value) && value.length > 0) {
    return h('ul', { class: 'binome-codes fr-mb-0' }, value.map((code) => h('li', {}, h('code', {}, code))));
  }
  return formatRule(rule.key, value, labels);
}

function rulesSection(p, labels) {
  const section = h('section', { class: 'fr-mb-6w', 'aria-labelledby': 'rules-title', id: 'regles' },
    h('h2', { class: 'fr-h4', id: 'rules-title' }, 'Règles en vigueur aujourd’hui'));
  if (!p.rules_today) {
    append(section, h('p', {}, 'Aucune version des règles n’est en vigueur aujourd’hui.'));
    return section;
  }
  const flat = flatten(p.rules_today);
  for (const s of RULE_SECTIONS) {
    append(section,
      h('h3', { class: 'fr-h6 fr-mb-2w' }, s.title),
      fields(s.rules.map((rule) => [rule.label, ruleValue(rule, flat[rule.key], labels)])));
  }
  return section;
}

function changesCell(change, labels) {
  return h('li', { 'data-rule': change.key },
    `${change.label} : ${formatRule(change.key, change.before, labels)} → ${formatRule(change.key, change.after, labels)}`);
}

function versionsSection(p, labels, notice) {
  const versions = [...(p.versions || [])].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const today = todayIso();
  const current = versionInForce(versions, today);
  const rows = versions.map((v, i) => {
    let state = null;
    if (v === current) state = badge('En vigueur', 'success');
    else if (v.effective_from > today) state = badge('À venir', 'info');
    let changes;
    if (i === 0) {
      changes = 'Version initiale';
    } else {
      const diff = diffRules(versions[i - 1].rules, v.rules);
      changes = diff.length
        ? h('ul', { class: 'fr-mb-0 fr-cell--multiline' }, diff.map((c) => changesCell(c, labels)))
        : 'Aucune règle modifiée';
    }
    return [
      [h('span', { 'data-effective-from': v.effective_from }, formatDate(v.effective_from)), state ? ' ' : null, state],
      orDash(v.changed_by),
      formatDateTime(v.changed_at),
      changes,
    ];
  });
  return h('section', { class: 'fr-mb-6w', 'aria-labelledby': 'versions-title', id: 'versions' },
    h('h2', { class: 'fr-h4', id: 'versions-title', tabindex: '-1' }, 'Historique des versions'),
    notice || null,
    dataTable({
      id: 'versions-table',
      caption: 'Versions des règles de la convention',
      columns: ['En vigueur depuis', 'Modifié par', 'Le', 'Modifications (avant → après)'],
      rows,
      empty: 'Aucune version enregistrée.',
    }));
}

function partiesSection(p, onSaved, notice) {
  const parties = [...(p.parties || [])].sort((a, b) => a.from.localeCompare(b.from));
  const f = {
    name: inputField({ id: 'party-name', label: 'Nom de la partie signataire', required: true, autocomplete: 'off',
      hint: 'Par exemple, la collectivité qui succède au Département signataire.' }),
    from: inputField({ id: 'party-from', label: 'Date de la succession', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA' }),
  };
  f.name.control.setAttribute('maxlength', '150');
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn fr-btn--secondary' }, 'Enregistrer la succession');
  const form = h('form', { novalidate: true, id: 'party-form', 'aria-labelledby': 'party-form-title' },
    h('h3', { class: 'fr-h6', id: 'party-form-title' }, 'Nouvelle partie signataire (succession)'),
    messages,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      Object.values(f).map((field) => h('div', { class: 'fr-col-12 fr-col-md-6' }, field.group))),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    if (!checkRequired(Object.values(f))) return;
    if (f.from.control.validity.badInput) {
      f.from.setErrors(['La date de succession n’est pas une date valide (JJ/MM/AAAA).']);
      f.from.control.focus();
      return;
    }
    submit.disabled = true;
    try {
      const updated = await api.post(`/api/v1/convention-profiles/${p.id}/parties`, {
        name: f.name.value, from: f.from.value,
      });
      onSaved(updated, 'parties', `La succession au ${formatDate(f.from.value)} est enregistrée.`);
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      const general = applyFieldErrors(error, f);
      if (general.length) replace(messages, alertBox('error', general, 'La succession n’a pas été enregistrée'));
    }
  });

  return h('section', { class: 'fr-mb-6w', 'aria-labelledby': 'parties-title', id: 'parties' },
    h('h2', { class: 'fr-h4', id: 'parties-title', tabindex: '-1' }, 'Parties signataires'),
    notice || null,
    dataTable({
      id: 'parties-table',
      caption: 'Parties signataires successives',
      columns: ['Partie signataire', 'Depuis le'],
      rows: parties.map((party) => [h('span', { class: 'fr-cell--multiline' }, party.name), formatDate(party.from)]),
      empty: 'Aucune partie enregistrée.',
    }),
    form);
}

/** One form field per rule; read() gives { values, problems }. */
function ruleField(rule, value, ref) {
  const id = fieldId(rule.key);
  switch (rule.kind) {
    case 'modes':
    case 'publics': {
      const list = rule.kind === 'modes' ? ref.decision_modes : ref.tacit_publics;
      const field = choiceGroup({
        id, legend: rule.label, type: 'checkbox', value: value || [],
        options: list.map((o) => ({ value: o.code, label: o.label })),
      });
      return { field, read: () => ({ value: field.value }) };
    }
    case 'int':
    case 'intOrNull': {
      const field = inputField({
        id, label: rule.label, type: 'number', inputmode: 'numeric', min: '0',
        required: rule.kind === 'int',
        hint: rule.kind === 'intOrNull' ? `Laisser vide : « ${rule.none} ».` : null,
        value: value === null || value === undefined ? '' : String(value),
      });
      field.control.setAttribute('step', '1');
      return {
        field,
        read: () => {
          if (field.control.validity.badInput) return { problem: NOT_INTEGER };
          const raw = field.value;
          if (raw === '') return rule.kind === 'int' ? { problem: REQUIRED } : { value: null };
          if (!/^\d+$/.test(raw)) return { problem: NOT_INTEGER };
          return { value: Number(raw) };
        },
      };
    }
    case 'months': {
      const field = inputField({
        id, label: rule.label, autocomplete: 'off', inputmode: 'numeric',
        hint: 'Nombres de mois séparés par des virgules, par exemple : 6, 12',
        value: (value || []).join(', '),
      });
      return {
        field,
        read: () => {
          const parts = field.value.split(/[\s,;]+/).filter(Boolean);
          if (parts.some((x) => !/^\d+$/.test(x))) return { problem: NOT_MONTHS };
          return { value: parts.map(Number) };
        },
      };
    }
    case 'rome': {
      const field = inputField({
        id, label: rule.label, autocomplete: 'off',
        hint: 'Codes ROME (une lettre et quatre chiffres) séparés par des virgules, par exemple : J1501, K1302',
        value: (value || []).join(', '),
      });
      field.control.setAttribute('autocapitalize', 'characters');
      return { field, read: () => ({ value: field.value.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()) }) };
    }
    default: {
      const field = inputField({ id, label: rule.label, autocomplete: 'off', value: value ?? '' });
      return { field, read: () => ({ value: field.value }) };
    }
  }
}

function versionForm(p, ref, onSaved) {
  const versions = [...(p.versions || [])].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const base = p.rules_today || (versions.length ? versions[versions.length - 1].rules : {});
  const baseFlat = flatten(base);
  const effective = inputField({
    id: 'version-effective-from', label: 'Date d’effet', type: 'date', required: true, min: todayIso(),
    hint: 'Les nouvelles règles s’appliquent à partir de cette date, au plus tôt aujourd’hui. Format attendu : JJ/MM/AAAA',
  });
  const byKey = { effective_from: effective };
  const readers = {};
  const sections = RULE_SECTIONS.map((s, i) => {
    const legendId = `version-section-${i + 1}-legend`;
    return h('fieldset', { class: 'fr-fieldset fr-mb-2w', 'aria-labelledby': legendId },
      h('legend', { class: 'fr-fieldset__legend', id: legendId }, s.title),
      s.rules.map((rule) => {
        const { field, read } = ruleField(rule, baseFlat[rule.key], ref);
        byKey[rule.key] = field;
        readers[rule.key] = read;
        const wide = ['modes', 'publics', 'rome', 'text'].includes(rule.kind);
        return h('div', { class: `fr-fieldset__element${wide ? '' : ' fr-col-12 fr-col-md-6'}` }, field.group);
      }));
  });
  // A field's message goes away as soon as the user changes it.
  for (const field of Object.values(byKey)) field.group.addEventListener('change', () => field.setErrors([]));

  const messages = h('div', { tabindex: '-1', class: 'binome-form-messages' });
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer la nouvelle version');
  const form = h('form', { novalidate: true, id: 'version-form', 'aria-labelledby': 'version-title' },
    h('p', { class: 'fr-hint-text' },
      p.rules_today
        ? 'Le formulaire reprend les règles en vigueur aujourd’hui : modifiez seulement ce qui change.'
        : 'Le formulaire reprend les règles de la dernière version enregistrée : modifiez seulement ce qui change.'),
    messages,
    h('div', { class: 'fr-mb-2w' }, effective.group),
    sections,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));

  const showErrors = (byField, all) => {
    for (const [name, field] of Object.entries(byKey)) field.setErrors(byField[name] || []);
    replace(messages, alertBox('error', all, 'La nouvelle version n’a pas été enregistrée'));
    messages.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    const problems = {};
    if (effective.control.validity.badInput) problems.effective_from = ['La date d’effet n’est pas une date valide (JJ/MM/AAAA).'];
    else if (!effective.value) problems.effective_from = ['Indiquez la date d’effet.'];
    const flat = { ...baseFlat };
    for (const rule of RULES) {
      const r = readers[rule.key]();
      if (r.problem) problems[rule.key] = [r.problem];
      else flat[rule.key] = r.value;
    }
    const names = Object.keys(problems);
    if (names.length) {
      showErrors(problems, names.map((n) => `${n === 'effective_from' ? 'Date d’effet' : RULES.find((r) => r.key === n).label} : ${problems[n][0]}`));
      return;
    }
    submit.disabled = true;
    try {
      const updated = await api.post(`/api/v1/convention-profiles/${p.id}/versions`, {
        effective_from: effective.value,
        rules: unflatten(flat),
      });
      onSaved(updated, 'versions', `La nouvelle version des règles, en vigueur à partir du ${formatDate(effective.value)}, est enregistrée.`);
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      const byField = {};
      for (const e of error.errors) if (e.field && byKey[e.field]) (byField[e.field] ||= []).push(e.message);
      showErrors(byField, error.errors.map((e) => e.message));
    }
  });

  return h('section', { class: 'fr-mb-6w', 'aria-labelledby': 'version-title', id: 'nouvelle-version' },
    h('h2', { class: 'fr-h4', id: 'version-title' }, 'Nouvelle version'),
    form);
}

/** The referential's labels, or the codes when it cannot be read. */
async function labelsOrCodes() {
  try {
    const ref = await orientationReferential();
    return { decision_modes: ref.decision_modes || [], tacit_publics: ref.tacit_publics || [] };
  } catch {
    return {
      decision_modes: MODE_CODES.map((code) => ({ code, label: code })),
      tacit_publics: PUBLIC_CODES.map((code) => ({ code, label: code })),
    };
  }
}

export default {
  title: 'Profil de convention',
  async render({ container, params, setTitle }) {
    const back = h('p', {},
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left', href: '/admin/profils' }, 'Retour aux profils de convention'));
    let p;
    let ref;
    try {
      [p, ref] = await Promise.all([
        api.get(`/api/v1/convention-profiles/${encodeURIComponent(params.id)}`),
        labelsOrCodes(),
      ]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const missing = error.status === 404;
      append(container, back,
        h('h1', {}, missing ? 'Profil de convention introuvable' : 'Profil de convention'),
        missing ? alertBox('error', 'Profil de convention introuvable.') : errorAlert(error));
      return;
    }
    const labels = {
      modes: new Map(ref.decision_modes.map((m) => [m.code, m.label])),
      publics: new Map(ref.tacit_publics.map((m) => [m.code, m.label])),
    };

    const draw = (profile, where, message) => {
      setTitle(`Profil de convention ${profile.code}`);
      const notice = message ? alertBox('success', message) : null;
      replace(container,
        back,
        h('h1', {}, `Profil de convention ${profile.code}`),
        h('p', { class: 'fr-text--lead' }, profile.label),
        fields([
          ['Code', profile.code],
          ['Département', orDash(profile.departement)],
          ['Validité', validityText(profile)],
          ['Partie signataire aujourd’hui', orDash(profile.party_today)],
        ]),
        rulesSection(profile, labels),
        versionsSection(profile, labels, where === 'versions' ? notice : null),
        partiesSection(profile, onSaved, where === 'parties' ? notice : null),
        versionForm(profile, ref, onSaved));
      if (where) document.getElementById(`${where}-title`).focus();
    };
    const onSaved = (updated, where, message) => draw(updated, where, message);
    draw(p, null, null);
  },
};
