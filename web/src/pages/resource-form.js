// Création et modification d'un service de la base de ressources, aux champs du schéma
// data·inclusion v1 plus le classement dans les sous-thématiques des 7 problématiques.
// Any change sends the service back to brouillon: both sides validate it again.
import { h, append, replace } from '../dom.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { alertBox, errorAlert } from '../components/alert.js';
import {
  inputField, selectField, textareaField, choiceGroup, applyFieldErrors,
} from '../components/form.js';
import { resourceReferentials } from './resources.js';

const codes = (list) => (list || []).map((x) => (typeof x === 'string' ? x : x.code));
const options = (list) => list.map((x) => ({ value: x.code, label: x.label }));
const orNull = (v) => (v === '' ? null : v);

function multiSelect({ id, label, hint, list, value }) {
  const select = h('select', { class: 'fr-select binome-multiselect', id, name: id, multiple: true, size: '8', 'aria-describedby': `${id}-hint` },
    list.map((x) => h('option', { value: x.code }, x.label)));
  const wanted = new Set(value || []);
  for (const o of select.options) o.selected = wanted.has(o.value);
  const errorBox = h('div', { 'aria-live': 'polite' });
  const group = h('div', { class: 'fr-select-group' },
    h('label', { class: 'fr-label', for: id }, label, h('span', { class: 'fr-hint-text', id: `${id}-hint` }, hint)),
    select, errorBox);
  return {
    group,
    control: select,
    get value() { return [...select.selectedOptions].map((o) => o.value); },
    setErrors(list2) {
      errorBox.replaceChildren(...(list2 || []).map((m) => h('p', { class: 'fr-error-text' }, m)));
      group.classList.toggle('fr-select-group--error', (list2 || []).length > 0);
    },
  };
}

