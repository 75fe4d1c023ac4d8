// Utilisateurs (admin): list with lock state, unlock button, creation form.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { ROLE_LABELS, roleLabel, nameOf, plural } from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { inputField, selectField, applyFieldErrors, checkRequired } from '../components/form.js';

function createForm(organisations, onCreated) {
  const fields = {
    login: inputField({ id: 'new-login', label: 'Identifiant', hint: 'Par exemple : prenom.nom', autocomplete: 'off', required: true }),
    display_name: inputField({ id: 'new-display-name', label: 'Nom affiché', hint: 'Prénom et nom', autocomplete: 'off', required: true }),
    role: selectField({
      id: 'new-role', label: 'Rôle', required: true, placeholder: 'Sélectionner un rôle',
      options: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
    }),
    organisation_id: selectField({
      id: 'new-organisation', label: 'Organisation', required: true, placeholder: 'Sélectionner une organisation',
      options: organisations.map((o) => ({ value: o.id, label: o.name })),
    }),
    password: inputField({
      id: 'new-password', label: 'Mot de passe initial', type: 'password', autocomplete: 'new-password', required: true,
      hint: 'À transmettre à l’utilisateur par un autre canal ; il devra le changer.',
    }),
  };
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Créer l’utilisateur');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'create-user-title' },
    h('h2', { id: 'create-user-title', class: 'fr-h4' }, 'Créer un utilisateur'),
    h('p', { class: 'fr-hint-text' }, 'Tous les champs sont obligatoires.'),
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
      const user = await api.post('/api/v1/users', {
        login: fields.login.value,
        display_name: fields.display_name.value,
        role: fields.role.value,
        organisation_id: Number(fields.organisation_id.value),
        password: fields.password.control.value,
      });
      form.reset();
      for (const f of Object.values(fields)) f.setErrors([]);
      onCreated(user);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const general = applyFieldErrors(error, fields);
      if (general.length) replace(messages, alertBox('error', general));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export default {
  title: 'Utilisateurs',
  async render({ container }) {
    const notice = h('div', {});
    const list = h('div', {});
    append(container, h('h1', {}, 'Utilisateurs'), notice, list);

    const refresh = async () => {
      const data = await api.get('/api/v1/users');
      const rows = data.items.map((u) => {
        const state = u.locked
          ? h('p', { class: 'fr-badge fr-badge--warning fr-badge--sm' }, 'Verrouillé')
          : h('p', { class: 'fr-badge fr-badge--success fr-badge--sm' }, 'Actif');
        const action = u.locked
          ? h('button', {
            type: 'button',
            class: 'fr-btn fr-btn--sm fr-btn--secondary',
            title: `Déverrouiller le compte ${u.login}`,
            onClick: () => unlock(u),
          }, 'Déverrouiller')
          : '';
        return [u.login, u.display_name, roleLabel(u.role), nameOf(u.organisation), state, action];
      });
      replace(list,
        h('p', { role: 'status' }, plural(data.items.length, 'utilisateur')),
        dataTable({
          id: 'users-table',
          caption: 'Utilisateurs',
          columns: ['Identifiant', 'Nom', 'Rôle', 'Organisation', 'État', 'Action'],
          rows,
          empty: 'Aucun utilisateur.',
        }));
    };

    const unlock = async (u) => {
      try {
        await api.post(`/api/v1/users/${u.id}/unlock`, {});
        replace(notice, alertBox('success', `Le compte ${u.login} est déverrouillé.`));
        await refresh();
      } catch (error) {
        replace(notice, errorAlert(error));
      }
    };

    const [, organisations] = await Promise.all([
      refresh(),
      api.get('/api/v1/organisations').then((d) => d.items),
    ]);
    append(container, createForm(organisations, async (user) => {
      replace(notice, alertBox('success', `L’utilisateur ${user.login || ''} a été créé.`.replace('  ', ' ')));
      await refresh();
      notice.scrollIntoView();
    }));
  },
};
