// The section "Orientation vers l'accompagnement global" of the person page: each orientation
// (status, dates, deadline, positions, decision, history), the actions the server allows
// (allowed_actions), the fiche de liaison (PDF, encrypted ZIP for e-mail).
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import {
  formatDate, formatDateTime, yesNo, orDash, labelOf, SIDE_LABELS, POSITION_LABELS,
} from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { deadlineBadge, statusBadge } from './badge.js';
import { dataTable } from './table.js';
import { inputField, selectField, choiceGroup } from './form.js';
import { orientationReferential, asOptions } from '../referentials.js';
import { refreshWorklistCount } from './header.js';
import { entryForm } from './support.js';

const PASSWORD_ADVICE = 'Transmettez ce mot de passe par un autre canal (téléphone, SMS) que le courriel qui porte la pièce jointe.';

/** A user given as a name or as { display_name | name, organisation }. */
function who(value) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'object') return String(value);
  const name = value.display_name || value.name || value.login || '';
  const org = value.organisation && typeof value.organisation === 'object'
    ? (value.organisation.name || '') : (value.organisation || '');
  return org ? `${name} (${org})` : name;
}

/** 'YYYY-MM-DD' as a date, anything longer as a Paris date and time. */
function when(value) {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : formatDateTime(value);
}

function labelList(items) {
  if (!items || items.length === 0) return '—';
  return h('ul', { class: 'fr-mb-0' }, items.map((item) => h('li', {}, labelOf(item))));
}

function positionText(p) {
  if (!p || !p.position) return 'En attente';
  const parts = [POSITION_LABELS[p.position] || p.position];
  const by = who(p.by);
  if (by) parts.push(`de ${by}`);
  if (p.at) parts.push(`le ${when(p.at)}`);
  return parts.join(' ');
}

function decisionText(d) {
  if (!d || !d.value) return 'En attente';
  const by = who(d.by);
  const suffix = [by ? ` par ${by}` : '', d.at ? ` le ${when(d.at)}` : ''].join('');
  if (d.value === 'oui') {
    return `Oui, entrée prévue le ${formatDate(d.planned_start_on) || '—'}${suffix ? ` (décision${suffix})` : ''}`;
  }
  return `Non, motif : ${labelOf(d.reason) || '—'}${suffix ? ` (décision${suffix})` : ''}`;
}

function consentText(c) {
  if (!c) return '—';
  const lines = [];
  lines.push(c.signature_date ? `Signé le ${formatDate(c.signature_date)}` : 'Date de signature non renseignée');
  const by = who(c.collected_by);
  if (by || c.collected_on) {
    lines.push(`Recueilli${by ? ` par ${by}` : ''}${c.collected_on ? ` le ${when(c.collected_on)}` : ''}`);
  }
  lines.push(`Échanges par voie électronique : ${yesNo(c.electronic_exchange)}`);
  return lines.flatMap((line, i) => (i ? [h('br'), line] : [line]));
}

function dueCell(o) {
  if (!o.due_on) return '—';
  return [h('span', { 'data-due-on': o.due_on }, formatDate(o.due_on)), ' ', deadlineBadge(o.deadline_state)];
}

