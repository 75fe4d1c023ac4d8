// Demandes des personnes (DPO): the data subjects' requests with their due date (one month
// after receipt, RGPD art. 12) and an overdue flag; recording a request; acting on it:
// the access export (JSON and PDF) and the answer binome applies (rectification passed to the
// referents, erasure or restriction), whose legal text is shown.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import {
  formatDate, formatDateTime, todayIso, plural, RGPD_REQUEST_KINDS, RGPD_OUTCOMES,
} from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { inputField, selectField, onRecordSubmit } from '../components/form.js';

const SOON_DAYS = 7;

/** What answering does, by nature: the button's label and the confirmation's text. */
const ANSWERS = {
  acces: {
    button: 'Clore : données communiquées',
    confirm: 'La demande sera close comme communiquée : envoyez d’abord à la personne le PDF (et le JSON si elle le souhaite).',
  },
  rectification: {
    button: 'Transmettre la rectification',
    confirm: 'La demande sera transmise aux référents de la personne, seuls habilités à modifier son dossier, et close.',
  },
  effacement: {
    button: 'Appliquer l’effacement',
    confirm: 'Les données de suivi seront supprimées et l’identité effacée ; une fiche de liaison que le FSE oblige à conserver sera limitée, non effacée. Cette action est irréversible.',
  },
  opposition: {
    button: 'Limiter le traitement',
    confirm: 'Plus aucun professionnel n’aura accès aux données de la personne ; elles seront conservées jusqu’au terme de leur durée de conservation.',
  },
  limitation: {
    button: 'Limiter le traitement',
    confirm: 'Plus aucun professionnel n’aura accès aux données de la personne ; elles seront conservées jusqu’au terme de leur durée de conservation.',
  },
};

function daysBetween(fromIso, toIso) {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

function dueCell(r) {
  const date = h('span', { 'data-due-on': r.due_on }, formatDate(r.due_on));
  if (r.status !== 'ouverte') return date;
  const left = daysBetween(todayIso(), r.due_on);
  if (left < 0) return [date, ' ', badge('En retard', 'error', { 'data-overdue': 'true' })];
  if (left <= SOON_DAYS) return [date, ' ', badge('Échéance proche', 'warning')];
  return date;
}

function personCell(r) {
  return [
    h('span', {}, `${r.first_name} ${r.last_name}`),
    h('span', { class: 'fr-hint-text' }, `née ou né le ${formatDate(r.birth_date)}`),
    h('span', { class: 'fr-hint-text', 'data-person-found': r.person_id ? 'true' : 'false' },
      r.person_id ? `Personne retrouvée dans binome (n° ${r.person_id})` : 'Aucune personne correspondante dans binome'),
  ];
}

function stateCell(r) {
  if (r.status === 'ouverte') return badge('Ouverte', 'new', { 'data-status': r.status });
  return [
    badge(RGPD_OUTCOMES[r.outcome] || 'Traitée', 'success', { 'data-status': r.status }),
    r.answered_at ? h('span', { class: 'fr-hint-text' }, `le ${formatDateTime(r.answered_at)}`) : null,
  ];
}

function downloadLinks(r) {
  const base = `/api/v1/rgpd/requests/${r.id}`;
  return h('ul', { class: 'fr-links-group fr-mb-1w' },
    h('li', {}, h('a', {
      class: 'fr-link fr-link--sm fr-icon-download-line fr-link--icon-left',
      href: `${base}/export.pdf`,
      download: `donnees-demande-${r.id}.pdf`,
    }, 'Données (PDF)', h('span', { class: 'fr-sr-only' }, ` de la demande n° ${r.id}`))),
    h('li', {}, h('a', {
      class: 'fr-link fr-link--sm fr-icon-download-line fr-link--icon-left',
      href: `${base}/export.json`,
      download: `donnees-demande-${r.id}.json`,
    }, 'Données (JSON)', h('span', { class: 'fr-sr-only' }, ` de la demande n° ${r.id}`))));
}

/** The answer button, then a confirmation that says what will happen. */
function answerControl(r, onAnswered) {
  const what = ANSWERS[r.kind];
  const box = h('div', {});
  const open = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary' },
    what.button, h('span', { class: 'fr-sr-only' }, ` (demande n° ${r.id})`));
  const showButton = () => replace(box, open);
  open.addEventListener('click', () => {
    const messages = h('div', {});
    const confirm = h('button', { type: 'button', class: 'fr-btn fr-btn--sm' }, 'Confirmer',
      h('span', { class: 'fr-sr-only' }, ` : ${what.button.toLowerCase()} (demande n° ${r.id})`));
    const cancel = h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary' }, 'Annuler');
    const text = h('p', { class: 'fr-text--sm fr-mb-1w', id: `answer-text-${r.id}` }, what.confirm);
    confirm.setAttribute('aria-describedby', text.id);
    cancel.addEventListener('click', () => { showButton(); open.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const answered = await api.post(`/api/v1/rgpd/requests/${r.id}/answer`, {});
        await onAnswered(answered);
      } catch (error) {
        confirm.disabled = false;
        if (!(error instanceof ApiError)) throw error;
        replace(messages, errorAlert(error));
      }
    });
    replace(box, text, messages,
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm' },
        h('li', {}, confirm), h('li', {}, cancel)));
    confirm.focus();
  });
  showButton();
  return box;
}

