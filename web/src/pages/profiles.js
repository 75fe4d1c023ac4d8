// Profils de convention (admin): the conventions and who signs them today; below, the origins
// of orientation (a referential the admin may extend).
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, orDash, plural } from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { inputField, applyFieldErrors, checkRequired } from '../components/form.js';
import { forgetOrientationReferential } from '../referentials.js';

/** 'du 01/01/2024 au 31/12/2025', 'depuis le 01/01/2026'. */
export function validityText(p) {
  if (!p.valid_to) return `depuis le ${formatDate(p.valid_from)}`;
  return `du ${formatDate(p.valid_from)} au ${formatDate(p.valid_to)}`;
}

function profilesTable(items) {
  return dataTable({
    id: 'profiles-table',
    caption: 'Profils de convention',
    columns: ['Code', 'Département', 'Convention', 'Validité', 'Partie signataire aujourd’hui'],
    rows: items.map((p) => [
      h('a', { class: 'fr-link', href: `/admin/profils/${p.id}` }, p.code),
      orDash(p.departement),
      h('span', { class: 'fr-cell--multiline' }, p.label),
      validityText(p),
      orDash(p.party_today),
    ]),
    empty: 'Aucun profil de convention.',
  });
}

function originForm(onCreated) {
  const fields = {
    code: inputField({
      id: 'origin-code', label: 'Code', required: true, autocomplete: 'off',
      hint: '3 à 40 caractères : minuscules sans accent, chiffres, « _ ». Exemple : mission_locale',
    }),
    label: inputField({
      id: 'origin-label', label: 'Libellé', required: true, autocomplete: 'off',
      hint: '100 caractères au plus. Exemple : Mission locale',
    }),
  };
  fields.code.control.setAttribute('maxlength', '40');
  fields.label.control.setAttribute('maxlength', '100');
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn fr-btn--secondary' }, 'Ajouter l’origine');
  const form = h('form', { novalidate: true, id: 'origin-form', 'aria-labelledby': 'origin-form-title' },
    h('h3', { class: 'fr-h6', id: 'origin-form-title' }, 'Ajouter une origine'),
    messages,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      Object.values(fields).map((f) => h('div', { class: 'fr-col-12 fr-col-md-6' }, f.group))),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    if (!checkRequired(Object.values(fields))) return;
    submit.disabled = true;
    try {
      const created = await api.post('/api/v1/referentials/orientation/origins', {
        code: fields.code.value,
        label: fields.label.value,
      });
      form.reset();
      for (const f of Object.values(fields)) f.setErrors([]);
      onCreated(created);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409 && !error.errors.some((e) => e.field === 'code')) {
        fields.code.setErrors(['Une origine existe déjà avec ce code.']);
        fields.code.control.focus();
        return;
      }
      const general = applyFieldErrors(error, fields);
      if (general.length) replace(messages, alertBox('error', general, 'L’origine n’a pas été ajoutée'));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

async function originsSection() {
  const notice = h('div', {});
  const list = h('div', {});
  const section = h('section', { class: 'fr-mt-6w', 'aria-labelledby': 'origins-title' },
    h('h2', { class: 'fr-h4', id: 'origins-title' }, 'Origines d’orientation'),
    h('p', {}, 'Les origines proposées dans le formulaire d’orientation, pour toutes les conventions.'),
    notice,
    list);
  const load = async () => {
    let ref;
    try {
      ref = await api.get('/api/v1/referentials/orientation');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(list, errorAlert(error));
      return;
    }
    const origins = ref.origins || [];
    replace(list,
      dataTable({
        id: 'origins-table',
        caption: 'Origines existantes',
        columns: ['Code', 'Libellé'],
        rows: origins.map((o) => [h('code', {}, o.code), o.label]),
        empty: 'Aucune origine.',
      }));
  };
  await load();
  append(section, originForm(async (created) => {
    forgetOrientationReferential();
    await load();
    replace(notice, alertBox('success', `L’origine « ${created.label} » est ajoutée.`));
  }));
  return section;
}

export default {
  title: 'Profils de convention',
  async render({ container }) {
    const data = await api.get('/api/v1/convention-profiles');
    const items = data.items || [];
    append(container,
      h('h1', {}, 'Profils de convention'),
      h('p', {}, 'Les règles de chaque convention sont versionnées : une modification prend effet à une date donnée, les règles passées restent celles qui ont été appliquées.'),
      h('p', { role: 'status' }, plural(items.length, 'profil')),
      profilesTable(items),
      await originsSection());
  },
};
