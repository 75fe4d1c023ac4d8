// Nouvelle personne: the identity part of the fiche de liaison (no free text). The caller
// becomes the referent of their own side; the other referent is chosen among the users of
// that role in the département (a coordinateur chooses both). The e-mail can only be typed
// when the person accepts electronic exchanges. The server checks every field; its messages
// are listed in an alert and shown under the fields, and nothing typed is lost.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { FAMILY_SITUATION_LABELS, nameOf, todayIso } from '../format.js';
import { alertBox } from '../components/alert.js';
import { inputField, selectField, choiceGroup, checkboxField } from '../components/form.js';
import { setNotice } from '../notice.js';
import { fullName } from './person.js';

const REQUIRED = 'Ce champ est obligatoire.';

const SIDES = {
  conseiller: {
    field: 'conseiller_id', id: 'person-conseiller', label: 'Conseiller France Travail',
    you: 'Vous serez le conseiller France Travail référent de cette personne.',
    none: 'Aucun conseiller pour le moment',
    choose: 'Sélectionner un conseiller',
    missing: 'Choisissez le conseiller France Travail référent.',
  },
  referent_social: {
    field: 'referent_social_id', id: 'person-referent-social', label: 'Référent social',
    you: 'Vous serez le référent social de cette personne.',
    none: 'Aucun référent social pour le moment',
    choose: 'Sélectionner un référent social',
    missing: 'Choisissez le référent social.',
  },
};

function element(field, extraClass = '') {
  return h('div', { class: `fr-fieldset__element ${extraClass}`.trim() }, field.group);
}

function fieldset(legend, id, ...children) {
  return h('fieldset', { class: 'fr-fieldset fr-mb-3w', id, 'aria-labelledby': `${id}-legend` },
    h('legend', { class: 'fr-fieldset__legend', id: `${id}-legend` }, legend),
    children);
}

function text(id, label, opts = {}) {
  const field = inputField({ id, label, autocomplete: 'off', ...opts });
  if (opts.maxlength) field.control.setAttribute('maxlength', String(opts.maxlength));
  return field;
}

/** The users of a role in the caller's département, or an error to show instead. */
async function referentsOf(role) {
  try {
    const data = await api.get('/api/v1/referents', { query: { role } });
    return { items: data.items || [] };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { items: [], error };
  }
}

function referentLabel(r) {
  const org = nameOf(r.organisation);
  return org ? `${r.display_name} (${org})` : r.display_name;
}

