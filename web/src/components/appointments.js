// The section "Rendez-vous" of the person page: the appointments (date, kind, channel, place,
// attendance, convocation letter), the attendance of a past appointment, and the form that
// plans a new one (on site: the organisation that receives the person).
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, labelOf, orDash, todayIso } from '../format.js';
import { alertBox, errorAlert } from './alert.js';
import { dataTable } from './table.js';
import { inputField, selectField } from './form.js';
import { actionForm } from './action-form.js';
import { refreshWorklistCount } from './header.js';
import { asOptions } from '../referentials.js';

let referential = null;

/** GET /api/v1/referentials/appointments, cached; a failed call is retried next time. */
function appointmentReferential() {
  if (!referential) {
    referential = api.get('/api/v1/referentials/appointments').catch((error) => {
      referential = null;
      throw error;
    });
  }
  return referential;
}

/** 'YYYY-MM-DDTHH:MM' (local time) → 'JJ/MM/AAAA à HH h MM'. */
export function formatLocalDateTime(value) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  return m ? `${formatDate(m[1])} à ${m[2]} h ${m[3]}` : orDash(value);
}

/**
 * The places offered for an appointment on site: the organisations of the user's département
 * (the user's own first); when the list cannot be read, the user's own organisation.
 */
async function placeOptions(user) {
  const own = user && user.organisation ? [{ value: user.organisation.id, label: user.organisation.name }] : [];
  try {
    const items = (await api.get('/api/v1/organisations')).items || [];
    const mine = items.find((o) => user && user.organisation && o.id === user.organisation.id);
    const dep = mine ? mine.departement : null;
    const others = items
      .filter((o) => o.kind !== 'ft_direction' && (!dep || o.departement === dep))
      .filter((o) => !mine || o.id !== mine.id)
      .map((o) => ({ value: o.id, label: o.name }));
    return [...own, ...others];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return own;
  }
}

function attendanceForm(a, attendances, onDone) {
  const f = {
    attendance: selectField({
      id: `appointment-${a.id}-attendance`, label: 'Présence', required: true,
      placeholder: 'Sélectionner', options: asOptions(attendances),
    }),
  };
  return actionForm({
    label: `Présence au rendez-vous du ${formatLocalDateTime(a.scheduled_at)}`,
    title: null,
    formFields: f,
    submitLabel: 'Enregistrer la présence',
    path: `/api/v1/appointments/${a.id}/attendance`,
    body: () => ({ attendance: f.attendance.value }),
    onSuccess: () => onDone('La présence est enregistrée.'),
    failureTitle: 'La présence n’a pas été enregistrée',
  });
}

function attendanceCell(a, attendances, onDone) {
  if (a.attendance) {
    return h('span', { 'data-attendance': a.attendance.code }, labelOf(a.attendance));
  }
  if (a.attendance_open) return attendanceForm(a, attendances, onDone);
  return h('span', { 'data-attendance': 'a_venir' }, 'À venir');
}

function convocationLink(a) {
  return h('a', {
    class: 'fr-link fr-link--download',
    href: `/api/v1/appointments/${a.id}/convocation.pdf`,
    download: `convocation-${a.id}.pdf`,
  }, 'Convocation', h('span', { class: 'fr-sr-only' }, ` du ${formatLocalDateTime(a.scheduled_at)}`),
  h('span', { class: 'fr-link__detail' }, 'PDF'));
}

function planForm(personId, ref, places, onDone) {
  const prefix = 'appointment-new';
  const f = {
    kind: selectField({
      id: `${prefix}-kind`, label: 'Type de rendez-vous', required: true,
      placeholder: 'Sélectionner un type', options: asOptions(ref.kinds),
    }),
    scheduled_at: inputField({
      id: `${prefix}-date`, label: 'Date', type: 'date', required: true,
      hint: 'Format attendu : JJ/MM/AAAA', value: todayIso(),
    }),
    time: inputField({
      id: `${prefix}-time`, label: 'Heure', type: 'time', required: true, hint: 'Format attendu : HH:MM',
    }),
    channel: selectField({
      id: `${prefix}-channel`, label: 'Modalité', required: true,
      placeholder: 'Sélectionner une modalité', options: asOptions(ref.channels),
    }),
    place_org_id: selectField({
      id: `${prefix}-place`, label: 'Structure qui accueille', hint: 'Pour un rendez-vous sur site',
      placeholder: 'Sélectionner une structure', options: places,
    }),
  };
  const placeGroup = f.place_org_id.group;
  const syncPlace = () => {
    const onSite = f.channel.value === 'sur_site';
    placeGroup.hidden = !onSite;
    if (onSite) f.place_org_id.control.setAttribute('required', '');
    else f.place_org_id.control.removeAttribute('required');
    if (onSite && !f.place_org_id.value && places.length) f.place_org_id.value = places[0].value;
  };
  f.channel.control.addEventListener('change', syncPlace);
  const form = actionForm({
    label: 'Planifier un rendez-vous',
    title: 'Planifier un rendez-vous',
    headingLevel: 'h3',
    formFields: f,
    submitLabel: 'Planifier le rendez-vous',
    path: `/api/v1/persons/${personId}/appointments`,
    body: () => ({
      kind: f.kind.value,
      scheduled_at: `${f.scheduled_at.value}T${f.time.value}`,
      channel: f.channel.value,
      place_org_id: f.channel.value === 'sur_site' && f.place_org_id.value ? Number(f.place_org_id.value) : null,
    }),
    onSuccess: () => onDone('Le rendez-vous est planifié.'),
    failureTitle: 'Le rendez-vous n’a pas été planifié',
  });
  form.id = 'appointment-form';
  syncPlace();
  return form;
}

/** The section for person p, loaded before returning. */
export async function appointmentSection(p, user) {
  const messages = h('div', {});
  const list = h('div', {});
  const formSlot = h('div', {});
  const section = h('section', { class: 'fr-mb-4w', id: 'rendez-vous', 'aria-labelledby': 'rendez-vous-title' },
    h('h2', { class: 'fr-h4', id: 'rendez-vous-title' }, 'Rendez-vous'),
    messages, list, formSlot);

  let ref;
  let places;
  try {
    [ref, places] = await Promise.all([appointmentReferential(), placeOptions(user)]);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    replace(list, errorAlert(error));
    return { section };
  }

  const load = async () => {
    let items;
    try {
      items = (await api.get(`/api/v1/persons/${encodeURIComponent(p.id)}/appointments`)).items || [];
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(list, errorAlert(error));
      return;
    }
    const onDone = async (message) => {
      await load();
      replace(messages, alertBox('success', message));
      section.querySelector('h2').setAttribute('tabindex', '-1');
      section.querySelector('h2').focus();
      refreshWorklistCount({ force: true });
    };
    replace(list, dataTable({
      id: 'appointments-table',
      caption: 'Rendez-vous de la personne',
      columns: ['Date et heure', 'Type', 'Modalité', 'Lieu', 'Présence', 'Convocation'],
      rows: items.map((a) => ({
        attrs: { 'data-appointment-id': a.id, 'data-scheduled-at': a.scheduled_at },
        cells: [
          formatLocalDateTime(a.scheduled_at),
          labelOf(a.kind),
          labelOf(a.channel),
          a.place ? a.place.name : '—',
          attendanceCell(a, ref.attendances, onDone),
          convocationLink(a),
        ],
      })),
      empty: 'Aucun rendez-vous.',
    }));
    replace(formSlot, planForm(p.id, ref, places, onDone));
  };
  await load();
  return { section };
}
