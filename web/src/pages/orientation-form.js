// Orienter une personne vers l'accompagnement global: origin, decision mode (and the public of
// the accord tacite), criteria of eligibility, the fiche's freins, consent. The server checks
// the convention's rules; its messages are listed in an alert and shown under the fields, and
// nothing the user typed is lost.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { todayIso } from '../format.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { inputField, selectField, choiceGroup, checkboxField } from '../components/form.js';
import { orientationReferential, asOptions } from '../referentials.js';
import { setNotice } from '../notice.js';
import { fullName } from './person.js';

const TACIT = 'accord_tacite';
const METIER_EN_TENSION = 'metier_en_tension';
const REQUIRED = 'Ce champ est obligatoire.';

// Eligibility rules (errors with field "eligibilite") → the field they are about.
const RULE_FIELDS = {
  inscription_de: 'registered_job_seeker',
  frein_social: 'social_criteria',
  frein_professionnel: 'professional_criteria',
  consentement: 'signature_date',
  mode_decision: 'decision_mode',
  accord_tacite_public: 'tacit_public',
};

// Field names the server may use → our fields.
const FIELD_ALIASES = {
  consent: 'signature_date',
  'consent.signature_date': 'signature_date',
  'consent.electronic_exchange': 'electronic_exchange',
};

function fieldOf(error) {
  if (error.field === 'eligibilite') return RULE_FIELDS[error.code] || null;
  return FIELD_ALIASES[error.field] || error.field;
}

function element(field, extraClass = '') {
  return h('div', { class: `fr-fieldset__element ${extraClass}`.trim() }, field.group);
}

function fieldset(legend, id, ...children) {
  return h('fieldset', { class: 'fr-fieldset fr-mb-2w', 'aria-labelledby': `${id}-legend` },
    h('legend', { class: 'fr-fieldset__legend', id: `${id}-legend` }, legend),
    children);
}

function buildForm(ref, user) {
  const fields = {
    origin: selectField({
      id: 'orientation-origin', label: 'Origine de l’orientation', required: true,
      placeholder: 'Sélectionner une origine', options: asOptions(ref.origins),
    }),
    decision_mode: choiceGroup({
      id: 'orientation-mode', legend: 'Mode de décision', type: 'radio',
      options: asOptions(ref.decision_modes),
    }),
    tacit_public: selectField({
      id: 'orientation-tacit-public', label: 'Public concerné par l’accord tacite', required: true,
      placeholder: 'Sélectionner un public', options: asOptions(ref.tacit_publics),
    }),
    rome_code: inputField({
      id: 'orientation-rome', label: 'Code ROME du métier recherché', required: true,
      hint: 'Une lettre et quatre chiffres, par exemple : J1501', autocomplete: 'off',
    }),
    registered_job_seeker: checkboxField({
      id: 'orientation-registered', label: 'Inscrit comme demandeur d’emploi',
    }),
    social_criteria: choiceGroup({
      id: 'orientation-social', legend: 'Freins sociaux', type: 'checkbox',
      hint: 'Au moins un frein social est nécessaire.', options: asOptions(ref.social_criteria),
    }),
    professional_criteria: choiceGroup({
      id: 'orientation-professional', legend: 'Freins professionnels', type: 'checkbox',
      hint: 'Au moins un frein professionnel est nécessaire.', options: asOptions(ref.professional_criteria),
    }),
    obstacles: choiceGroup({
      id: 'orientation-obstacles', legend: 'Freins périphériques (fiche de liaison)', type: 'checkbox',
      hint: 'Facultatif. Les cases reprennent celles de la fiche de liaison.', options: asOptions(ref.obstacles),
    }),
    signature_date: inputField({
      id: 'orientation-consent-date', label: 'Date de signature du consentement', type: 'date',
      hint: 'Format attendu : JJ/MM/AAAA', required: true,
    }),
    electronic_exchange: checkboxField({
      id: 'orientation-electronic', label: 'La personne accepte les échanges par voie électronique',
    }),
  };
  fields.signature_date.control.setAttribute('max', todayIso());
  fields.rome_code.control.setAttribute('maxlength', '5');
  fields.rome_code.control.setAttribute('autocapitalize', 'characters');

  const isCoordinator = user.role === 'coordinateur';
  if (isCoordinator) {
    fields.override_reason = selectField({
      id: 'orientation-override', label: 'Dérogation (coordinateur)',
      hint: 'Facultatif. À choisir seulement pour déroger à une règle d’éligibilité de la convention.',
      placeholder: 'Aucune dérogation', options: asOptions(ref.override_reasons),
    });
  }

  const tacitBlock = h('div', { class: 'fr-fieldset__element' }, fields.tacit_public.group);
  const romeBlock = h('div', { class: 'fr-fieldset__element' }, fields.rome_code.group);
  const tacitSet = fieldset('Public (accord tacite)', 'orientation-tacit', tacitBlock, romeBlock);
  const isTacit = () => fields.decision_mode.value === TACIT;
  const needsRome = () => isTacit() && fields.tacit_public.value === METIER_EN_TENSION;
  const syncVisibility = () => {
    tacitSet.hidden = !isTacit();
    romeBlock.hidden = !needsRome();
  };
  fields.decision_mode.onChange(syncVisibility);
  fields.tacit_public.control.addEventListener('change', syncVisibility);
  syncVisibility();

  // A field's message goes away as soon as the user changes it.
  for (const field of Object.values(fields)) {
    field.group.addEventListener('change', () => field.setErrors([]));
  }

  const messages = h('div', { tabindex: '-1', class: 'binome-form-messages' });
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Enregistrer l’orientation');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'orientation-title', id: 'orientation-form' },
    h('p', { class: 'fr-hint-text' },
      'Sauf mention contraire, tous les champs sont obligatoires. Les règles d’éligibilité sont celles de la convention du département.'),
    messages,
    fieldset('Origine', 'orientation-origin-set', element(fields.origin)),
    h('div', { class: 'fr-mb-2w' }, fields.decision_mode.group),
    tacitSet,
    fieldset('Inscription à France Travail', 'orientation-registration', element(fields.registered_job_seeker)),
    h('div', { class: 'fr-mb-2w' }, fields.social_criteria.group),
    h('div', { class: 'fr-mb-2w' }, fields.professional_criteria.group),
    h('div', { class: 'fr-mb-2w' }, fields.obstacles.group),
    fieldset('Consentement', 'orientation-consent',
      element(fields.signature_date),
      element(fields.electronic_exchange)),
    isCoordinator ? fieldset('Dérogation', 'orientation-override-set', element(fields.override_reason)) : null,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));

  const clientCheck = () => {
    const problems = {};
    if (!fields.origin.value) problems.origin = ['Choisissez l’origine de l’orientation.'];
    if (!fields.decision_mode.value) problems.decision_mode = ['Choisissez un mode de décision.'];
    if (isTacit() && !fields.tacit_public.value) problems.tacit_public = ['Choisissez le public de l’accord tacite.'];
    if (needsRome() && !fields.rome_code.value) problems.rome_code = [REQUIRED];
    if (fields.signature_date.control.validity.badInput) {
      problems.signature_date = ['La date de signature n’est pas une date valide (JJ/MM/AAAA).'];
    }
    return problems;
  };

  const showErrors = (byField, allMessages) => {
    for (const [name, field] of Object.entries(fields)) field.setErrors(byField[name] || []);
    replace(messages, alertBox('error', allMessages, 'L’orientation n’a pas été enregistrée'));
    messages.focus();
  };

  const body = () => {
    const payload = {
      origin: fields.origin.value,
      decision_mode: fields.decision_mode.value,
      tacit_public: isTacit() ? (fields.tacit_public.value || null) : null,
      rome_code: needsRome() ? (fields.rome_code.value.toUpperCase() || null) : null,
      registered_job_seeker: fields.registered_job_seeker.value,
      social_criteria: fields.social_criteria.value,
      professional_criteria: fields.professional_criteria.value,
      obstacles: fields.obstacles.value,
      consent: {
        signature_date: fields.signature_date.value || null,
        electronic_exchange: fields.electronic_exchange.value,
      },
    };
    if (isCoordinator) payload.override_reason = fields.override_reason.value || null;
    return payload;
  };

  return { form, fields, submit, messages, clientCheck, showErrors, body };
}