function buildForm(user, referentLists) {
  const f = {
    last_name: text('person-last-name', 'Nom', { required: true, maxlength: 100 }),
    first_name: text('person-first-name', 'Prénom', { required: true, maxlength: 100 }),
    birth_date: inputField({
      id: 'person-birth-date', label: 'Date de naissance', type: 'date', required: true, autocomplete: 'off',
      hint: 'Format attendu : JJ/MM/AAAA',
    }),
    street: text('person-street', 'Adresse', { required: true, maxlength: 200, hint: 'Numéro et voie, par exemple : 12 rue des Lilas' }),
    postal_code: text('person-postal-code', 'Code postal', { required: true, inputmode: 'numeric', maxlength: 5, hint: '5 chiffres' }),
    commune: text('person-commune', 'Commune', { required: true, maxlength: 100, hint: 'Par exemple : Arras' }),
    phone: text('person-phone', 'Téléphone (facultatif)', { type: 'tel', maxlength: 20, hint: 'Par exemple : 06 12 34 56 78' }),
    consent_electronic: checkboxField({
      id: 'person-consent-electronic', label: 'La personne accepte les échanges par voie électronique',
      hint: 'Sans ce consentement, aucun courriel n’est enregistré.',
    }),
    email: text('person-email', 'Courriel (facultatif)', {
      type: 'email', maxlength: 200,
      hint: 'Seulement si la personne accepte les échanges par voie électronique. Par exemple : nom@domaine.fr',
    }),
    ft_id: text('person-ft-id', 'Identifiant France Travail (facultatif)', { maxlength: 11, hint: '11 caractères au plus' }),
    caf_id: text('person-caf-id', 'Numéro d’allocataire CAF (facultatif)', { inputmode: 'numeric', maxlength: 15, hint: 'Chiffres uniquement' }),
    brsa: checkboxField({ id: 'person-brsa', label: 'Bénéficiaire du RSA (BRSA)' }),
    rqth: checkboxField({ id: 'person-rqth', label: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)' }),
    family_situation: choiceGroup({
      id: 'person-family-situation', legend: 'Situation familiale', type: 'radio', inline: true,
      options: Object.entries(FAMILY_SITUATION_LABELS).map(([value, label]) => ({ value, label })),
    }),
    dependent_children: inputField({
      id: 'person-dependent-children', label: 'Nombre d’enfants à charge', type: 'number',
      inputmode: 'numeric', min: '0', value: '0', required: true, autocomplete: 'off',
    }),
  };
  f.birth_date.control.setAttribute('max', todayIso());
  f.dependent_children.control.setAttribute('max', '30');
  f.dependent_children.control.setAttribute('step', '1');

  // The e-mail can only be typed with the consent.
  const syncEmail = () => {
    f.email.control.disabled = !f.consent_electronic.value;
    if (f.email.control.disabled) f.email.setErrors([]);
  };
  f.consent_electronic.control.addEventListener('change', syncEmail);
  syncEmail();

  // Referents: the caller's own side is implicit; the other side(s) come from /referents.
  const isCoordinator = user.role === 'coordinateur';
  const referentElements = [];
  const chosen = []; // API names of the referent selects shown
  for (const [role, side] of Object.entries(SIDES)) {
    if (role === user.role) {
      referentElements.push(h('div', { class: 'fr-fieldset__element' }, h('p', { class: 'fr-mb-1w' }, side.you)));
      continue;
    }
    const list = referentLists[role] || { items: [] };
    const field = selectField({
      id: side.id,
      label: isCoordinator ? side.label : `${side.label} (facultatif)`,
      required: isCoordinator,
      placeholder: isCoordinator ? side.choose : side.none,
      options: list.items.map((r) => ({ value: r.id, label: referentLabel(r) })),
    });
    f[side.field] = field;
    chosen.push(side.field);
    referentElements.push(element(field));
    if (list.error) {
      referentElements.push(h('div', { class: 'fr-fieldset__element' },
        alertBox('warning', `La liste des ${role === 'conseiller' ? 'conseillers' : 'référents sociaux'} n’a pas pu être chargée : ${list.error.message}`)));
    }
  }

  // A field's message goes away as soon as the user changes it.
  for (const field of Object.values(f)) field.group.addEventListener('change', () => field.setErrors([]));

  const messages = h('div', { tabindex: '-1', class: 'binome-form-messages' });
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Créer la fiche');
  const form = h('form', { novalidate: true, id: 'person-form', 'aria-labelledby': 'person-new-title' },
    h('p', { class: 'fr-hint-text' }, 'Sauf mention contraire, tous les champs sont obligatoires.'),
    messages,
    fieldset('Identité', 'person-identity',
      element(f.last_name, 'fr-col-12 fr-col-md-6'), element(f.first_name, 'fr-col-12 fr-col-md-6'),
      element(f.birth_date)),
    fieldset('Coordonnées', 'person-contact',
      element(f.street),
      element(f.postal_code, 'fr-col-12 fr-col-md-4'), element(f.commune, 'fr-col-12 fr-col-md-8'),
      element(f.phone),
      element(f.consent_electronic),
      element(f.email)),
    fieldset('Identifiants', 'person-ids',
      element(f.ft_id, 'fr-col-12 fr-col-md-6'), element(f.caf_id, 'fr-col-12 fr-col-md-6')),
    fieldset('Situation', 'person-situation',
      element(f.brsa), element(f.rqth),
      h('div', { class: 'fr-fieldset__element' }, f.family_situation.group),
      element(f.dependent_children)),
    fieldset('Référents', 'person-referents', referentElements),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));

  const labelOfField = {
    last_name: 'Nom', first_name: 'Prénom', birth_date: 'Date de naissance', street: 'Adresse',
    postal_code: 'Code postal', commune: 'Commune', family_situation: 'Situation familiale',
    dependent_children: 'Nombre d’enfants à charge',
    conseiller_id: 'Conseiller France Travail', referent_social_id: 'Référent social',
  };

  const clientCheck = () => {
    const problems = {};
    for (const name of ['last_name', 'first_name', 'street', 'postal_code', 'commune']) {
      if (!f[name].value) problems[name] = [REQUIRED];
    }
    if (f.birth_date.control.validity.badInput) problems.birth_date = ['La date de naissance n’est pas une date valide (JJ/MM/AAAA).'];
    else if (!f.birth_date.value) problems.birth_date = [REQUIRED];
    if (!f.family_situation.value) problems.family_situation = ['Choisissez la situation familiale.'];
    const children = f.dependent_children.value;
    if (f.dependent_children.control.validity.badInput || !/^\d+$/.test(children)) {
      problems.dependent_children = ['Saisissez un nombre entier, 0 si la personne n’a pas d’enfant à charge.'];
    }
    if (isCoordinator) {
      for (const side of Object.values(SIDES)) {
        if (chosen.includes(side.field) && !f[side.field].value) problems[side.field] = [side.missing];
      }
    }
    return problems;
  };

  const showErrors = (byField, all) => {
    for (const [name, field] of Object.entries(f)) field.setErrors(byField[name] || []);
    replace(messages, alertBox('error', all, 'La fiche n’a pas été créée'));
    messages.focus();
  };

  const body = () => {
    const payload = {
      last_name: f.last_name.value,
      first_name: f.first_name.value,
      birth_date: f.birth_date.value,
      street: f.street.value,
      postal_code: f.postal_code.value,
      commune: f.commune.value,
      consent_electronic: f.consent_electronic.value,
      brsa: f.brsa.value,
      rqth: f.rqth.value,
      family_situation: f.family_situation.value,
      dependent_children: Number(f.dependent_children.value),
    };
    if (f.phone.value) payload.phone = f.phone.value;
    if (f.consent_electronic.value && f.email.value) payload.email = f.email.value;
    if (f.ft_id.value) payload.ft_id = f.ft_id.value;
    if (f.caf_id.value) payload.caf_id = f.caf_id.value;
    for (const name of chosen) if (f[name].value) payload[name] = Number(f[name].value);
    return payload;
  };

  return { form, fields: f, submit, clientCheck, showErrors, body, labelOfField };
}