function fields(rows) {
  return h('dl', { class: 'binome-fields fr-mb-3w' },
    rows.filter(Boolean).map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

function downloadZip(result, zip) {
  const bytes = Uint8Array.from(atob(zip.zip_base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = h('a', {
    class: 'fr-link fr-icon-download-line fr-link--icon-left',
    href: url,
    download: zip.filename || 'fiche-liaison.zip',
  }, `Télécharger la pièce jointe chiffrée (${zip.filename || 'ZIP'})`);
  link.addEventListener('click', () => {
    // Give the browser time to start the download, then free the object URL.
    setTimeout(() => {
      URL.revokeObjectURL(url);
      link.replaceWith(h('p', { class: 'fr-mb-0' },
        'Pièce jointe téléchargée. Pour la télécharger de nouveau, préparez un nouvel envoi (nouveau mot de passe).'));
    }, 1000);
  });
  replace(result,
    h('div', { class: 'fr-alert fr-alert--warning fr-mb-3w', role: 'alert' },
      h('h5', { class: 'fr-alert__title' }, 'Mot de passe de la pièce jointe'),
      h('p', {}, 'Mot de passe : ', h('strong', { class: 'binome-secret', 'data-password': '' }, zip.password)),
      h('p', {}, PASSWORD_ADVICE),
      h('p', { class: 'fr-mt-1w' }, link)));
}

function documents(o) {
  const result = h('div', { class: 'fr-mt-2w' });
  const zipButton = h('button', {
    type: 'button',
    class: 'fr-btn fr-btn--secondary fr-btn--sm fr-icon-lock-line fr-btn--icon-left',
  }, 'Préparer l’envoi chiffré par courriel');
  zipButton.addEventListener('click', async () => {
    zipButton.disabled = true;
    replace(result, h('p', { role: 'status' }, 'Préparation de la pièce jointe chiffrée…'));
    try {
      downloadZip(result, await api.post(`/api/v1/orientations/${o.id}/fiche-chiffree`, {}));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(result, errorAlert(error));
    } finally {
      zipButton.disabled = false;
    }
  });
  return h('div', { class: 'fr-mb-3w' },
    h('h4', { class: 'fr-h6' }, 'Fiche de liaison'),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left' },
      h('li', {}, h('a', {
        class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-icon-download-line fr-btn--icon-left',
        href: `/api/v1/orientations/${o.id}/fiche.pdf`,
        download: `fiche-liaison-${o.id}.pdf`,
      }, 'Télécharger la fiche de liaison (PDF)')),
      h('li', {}, zipButton)),
    result);
}

function decisionForm(o, reasons, onDone) {
  const prefix = `decision-${o.id}`;
  const f = {
    decision: choiceGroup({
      id: `${prefix}-value`, legend: 'Décision d’entrée en accompagnement global', type: 'radio', inline: true,
      options: [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }],
    }),
    planned_start_date: inputField({
      id: `${prefix}-date`, label: 'Date d’entrée prévue', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA',
    }),
    reason: selectField({
      id: `${prefix}-reason`, label: 'Motif de non-entrée', required: true,
      placeholder: 'Sélectionner un motif', options: asOptions(reasons),
    }),
  };
  const dateBlock = h('div', { class: 'fr-mb-2w' }, f.planned_start_date.group);
  const reasonBlock = h('div', { class: 'fr-mb-2w' }, f.reason.group);
  const sync = () => {
    dateBlock.hidden = f.decision.value !== 'oui';
    reasonBlock.hidden = f.decision.value !== 'non';
  };
  f.decision.onChange(sync);
  sync();
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn fr-btn--sm' }, 'Enregistrer la décision');
  const form = h('form', { novalidate: true, class: 'fr-mt-2w', 'aria-label': 'Décision d’entrée' },
    messages, f.decision.group, dateBlock, reasonBlock,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--sm' }, h('li', {}, submit)));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    const value = f.decision.value;
    const problems = {};
    if (!value) problems.decision = ['Choisissez Oui ou Non.'];
    if (value === 'oui' && !f.planned_start_date.value) problems.planned_start_date = ['Indiquez la date d’entrée prévue.'];
    if (value === 'non' && !f.reason.value) problems.reason = ['Choisissez le motif de non-entrée.'];
    for (const [name, field] of Object.entries(f)) field.setErrors(problems[name] || []);
    const first = Object.keys(problems)[0];
    if (first) {
      f[first].control.focus();
      return;
    }
    submit.disabled = true;
    try {
      const body = value === 'oui'
        ? { decision: 'oui', planned_start_date: f.planned_start_date.value }
        : { decision: 'non', reason: f.reason.value };
      const updated = await api.post(`/api/v1/orientations/${o.id}/decision`, body);
      onDone(updated, value === 'oui' ? 'La décision d’entrée est enregistrée.' : 'La décision de non-entrée est enregistrée.');
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      const byField = {};
      const general = [];
      for (const e of error.errors) {
        const name = e.field === 'planned_start_on' ? 'planned_start_date' : e.field;
        if (name && f[name]) (byField[name] ||= []).push(e.message);
        else general.push(e.message);
      }
      for (const [name, field] of Object.entries(f)) field.setErrors(byField[name] || []);
      replace(messages, alertBox('error', error.errors.map((e) => e.message), 'La décision n’a pas été enregistrée'));
      if (general.length === 0) {
        const firstBad = Object.keys(byField)[0];
        if (firstBad) f[firstBad].control.focus();
      }
    }
  });
  return form;
}

function actions(o, reasons, onDone, onEntered) {
  const allowed = new Set(o.allowed_actions || []);
  const canEnter = o.status === 'en_attente_entree' && onEntered;
  if (allowed.size === 0 && !canEnter) return null;
  const result = h('div', {});
  const call = async (button, path, body, success) => {
    button.disabled = true;
    try {
      onDone(await api.post(`/api/v1/orientations/${o.id}/${path}`, body), success);
    } catch (error) {
      button.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      replace(result, errorAlert(error));
    }
  };
  const buttons = [];
  if (allowed.has('position')) {
    const agree = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-icon-check-line fr-btn--icon-left' }, 'Donner mon accord');
    agree.addEventListener('click', () => call(agree, 'position', { position: 'accord' }, 'Votre accord est enregistré.'));
    const disagree = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary fr-icon-close-line fr-btn--icon-left' }, 'Exprimer un désaccord');
    disagree.addEventListener('click', () => call(disagree, 'position', { position: 'desaccord' }, 'Votre désaccord est enregistré.'));
    buttons.push(agree, disagree);
  }
  if (allowed.has('no_show')) {
    const noShow = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary' }, 'Enregistrer une absence');
    noShow.addEventListener('click', () => call(noShow, 'no-show', {}, 'L’absence est enregistrée.'));
    buttons.push(noShow);
  }
  return h('div', { class: 'fr-mb-3w' },
    h('h4', { class: 'fr-h6' }, 'Actions'),
    result,
    buttons.length
      ? h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left' }, buttons.map((b) => h('li', {}, b)))
      : null,
    allowed.has('decision') ? decisionForm(o, reasons, onDone) : null,
    canEnter ? entryForm(o, (support) => onEntered(o, support)) : null);
}

function history(o) {
  const items = o.history || [];
  return h('div', { class: 'fr-mb-2w' },
    dataTable({
      id: `orientation-${o.id}-history`,
      caption: 'Historique de l’orientation',
      columns: ['Date', 'Par', 'Événement'],
      rows: items.map((e) => [when(e.at), orDash(who(e.user)), e.label]),
      empty: 'Aucun événement.',
    }));
}

/** One orientation as a card-like block; onDone(updated, message) after an action. */
function orientationBlock(o, reasons, onDone, notice, onEntered) {
  const titleId = `orientation-${o.id}-title`;
  const tacit = o.tacit_public ? ` (${labelOf(o.tacit_public)})` : '';
  return h('article', {
    class: 'binome-orientation fr-p-3w fr-mb-4w',
    id: `orientation-${o.id}`,
    'data-orientation-id': String(o.id),
    'data-status': o.status,
    'aria-labelledby': titleId,
  },
  h('h3', { class: 'fr-h5', id: titleId, tabindex: '-1' }, `Orientation du ${formatDate(o.oriented_on)}`),
  notice || null,
  fields([
    ['Statut', statusBadge(o)],
    ['Mode de décision', `${labelOf(o.decision_mode)}${tacit}`],
    ['Origine', orDash(labelOf(o.origin))],
    ['Orienteur', o.orienteur ? `${who(o.orienteur)}${o.side ? `, ${SIDE_LABELS[o.side] || o.side}` : ''}` : '—'],
    ['Orientée le', formatDate(o.oriented_on)],
    ['Échéance d’entrée', dueCell(o)],
    ['Position de France Travail', positionText(o.positions && o.positions.france_travail)],
    ['Position du Département', positionText(o.positions && o.positions.departement)],
    ['Décision', decisionText(o.decision)],
    ['Absences enregistrées', String(o.no_shows ?? 0)],
    o.override ? ['Dérogation', `${labelOf(o.override.reason)}${who(o.override.by) ? ` (par ${who(o.override.by)})` : ''}`] : null,
    ['Inscrit comme demandeur d’emploi', yesNo(o.registered_job_seeker)],
    o.rome_code ? ['Code ROME du métier recherché', o.rome_code] : null,
    ['Freins sociaux', labelList(o.social_criteria)],
    ['Freins professionnels', labelList(o.professional_criteria)],
    ['Freins périphériques', labelList(o.obstacles)],
    ['Consentement', consentText(o.consent)],
    o.convention ? ['Convention', orDash(labelOf(o.convention))] : null,
  ]),
  actions(o, reasons, onDone, onEntered),
  documents(o),
  history(o));
}

/**
 * The section for person p. Loads the orientations (and the reasons of non-entry when a
 * decision is possible) before returning, so that the page is complete when rendered.
 * focusId: an orientation to bring into view (from ?orientation=).
 * onEntry(support): called after an entry is recorded on an orientation en_attente_entree.
 */
export async function orientationSection(p, { focusId, onEntry } = {}) {
  const list = h('div', {});
  const section = h('section', { class: 'fr-mb-4w', id: 'orientations', 'aria-labelledby': 'orientations-title' },
    h('h2', { class: 'fr-h4', id: 'orientations-title' }, 'Orientation vers l’accompagnement global'),
    h('p', {},
      h('a', { class: 'fr-btn fr-icon-arrow-right-line fr-btn--icon-right', href: `/personnes/${p.id}/orienter` },
        'Orienter cette personne')),
    list);

  let items;
  try {
    items = (await api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/orientations`)).items || [];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    replace(list, errorAlert(error));
    return { section, afterRender: () => {} };
  }
  let reasons = [];
  if (items.some((o) => (o.allowed_actions || []).includes('decision'))) {
    try {
      reasons = (await orientationReferential()).non_entry_reasons || [];
    } catch {
      reasons = []; // the server will refuse an empty reason with its own message
    }
  }

  const blocks = new Map();
  let onEntered = null;
  const onDone = (updated, message) => {
    const notice = alertBox('success', message);
    const block = orientationBlock(updated, reasons, onDone, notice, onEntered);
    blocks.get(updated.id).replaceWith(block);
    blocks.set(updated.id, block);
    block.querySelector('h3').focus();
    refreshWorklistCount({ force: true });
  };
  /** After an entry: the orientation is read again (status entree), then the supports. */
  onEntered = async (o, support) => {
    let updated = { ...o, status: 'entree', allowed_actions: [] };
    try {
      const fresh = (await api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/orientations`)).items || [];
      updated = fresh.find((x) => x.id === o.id) || updated;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    if (onEntry) await onEntry(support);
    onDone(updated, 'L’entrée en accompagnement global est enregistrée.');
  };
  if (items.length === 0) {
    append(list, h('p', {}, 'Cette personne n’a pas encore été orientée vers l’accompagnement global.'));
  }
  for (const o of items) {
    const block = orientationBlock(o, reasons, onDone, null, onEntered);
    blocks.set(o.id, block);
    append(list, block);
  }
  return {
    section,
    /** Brings the wanted orientation into view once the router has focused the h1. */
    afterRender: () => {
      const wanted = focusId && blocks.get(Number(focusId));
      if (wanted) wanted.querySelector('h3').focus();
    },
  };
}

