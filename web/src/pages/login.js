// Connexion: identifiant + mot de passe. Shows the server's French message on 401/429.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { setSession } from '../session.js';
import { takeFlash, afterLoginPath } from '../router.js';
import { inputField, checkRequired } from '../components/form.js';
import { alertBox, errorAlert } from '../components/alert.js';

export default {
  title: 'Connexion',
  render({ container, navigate }) {
    const messages = h('div', {});
    const flash = takeFlash();
    if (flash) append(messages, alertBox(flash.kind, flash.text));

    const login = inputField({ id: 'login', label: 'Identifiant', autocomplete: 'username', required: true });
    login.control.setAttribute('autocapitalize', 'none');
    const password = inputField({ id: 'password', label: 'Mot de passe', type: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Se connecter');

    const form = h('form', { novalidate: true, 'aria-labelledby': 'login-title' },
      h('fieldset', { class: 'fr-fieldset' },
        h('legend', { class: 'fr-fieldset__legend fr-text--regular' },
          'Tous les champs sont obligatoires.'),
        h('div', { class: 'fr-fieldset__element' }, login.group),
        h('div', { class: 'fr-fieldset__element' }, password.group)),
      h('ul', { class: 'fr-btns-group' }, h('li', {}, submit)));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      replace(messages);
      if (!checkRequired([login, password])) return;
      submit.disabled = true;
      try {
        const session = await api.post('/api/v1/session',
          { login: login.value, password: password.control.value },
          { expect401: true });
        setSession(session);
        navigate(afterLoginPath(session.user), { replace: true });
      } catch (error) {
        submit.disabled = false;
        password.value = '';
        replace(messages, error instanceof ApiError ? errorAlert(error) : errorAlert(new Error('Connexion impossible.')));
        password.control.focus();
      }
    });

    append(container,
      h('div', { class: 'fr-grid-row fr-grid-row--center' },
        h('div', { class: 'fr-col-12 fr-col-md-8 fr-col-lg-6' },
          h('h1', { id: 'login-title' }, 'Connexion à binome'),
          h('p', {}, 'Accès réservé aux agents de France Travail, du Département et des partenaires mandatés.'),
          messages,
          form)));
  },
};