function actionsCell(r, onAnswered) {
  return [
    downloadLinks(r),
    r.status === 'ouverte'
      ? answerControl(r, onAnswered)
      : h('p', { class: 'fr-text--sm fr-mb-0', 'data-answer': 'true' }, r.answer || ''),
  ];
}

function recordForm(onRecorded) {
  const fields = {
    kind: selectField({
      id: 'rgpd-kind', label: 'Nature de la demande', required: true, placeholder: 'Sélectionner une nature',
      options: Object.entries(RGPD_REQUEST_KINDS).map(([value, label]) => ({ value, label })),
    }),
    last_name: inputField({ id: 'rgpd-last-name', label: 'Nom de la personne', autocomplete: 'off', required: true }),
    first_name: inputField({ id: 'rgpd-first-name', label: 'Prénom', autocomplete: 'off', required: true }),
    birth_date: inputField({ id: 'rgpd-birth-date', label: 'Date de naissance', type: 'date', required: true, hint: 'Format attendu : JJ/MM/AAAA' }),
    received_on: inputField({ id: 'rgpd-received-on', label: 'Date de réception de la demande', type: 'date', required: true, value: todayIso(), hint: 'La réponse est due un mois plus tard.' }),
  };
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer la demande');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'rgpd-record-title', class: 'fr-mb-6w' },
    h('h2', { id: 'rgpd-record-title', class: 'fr-h4' }, 'Enregistrer une demande'),
    h('p', { class: 'fr-hint-text' },
      'Tous les champs sont obligatoires. La personne est recherchée par son nom, son prénom et sa date de naissance, tels qu’elle les a donnés : binome la retrouve lorsqu’une seule personne y correspond (les homonymes nés le même jour restent à identifier par vos soins).'),
    messages,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      Object.values(fields).map((f) => h('div', { class: 'fr-col-12 fr-col-md-6 fr-col-lg-4' }, f.group))),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));
  onRecordSubmit(form, {
    messages, submit, fields,
    failure: 'La demande n’a pas été enregistrée',
    async send() {
      const created = await api.post('/api/v1/rgpd/requests', {
        kind: fields.kind.value,
        last_name: fields.last_name.value,
        first_name: fields.first_name.value,
        birth_date: fields.birth_date.value,
        received_on: fields.received_on.value,
      });
      for (const name of ['kind', 'last_name', 'first_name', 'birth_date']) fields[name].value = '';
      await onRecorded(created);
    },
  });
  return form;
}

export default {
  title: 'Demandes des personnes',
  async render({ container }) {
    const notice = h('div', { tabindex: '-1', id: 'rgpd-requests-notice' });
    const status = h('p', { role: 'status', 'aria-live': 'polite' }, 'Chargement…');
    const list = h('div', {});

    const say = (kind, text, title) => {
      replace(notice, alertBox(kind, text, title));
      notice.focus();
    };

    const refresh = async () => {
      let data;
      try {
        data = await api.get('/api/v1/rgpd/requests');
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        replace(status);
        replace(list, errorAlert(error));
        return;
      }
      const items = data.items || [];
      const open = items.filter((r) => r.status === 'ouverte');
      const late = open.filter((r) => daysBetween(todayIso(), r.due_on) < 0);
      replace(status, `${plural(items.length, 'demande')}, dont ${plural(open.length, 'ouverte')}`
        + (late.length ? ` et ${plural(late.length, 'en retard', 'en retard')}` : '') + '.');
      const onAnswered = async (answered) => {
        await refresh();
        say('success', answered.answer, `Demande n° ${answered.id} : réponse enregistrée`);
      };
      replace(list, dataTable({
        id: 'rgpd-requests-table',
        caption: 'Demandes des personnes, par date de réponse due',
        columns: ['N°', 'Nature', 'Personne', 'Reçue le', 'Réponse due le', 'État', 'Actions et réponse'],
        rows: items.map((r) => ({
          attrs: { id: `demande-${r.id}`, 'data-request-id': r.id },
          cells: [
            String(r.id),
            RGPD_REQUEST_KINDS[r.kind] || r.kind,
            personCell(r),
            formatDate(r.received_on),
            dueCell(r),
            stateCell(r),
            actionsCell(r, onAnswered),
          ],
        })),
        empty: 'Aucune demande enregistrée.',
      }));
    };

    append(container,
      h('h1', {}, 'Demandes des personnes'),
      h('p', {}, 'Demandes d’exercice des droits (accès, rectification, effacement, opposition, limitation) : la réponse est due dans le délai d’un mois suivant la réception (RGPD art. 12). Les demandes ouvertes figurent dans votre liste « À faire ».'),
      notice,
      recordForm(async (created) => {
        await refresh();
        say('success', [
          `Réponse due le ${formatDate(created.due_on)}.`,
          created.person_id
            ? `Personne retrouvée dans binome (n° ${created.person_id}).`
            : 'Aucune personne de ce nom née ce jour dans binome : la réponse le dira.',
        ], `Demande n° ${created.id} enregistrée`);
      }),
      h('h2', { class: 'fr-h4' }, 'Demandes reçues'),
      status,
      list);
    await refresh();
  },
};