export default {
  title: 'Orienter vers l’accompagnement global',
  async render({ container, params, user, navigate, setTitle }) {
    const personHref = `/personnes/${encodeURIComponent(params.id)}`;
    const back = h('p', {},
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left', href: personHref }, 'Retour à la fiche de la personne'));

    let person;
    let ref;
    try {
      [person, ref] = await Promise.all([
        api.get(`/api/v1/persons/${encodeURIComponent(params.id)}`),
        orientationReferential(),
      ]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const missing = error.status === 404;
      append(container, back,
        h('h1', {}, missing ? 'Personne introuvable.' : 'Orienter vers l’accompagnement global'),
        missing ? alertBox('error', 'Personne introuvable.') : errorAlert(error));
      return;
    }

    const name = fullName(person);
    setTitle(`Orienter ${name}`);
    const f = buildForm(ref, user);
    f.form.addEventListener('submit', async (event) => {
      event.preventDefault();
      replace(f.messages);
      const problems = clientProblems(f);
      if (problems) return;
      f.submit.disabled = true;
      try {
        await api.post(`/api/v1/persons/${encodeURIComponent(params.id)}/orientations`, f.body());
      } catch (error) {
        f.submit.disabled = false;
        if (!(error instanceof ApiError)) throw error;
        const byField = {};
        for (const e of error.errors) {
          const name2 = fieldOf(e);
          if (name2 && f.fields[name2]) (byField[name2] ||= []).push(e.message);
        }
        f.showErrors(byField, error.errors.map((e) => e.message));
        return;
      }
      setNotice('success', `L’orientation de ${name} vers l’accompagnement global est enregistrée.`);
      navigate(personHref);
    });

    append(container,
      back,
      h('h1', { id: 'orientation-title' }, 'Orienter vers l’accompagnement global'),
      h('p', { class: 'fr-text--lead' }, `Personne : ${name}`),
      f.form);
  },
};

/** Client-side checks; shows the problems and returns true when there are some. */
function clientProblems(f) {
  const problems = f.clientCheck();
  const names = Object.keys(problems);
  if (names.length === 0) {
    for (const field of Object.values(f.fields)) field.setErrors([]);
    return false;
  }
  f.showErrors(problems, names.flatMap((n) => problems[n]));
  return true;
}
