// Violations de données (DPO): the breach register. A breach is recorded with its discovery
// time; the other party must be informed within 36 hours (48 for an incident of the API
// amendment), and the time left counts down on the page; the notification is recorded.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import {
  formatDateTime, plural, BREACH_NATURES, localDateTimeValue, utcIsoOfLocal, formatDuration,
} from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { actionForm } from '../components/action-form.js';
import {
  inputField, selectField, textareaField, checkboxField, onRecordSubmit,
} from '../components/form.js';

const TICK_MS = 15_000;
const BREACH_NATURE_SHORT = {
  confidentialite: 'Confidentialité',
  integrite: 'Intégrité',
  disponibilite: 'Disponibilité',
};

/** The countdown of an unnotified breach, from the server's seconds_left at load time. */
function countdown(b, loadedAt) {
  const deadline = loadedAt + b.seconds_left * 1000;
  const text = h('span', {});
  const el = h('p', { class: 'fr-mb-1w', role: 'timer', 'data-countdown': 'true' }, text);
  const update = () => {
    const left = Math.round((deadline - Date.now()) / 1000);
    if (left >= 0) {
      replace(text, `Reste ${formatDuration(left)} pour informer l’autre partie`);
      el.dataset.secondsLeft = String(left);
    } else {
      replace(text, `Délai dépassé de ${formatDuration(-left)}`);
      el.dataset.secondsLeft = String(left);
    }
  };
  update();
  return { el, update };
}

function stateBadge(b) {
  if (b.state === 'notifiee') return badge('Notifiée', 'success', { 'data-state': b.state });
  if (b.state === 'en_retard') return badge('Notification en retard', 'error', { 'data-state': b.state });
  return badge('À notifier', 'warning', { 'data-state': b.state });
}

function notifyForm(b, onNotified) {
  const prefix = `notif-${b.id}`;
  const f = {
    notified_at: inputField({
      id: `${prefix}-at`, label: 'Date et heure de la notification', type: 'datetime-local', required: true,
      value: localDateTimeValue(),
    }),
    notified_to: inputField({
      id: `${prefix}-to`, label: 'Partie informée', required: true, autocomplete: 'off',
      hint: 'Par exemple : délégué à la protection des données de France Travail',
    }),
  };
  return actionForm({
    label: `Notification de la violation n° ${b.id}`,
    title: 'Enregistrer la notification',
    headingLevel: 'h3',
    formFields: f,
    submitLabel: 'Enregistrer la notification',
    path: `/api/v1/rgpd/breaches/${b.id}/notification`,
    body: () => ({ notified_at: utcIsoOfLocal(f.notified_at.value), notified_to: f.notified_to.value }),
    onSuccess: onNotified,
    failureTitle: 'La notification n’a pas été enregistrée',
  });
}

function recordForm(onRecorded) {
  const fields = {
    discovered_at: inputField({
      id: 'breach-discovered-at', label: 'Date et heure de la découverte', type: 'datetime-local', required: true,
      value: localDateTimeValue(), hint: 'Le délai de notification court à partir de cet instant.',
    }),
    nature: selectField({
      id: 'breach-nature', label: 'Nature de la violation', required: true, placeholder: 'Sélectionner une nature',
      options: Object.entries(BREACH_NATURES).map(([value, label]) => ({ value, label })),
    }),
    summary: textareaField({
      id: 'breach-summary', label: 'Résumé de l’incident', required: true, rows: 3,
      hint: 'Ce qui s’est produit et les mesures prises (1000 caractères au plus). Ne nommez aucune personne.',
    }),
    persons_affected: inputField({
      id: 'breach-persons', label: 'Nombre de personnes concernées (facultatif)', type: 'number', inputmode: 'numeric', min: '0',
    }),
  };
  const api48 = checkboxField({
    id: 'breach-api', label: 'Incident de l’API d’échange (avenant API)',
    hint: 'Délai de notification porté à 48 heures au lieu de 36.',
  });
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer la violation');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'breach-record-title', class: 'fr-mb-6w' },
    h('h2', { id: 'breach-record-title', class: 'fr-h4' }, 'Enregistrer une violation'),
    messages,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-6' }, fields.discovered_at.group),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, fields.nature.group),
      h('div', { class: 'fr-col-12' }, fields.summary.group),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, fields.persons_affected.group),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, api48.group)),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));
  onRecordSubmit(form, {
    messages, submit, fields,
    required: [fields.discovered_at, fields.nature, fields.summary],
    failure: 'La violation n’a pas été enregistrée',
    async send() {
      const persons = fields.persons_affected.value;
      const created = await api.post('/api/v1/rgpd/breaches', {
        discovered_at: utcIsoOfLocal(fields.discovered_at.value),
        nature: fields.nature.value,
        summary: fields.summary.value,
        api_incident: api48.value,
        persons_affected: persons === '' ? null : Number(persons),
      });
      fields.nature.value = '';
      fields.summary.value = '';
      fields.persons_affected.value = '';
      api48.value = false;
      await onRecorded(created);
    },
  });
  return form;
}

