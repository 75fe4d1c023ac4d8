// Connexion: identifiant + mot de passe, then the second factor when the account has one
// (a 6-digit code) or must enrol one (admin, dpo: the secret to add to an authenticator
// application, confirmed by its first code). Shows the server's French message on 401/429.
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

    // The second factor's part of the form, shown once the password is known to be right.
    const code = inputField({
      id: 'totp-code', label: 'Code de vérification', required: true,
      hint: 'Les 6 chiffres affichés par votre application d’authentification.',
      autocomplete: 'one-time-code', inputmode: 'numeric',
    });
    const enrolment = h('div', {});
    const secondFactor = h('div', { class: 'fr-fieldset__element', hidden: true }, enrolment, code.group);
    let codeAsked = false;

    function askCode(enrolmentData) {
      codeAsked = true;
      secondFactor.hidden = false;
      code.value = '';
      if (enrolmentData) {
        const grouped = enrolmentData.secret.replace(/(.{4})/g, '$1 ').trim();
        replace(enrolment,
          h('p', {}, 'Dans votre application d’authentification (FreeOTP, Aegis, Google Authenticator…), ajoutez un compte avec cette clé :'),
          h('p', {}, h('code', { id: 'totp-secret' }, grouped)),
          h('p', { class: 'fr-text--sm' }, 'ou ce lien otpauth : ', h('code', { id: 'totp-uri' }, enrolmentData.uri)),
          h('p', { class: 'fr-text--sm' }, 'La clé ne sera plus affichée une fois le premier code confirmé.'));
      } else {
        replace(enrolment);
      }
      code.control.focus();
    }

    function resetCode() {
      codeAsked = false;
      secondFactor.hidden = true;
      replace(enrolment);
      code.value = '';
    }

    const form = h('form', { novalidate: true, 'aria-labelledby': 'login-title' },
      h('fieldset', { class: 'fr-fieldset' },
        h('legend', { class: 'fr-fieldset__legend fr-text--regular' },
          'Tous les champs sont obligatoires.'),
        h('div', { class: 'fr-fieldset__element' }, login.group),
        h('div', { class: 'fr-fieldset__element' }, password.group),
        secondFactor),
      h('ul', { class: 'fr-btns-group' }, h('li', {}, submit)));

    // Changing the login or the password starts over.
    login.control.addEventListener('input', () => { if (codeAsked) resetCode(); });

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      replace(messages);
      if (!checkRequired(codeAsked ? [login, password, code] : [login, password])) return;
      submit.disabled = true;
      const body = { login: login.value, password: password.control.value };
      if (codeAsked) body.totp_code = code.value.replace(/\s/g, '');
      try {
        const session = await api.post('/api/v1/session', body, { expect401: true });
        setSession(session);
        navigate(afterLoginPath(session.user), { replace: true });
      } catch (error) {
        submit.disabled = false;
        if (error instanceof ApiError && error.hasCode('code_requis')) {
          append(messages, alertBox('info', error.errors[0].message));
          askCode(null);
          return;
        }
        if (error instanceof ApiError && error.hasCode('enrolement_requis') && error.body?.totp_enrolment) {
          append(messages, alertBox('info', error.errors[0].message));
          askCode(error.body.totp_enrolment);
          return;
        }
        if (error instanceof ApiError && error.hasCode('code_invalide') && codeAsked) {
          replace(messages, errorAlert(error));
          code.value = '';
          code.control.focus();
          return;
        }
        resetCode();
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