export default {
  title: 'Nouvelle personne',
  async render({ container, user, navigate }) {
    const back = h('p', {},
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left', href: '/personnes' }, 'Retour à mes personnes'));
    const roles = Object.keys(SIDES).filter((role) => role !== user.role);
    const lists = await Promise.all(roles.map(referentsOf));
    const referentLists = Object.fromEntries(roles.map((role, i) => [role, lists[i]]));
    const form = buildForm(user, referentLists);

    form.form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const problems = form.clientCheck();
      const names = Object.keys(problems);
      if (names.length) {
        form.showErrors(problems, names.map((n) => `${form.labelOfField[n] || n} : ${problems[n][0]}`));
        return;
      }
      form.submit.disabled = true;
      let created;
      try {
        created = await api.post('/api/v1/persons', form.body());
      } catch (error) {
        form.submit.disabled = false;
        if (!(error instanceof ApiError)) throw error;
        const byField = {};
        for (const e of error.errors) if (e.field && form.fields[e.field]) (byField[e.field] ||= []).push(e.message);
        form.showErrors(byField, error.errors.map((e) => e.message));
        return;
      }
      setNotice('success', `La fiche de ${fullName(created)} est créée.`);
      navigate(`/personnes/${created.id}`);
    });

    append(container,
      back,
      h('h1', { id: 'person-new-title' }, 'Nouvelle personne'),
      form.form);
  },
};