export default {
  title: 'Violations de données',
  async render({ container, isCurrent }) {
    const notice = h('div', { tabindex: '-1', id: 'breaches-notice' });
    const status = h('p', { role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const list = h('div', {});
    const details = h('div', {});
    let timers = [];
    let interval = null;

    const say = (kind, text, title) => {
      replace(notice, alertBox(kind, text, title));
      notice.focus();
    };

    const refresh = async () => {
      let data;
      try {
        data = await api.get('/api/v1/rgpd/breaches');
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        replace(status);
        replace(list, errorAlert(error));
        return;
      }
      const loadedAt = Date.now();
      const items = data.items || [];
      const pending = items.filter((b) => b.state !== 'notifiee');
      replace(status, `${plural(items.length, 'violation')} enregistrée${items.length > 1 ? 's' : ''}, dont ${plural(pending.length, 'à notifier', 'à notifier')}.`);
      timers = [];
      const rows = items.map((b) => {
        let follow;
        if (b.state === 'notifiee') {
          follow = h('span', { 'data-notified': 'true' },
            `Notifiée le ${formatDateTime(b.notified_at)} à : ${b.notified_to}`);
        } else {
          const c = countdown(b, loadedAt);
          timers.push(c);
          follow = [c.el, h('a', { class: 'fr-link fr-link--sm', href: `#violation-${b.id}` },
            'Enregistrer la notification', h('span', { class: 'fr-sr-only' }, ` de la violation n° ${b.id}`))];
        }
        return {
          attrs: { 'data-breach-id': b.id },
          cells: [
            String(b.id),
            formatDateTime(b.discovered_at),
            [h('span', {}, BREACH_NATURE_SHORT[b.nature] || b.nature),
              h('span', { class: 'fr-hint-text' }, b.summary),
              b.persons_affected !== null ? h('span', { class: 'fr-hint-text' }, plural(b.persons_affected, 'personne concernée', 'personnes concernées')) : null],
            [h('span', { 'data-deadline-at': b.deadline_at }, formatDateTime(b.deadline_at)),
              h('span', { class: 'fr-hint-text' },
                `${b.notification_hours} heures après la découverte${b.api_incident ? ' (incident de l’API)' : ''}`)],
            [stateBadge(b), follow],
          ],
        };
      });
      replace(list, dataTable({
        id: 'breaches-table',
        caption: 'Registre des violations de données',
        columns: ['N°', 'Découverte', 'Nature', 'Échéance de la notification', 'État et délai restant'],
        rows,
        empty: 'Aucune violation enregistrée.',
      }));
      replace(details, pending.map((b) => h('section', { id: `violation-${b.id}`, class: 'fr-mb-4w', 'aria-labelledby': `violation-${b.id}-title` },
        h('h2', { class: 'fr-h5', id: `violation-${b.id}-title` },
          `Violation n° ${b.id} découverte le ${formatDateTime(b.discovered_at)}`),
        h('p', {}, `L’autre partie doit être informée au plus tard le ${formatDateTime(b.deadline_at)} (${b.notification_hours} heures après la découverte).`),
        notifyForm(b, async (notified) => {
          await refresh();
          say('success', `Notifiée le ${formatDateTime(notified.notified_at)} à : ${notified.notified_to}.`,
            `Violation n° ${notified.id} : notification enregistrée`);
        }))));
    };

    append(container,
      h('h1', {}, 'Violations de données'),
      h('p', {}, 'Toute violation de données est inscrite au registre dès sa découverte. L’autre partie à la convention doit en être informée au plus tard 36 heures après la découverte (48 heures pour un incident de l’API d’échange) ; la notification à la CNIL, dans les 72 heures, reste à faire par chaque responsable de traitement.'),
      notice,
      recordForm(async (created) => {
        await refresh();
        say('success', `L’autre partie doit être informée avant le ${formatDateTime(created.deadline_at)} (${created.notification_hours} heures).`,
          `Violation n° ${created.id} enregistrée`);
      }),
      h('h2', { class: 'fr-h4' }, 'Registre'),
      status,
      list,
      details);
    await refresh();

    // The countdowns move while the page is shown; the timer stops once the user leaves.
    interval = window.setInterval(() => {
      if (!isCurrent()) {
        window.clearInterval(interval);
        return;
      }
      for (const t of timers) t.update();
    }, TICK_MS);
  },
};
