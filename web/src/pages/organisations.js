// Organisations (admin): list and creation form. Contract dates only for mandated partners.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { ORGANISATION_KIND_LABELS, kindLabel, nameOf, orDash, formatDate, plural } from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox } from '../components/alert.js';
import { inputField, selectField, applyFieldErrors, checkRequired } from '../components/form.js';

function createForm(territories, organisations, onCreated) {
  const fields = {
    name: inputField({ id: 'org-name', label: 'Nom', autocomplete: 'off', required: true }),
    kind: selectField({
      id: 'org-kind', label: 'Type', required: true, placeholder: 'Sélectionner un type',
      options: Object.entries(ORGANISATION_KIND_LABELS).map(([value, label]) => ({ value, label })),
    }),
    departement: inputField({ id: 'org-departement', label: 'Département', hint: 'Numéro, par exemple : 62', autocomplete: 'off', required: true }),
    territory_id: selectField({
      id: 'org-territory', label: 'Territoire (facultatif)', placeholder: 'Aucun territoire',
      options: territories.map((t) => ({ value: t.id, label: `${t.name} (${t.departement})` })),
    }),
    parent_id: selectField({
      id: 'org-parent', label: 'Organisation de rattachement (facultatif)', placeholder: 'Aucune',
      options: organisations.map((o) => ({ value: o.id, label: o.name })),
    }),
    contract_start: inputField({ id: 'org-contract-start', label: 'Début du contrat', type: 'date', required: true }),
    contract_end: inputField({ id: 'org-contract-end', label: 'Fin du contrat', type: 'date', required: true }),
  };
  const contract = h('fieldset', { class: 'fr-fieldset fr-mt-2w', hidden: true },
    h('legend', { class: 'fr-fieldset__legend' }, 'Contrat du partenaire mandaté'),
    h('div', { class: 'fr-fieldset__element fr-fieldset__element--inline' }, fields.contract_start.group),
    h('div', { class: 'fr-fieldset__element fr-fieldset__element--inline' }, fields.contract_end.group));
  const isPartner = () => fields.kind.value === 'partenaire';
  fields.kind.control.addEventListener('change', () => { contract.hidden = !isPartner(); });
  // The territory tells the département.
  fields.territory_id.control.addEventListener('change', () => {
    const t = territories.find((x) => String(x.id) === fields.territory_id.value);
    if (t) fields.departement.value = t.departement;
  });

  const messages = h('div', {});
  const submit = h('button', { type: 'submit', class: 'fr-btn' }, 'Créer l’organisation');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'create-org-title' },
    h('h2', { id: 'create-org-title', class: 'fr-h4' }, 'Créer une organisation'),
    h('p', { class: 'fr-hint-text' }, 'Les champs sont obligatoires sauf mention contraire.'),
    messages,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      [fields.name, fields.kind, fields.departement, fields.territory_id, fields.parent_id]
        .map((f) => h('div', { class: 'fr-col-12 fr-col-md-6' }, f.group))),
    contract,
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-mt-2w' }, h('li', {}, submit)));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    const required = [fields.name, fields.kind, fields.departement];
    if (isPartner()) required.push(fields.contract_start, fields.contract_end);
    if (!checkRequired(required)) return;
    const body = {
      name: fields.name.value,
      kind: fields.kind.value,
      departement: fields.departement.value,
      territory_id: fields.territory_id.value ? Number(fields.territory_id.value) : null,
      parent_id: fields.parent_id.value ? Number(fields.parent_id.value) : null,
      contract_start: isPartner() ? fields.contract_start.value : null,
      contract_end: isPartner() ? fields.contract_end.value : null,
    };
    submit.disabled = true;
    try {
      const created = await api.post('/api/v1/organisations', body);
      form.reset();
      contract.hidden = true;
      for (const f of Object.values(fields)) f.setErrors([]);
      onCreated(created);
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

function contractText(o) {
  if (!o.contract_start && !o.contract_end) return '—';
  return `du ${formatDate(o.contract_start) || '…'} au ${formatDate(o.contract_end) || '…'}`;
}

export default {
  title: 'Organisations',
  async render({ container }) {
    const notice = h('div', {});
    const list = h('div', {});
    const formSlot = h('div', {});
    append(container, h('h1', {}, 'Organisations'), notice, list, formSlot);

    const load = async () => {
      const [orgs, territories] = await Promise.all([
        api.get('/api/v1/organisations').then((d) => d.items),
        api.get('/api/v1/territories').then((d) => d.items),
      ]);
      replace(list,
        h('p', { role: 'status' }, plural(orgs.length, 'organisation')),
        dataTable({
          id: 'organisations-table',
          caption: 'Organisations',
          columns: ['Nom', 'Type', 'Département', 'Territoire', 'Contrat'],
          rows: orgs.map((o) => [o.name, kindLabel(o.kind), orDash(o.departement), nameOf(o.territory) || '—', contractText(o)]),
          empty: 'Aucune organisation.',
        }));
      replace(formSlot, createForm(territories, orgs, async (created) => {
        replace(notice, alertBox('success', `L’organisation « ${created.name} » a été créée.`));
        await load();
        notice.scrollIntoView();
      }));
    };
    await load();
  },
};