export default {
  title: 'Service de la base de ressources',
  async render({ container, params, isCurrent }) {
    const editing = Boolean(params.id);
    const [refs, structures, current] = await Promise.all([
      resourceReferentials(),
      api.get('/api/v1/resources/structures'),
      editing ? api.get(`/api/v1/resources/services/${params.id}`) : Promise.resolve(null),
    ]);
    if (!isCurrent()) return;
    const s = current || {};

    const f = {
      structure_id: selectField({ id: 'structure_id', label: 'Structure porteuse', required: true, options: structures.items.map((x) => ({ value: x.id, label: x.nom })), value: s.structure_id }),
      nom: inputField({ id: 'nom', label: 'Nom du service', hint: '3 à 150 caractères, sans point final.', required: true, value: s.nom }),
      description: textareaField({ id: 'description', label: 'Présentation', hint: '50 à 2 000 caractères.', required: true, rows: 5, value: s.description }),
      type: selectField({ id: 'type', label: 'Type de service', placeholder: 'Non précisé', options: options(refs.types), value: s.type ? s.type.code : '' }),
      sous_thematiques: multiSelect({ id: 'sous_thematiques', label: 'Sous-thématiques (7 problématiques)', hint: 'Au moins une ; Ctrl ou Maj pour en choisir plusieurs.', list: refs.problematiques.flatMap((p) => p.sous_thematiques.map((st) => ({ code: st.code, label: `${p.label} › ${st.label}` }))), value: codes(s.sous_thematiques) }),
      thematiques: multiSelect({ id: 'thematiques', label: 'Thématiques data·inclusion', hint: 'Facultatif ; Ctrl ou Maj pour en choisir plusieurs.', list: refs.thematiques, value: codes(s.thematiques) }),
      publics: choiceGroup({ id: 'publics', legend: 'Publics', type: 'checkbox', options: options(refs.publics), value: codes(s.publics) }),
      publics_precisions: inputField({ id: 'publics_precisions', label: 'Précisions sur les publics', value: s.publics_precisions }),
      conditions_acces: textareaField({ id: 'conditions_acces', label: "Conditions d'accès", hint: 'Prérequis, justificatifs à présenter.', value: s.conditions_acces }),
      frais: selectField({ id: 'frais', label: 'Frais', placeholder: 'Non précisé', options: options(refs.frais), value: s.frais ? s.frais.code : '' }),
      frais_precisions: inputField({ id: 'frais_precisions', label: 'Précisions sur les frais', value: s.frais_precisions }),
      zone_eligibilite: inputField({ id: 'zone_eligibilite', label: "Zone d'éligibilité", hint: 'Codes INSEE de communes (5 caractères) ou de départements, séparés par des espaces ; « france » pour tout le pays.', required: true, value: (s.zone_eligibilite || []).join(' ') }),
      modes_mobilisation: choiceGroup({ id: 'modes_mobilisation', legend: 'Comment mobiliser le service', type: 'checkbox', inline: true, options: options(refs.modes_mobilisation), value: codes(s.modes_mobilisation) }),
      mobilisable_par: choiceGroup({ id: 'mobilisable_par', legend: 'Mobilisable par', type: 'checkbox', inline: true, options: options(refs.mobilisable_par), value: codes(s.mobilisable_par) }),
      mobilisation_precisions: inputField({ id: 'mobilisation_precisions', label: 'Précisions sur la mobilisation', value: s.mobilisation_precisions }),
      lien_mobilisation: inputField({ id: 'lien_mobilisation', label: 'Lien de mobilisation', hint: 'Adresse web commençant par https://', type: 'url', value: s.lien_mobilisation }),
      modes_accueil: choiceGroup({ id: 'modes_accueil', legend: "Modes d'accueil", type: 'checkbox', inline: true, options: options(refs.modes_accueil), value: codes(s.modes_accueil) }),
      adresse: inputField({ id: 'adresse', label: 'Adresse', autocomplete: 'off', value: s.adresse }),
      code_postal: inputField({ id: 'code_postal', label: 'Code postal', inputmode: 'numeric', value: s.code_postal }),
      commune: inputField({ id: 'commune', label: 'Commune', value: s.commune }),
      code_insee: inputField({ id: 'code_insee', label: 'Code INSEE de la commune', value: s.code_insee }),
      telephone: inputField({ id: 'telephone', label: 'Téléphone', type: 'tel', value: s.telephone }),
      courriel: inputField({ id: 'courriel', label: 'Courriel', type: 'email', value: s.courriel }),
      contact_nom_prenom: inputField({ id: 'contact_nom_prenom', label: 'Contact (service ou fonction)', value: s.contact_nom_prenom }),
      horaires_accueil: inputField({ id: 'horaires_accueil', label: "Horaires d'accueil", hint: 'Format OpenStreetMap, par exemple Mo-Fr 09:00-12:00', value: s.horaires_accueil }),
      frequence_mise_a_jour_mois: inputField({ id: 'frequence_mise_a_jour_mois', label: 'Fréquence de mise à jour (mois)', type: 'number', min: '1', value: s.frequence_mise_a_jour_mois ?? 3 }),
    };
    const messages = h('div', {});
    const form = h('form', { novalidate: true, class: 'binome-resource-form' },
      Object.values(f).map((field) => field.group),
      h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
        h('li', {}, h('button', { type: 'submit', class: 'fr-btn' }, editing ? 'Enregistrer (repasse en brouillon)' : 'Créer le brouillon')),
        h('li', {}, h('a', { class: 'fr-btn fr-btn--secondary', href: editing ? `/ressources/${params.id}` : '/ressources' }, 'Annuler'))));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = (name) => orNull(f[name].value);
      const body = {
        structure_id: f.structure_id.value ? Number(f.structure_id.value) : null,
        nom: f.nom.value,
        description: f.description.value,
        type: text('type'),
        sous_thematiques: f.sous_thematiques.value,
        thematiques: f.thematiques.value,
        publics: f.publics.value,
        publics_precisions: text('publics_precisions'),
        conditions_acces: text('conditions_acces'),
        frais: text('frais'),
        frais_precisions: text('frais_precisions'),
        zone_eligibilite: f.zone_eligibilite.value.split(/[\s,;]+/).filter(Boolean),
        modes_mobilisation: f.modes_mobilisation.value,
        mobilisable_par: f.mobilisable_par.value,
        mobilisation_precisions: text('mobilisation_precisions'),
        lien_mobilisation: text('lien_mobilisation'),
        modes_accueil: f.modes_accueil.value,
        adresse: text('adresse'),
        code_postal: text('code_postal'),
        commune: text('commune'),
        code_insee: text('code_insee'),
        telephone: text('telephone'),
        courriel: text('courriel'),
        contact_nom_prenom: text('contact_nom_prenom'),
        horaires_accueil: text('horaires_accueil'),
        frequence_mise_a_jour_mois: Number(f.frequence_mise_a_jour_mois.value || 3),
      };
      try {
        const saved = editing
          ? await api.put(`/api/v1/resources/services/${params.id}`, body)
          : await api.post('/api/v1/resources/services', body);
        await navigate(`/ressources/${saved.id}`);
      } catch (error) {
        if (!error.errors) throw error;
        const general = applyFieldErrors(error, f);
        replace(messages, general.length ? errorAlert({ errors: general.map((m) => ({ message: m })) })
          : alertBox('error', 'Le formulaire contient des erreurs : corrigez les champs signalés.'));
      }
    });
    append(container,
      h('h1', {}, editing ? `Modifier « ${s.nom} »` : 'Nouveau service'),
      editing ? h('p', {}, 'Toute modification repasse le service en brouillon : le Département et France Travail le valident à nouveau.') : null,
      messages, form);
  },
};
