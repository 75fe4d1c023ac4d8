// Sécurité du compte (every role): the second factor (TOTP). Any user may enrol (the password
// again, then the key shown for an authenticator application, confirmed by its first code)
// and disable it, except the roles that require it (admin, dpo).
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { inputField, applyFieldErrors, checkRequired } from '../components/form.js';

function passwordField(id) {
  return inputField({
    id, label: 'Votre mot de passe', type: 'password', autocomplete: 'current-password', required: true,
    hint: 'Saisissez-le à nouveau pour confirmer qu’il s’agit bien de vous.',
  });
}

/** A form with the given fields whose submit calls send(); errors under the fields. */
function simpleForm({ id, title, intro, fields, submitLabel, send, secondary = false }) {
  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: `fr-btn${secondary ? ' fr-btn--secondary' : ''}` }, submitLabel);
  const form = h('form', { novalidate: true, 'aria-labelledby': `${id}-title`, class: 'fr-mb-4w' },
    h('h2', { class: 'fr-h5', id: `${id}-title` }, title),
    intro || null,
    messages,
    Object.values(fields).map((f) => h('div', { class: 'fr-mb-2w' }, f.group)),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' }, h('li', {}, submit)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    if (!checkRequired(Object.values(fields))) return;
    submit.disabled = true;
    try {
      await send();
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      const general = applyFieldErrors(error, fields);
      if (general.length) replace(messages, alertBox('error', general));
    }
  });
  return form;
}

export default {
  title: 'Sécurité du compte',
  async render({ container }) {
    const notice = h('div', { tabindex: '-1', id: 'security-notice' });
    const body = h('div', {});
    append(container,
      h('h1', {}, 'Sécurité du compte'),
      h('p', {}, 'La double authentification protège votre compte même si votre mot de passe est dérobé : à chaque connexion, binome demande en plus le code à 6 chiffres affiché par une application d’authentification (FreeOTP, Aegis, Google Authenticator…) sur votre téléphone.'),
      notice,
      body);

    const say = (kind, text) => {
      replace(notice, alertBox(kind, text));
      notice.focus();
    };

    const show = async () => {
      const session = await api.get('/api/v1/session');
      if (session.totp_enabled) {
        const state = h('p', { 'data-totp-state': 'active' },
          h('span', { class: 'fr-badge fr-badge--success fr-badge--sm fr-mr-1w' }, 'Activée'),
          'La double authentification est activée : un code vous est demandé à chaque connexion.');
        if (session.totp_required) {
          replace(body, state,
            h('p', {}, 'Elle est obligatoire pour votre rôle et ne peut pas être désactivée. En cas de perte de votre téléphone, demandez à l’exploitation de la réinitialiser.'));
          return;
        }
        const fields = { password: passwordField('totp-disable-password') };
        replace(body, state, simpleForm({
          id: 'totp-disable',
          title: 'Désactiver la double authentification',
          intro: h('p', {}, 'Votre compte ne sera plus protégé que par son mot de passe.'),
          fields,
          submitLabel: 'Désactiver',
          secondary: true,
          send: async () => {
            await api.post('/api/v1/session/totp/disable', { password: fields.password.control.value });
            await show();
            say('success', 'La double authentification est désactivée.');
          },
        }));
        return;
      }

      const state = h('p', { 'data-totp-state': 'inactive' },
        h('span', { class: 'fr-badge fr-badge--sm fr-mr-1w' }, 'Désactivée'),
        'La double authentification n’est pas activée pour votre compte.');
      const fields = { password: passwordField('totp-start-password') };
      replace(body, state, simpleForm({
        id: 'totp-start',
        title: 'Activer la double authentification',
        fields,
        submitLabel: 'Afficher la clé à ajouter',
        send: async () => {
          const enrolment = await api.post('/api/v1/session/totp', { password: fields.password.control.value });
          showEnrolment(enrolment);
        },
      }));
    };

    const showEnrolment = (enrolment) => {
      const grouped = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
      const code = inputField({
        id: 'totp-confirm-code', label: 'Code de vérification', required: true,
        hint: 'Les 6 chiffres affichés par votre application pour ce compte.',
        autocomplete: 'one-time-code', inputmode: 'numeric',
      });
      const intro = [
        h('p', {}, 'Dans votre application d’authentification, ajoutez un compte avec cette clé :'),
        h('p', {}, h('code', { id: 'totp-secret' }, grouped)),
        h('p', { class: 'fr-text--sm' }, 'ou ce lien otpauth : ', h('code', { id: 'totp-uri' }, enrolment.uri)),
        h('p', { class: 'fr-text--sm' }, 'La clé ne sera plus affichée une fois le premier code confirmé. Ne la communiquez à personne.'),
      ];
      replace(body, simpleForm({
        id: 'totp-confirm',
        title: 'Confirmer par un premier code',
        intro,
        fields: { code },
        submitLabel: 'Confirmer l’activation',
        send: async () => {
          await api.post('/api/v1/session/totp/confirm', { code: code.value.replace(/\s/g, '') });
          await show();
          say('success', 'La double authentification est activée : le code vous sera demandé à la prochaine connexion.');
        },
      }));
      body.querySelector('#totp-confirm-title').setAttribute('tabindex', '-1');
      body.querySelector('#totp-confirm-title').focus();
    };

    try {
      await show();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(body, errorAlert(error));
    }
  },
};
