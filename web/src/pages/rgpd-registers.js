// Registres (DPO): the record of processing activities (RGPD art. 30), generated from the
// configuration, to read and download; the sub-processors (partners mandated by each
// Département) with their contract dates and the six-monthly review of the list, recorded here.
import { h, append, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { formatDate, formatDateTime, orDash } from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';
import { badge } from '../components/badge.js';
import { fieldList } from '../components/action-form.js';

function bulletList(items) {
  return h('ul', {}, (items || []).map((i) => h('li', {}, i)));
}

function retentionText(r) {
  if (!r) return '—';
  const parts = [`fiche de liaison et diagnostic : ${r.fiche_annees_apres_fin} ans après la fin de la convention`];
  if (r.donnees_application_mois !== null) parts.push(`données de l’application : ${r.donnees_application_mois} mois`);
  if (r.donnees_flux_mois !== null) parts.push(`données des flux : ${r.donnees_flux_mois} mois`);
  parts.push(`fichiers d’échange : ${r.fichiers_echange_jours} jours`);
  return parts.join(' ; ');
}

function registerView(reg) {
  const conventions = dataTable({
    id: 'register-conventions',
    caption: 'Conventions et durées de conservation',
    columns: ['Convention', 'Département', 'Période', 'Responsables', 'Durées de conservation'],
    rows: (reg.conventions || []).map((c) => [
      `${c.libelle} (${c.code})`,
      c.departement,
      `du ${formatDate(c.debut)} ${c.fin ? `au ${formatDate(c.fin)}` : '(sans fin)'}`,
      ['France Travail', ...(c.responsables.departement || []).map((p) => p.nom)].join(', '),
      retentionText(c.durees_conservation),
    ]),
    empty: 'Aucune convention configurée.',
  });
  return [
    h('p', { class: 'fr-text--lead fr-mb-2w' }, reg.titre),
    h('p', { class: 'fr-hint-text' }, `Généré le ${formatDateTime(reg.genere_le)} à partir de la configuration.`),
    fieldList([
      ['Finalités', bulletList(reg.finalites)],
      ['Base légale', reg.base_legale],
      ['Responsables de traitement', reg.responsables],
      ['Personnes concernées', bulletList(reg.personnes_concernees)],
      ['Catégories de données', bulletList(reg.categories_donnees)],
      ['Destinataires', bulletList(reg.destinataires)],
      ['Transferts hors Union européenne', reg.transferts_hors_ue],
      ['Mesures de sécurité', bulletList(reg.mesures_securite)],
    ]),
    conventions,
  ];
}

function subprocessorSection(v, onReviewed) {
  const messages = h('div', {});
  const button = h('button', { type: 'button', class: 'fr-btn fr-btn--sm' },
    'Enregistrer la revue de la liste', h('span', { class: 'fr-sr-only' }, ` du département ${v.departement}`));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post('/api/v1/rgpd/subprocessors/review', { departement: v.departement });
      await onReviewed(v.departement);
    } catch (error) {
      button.disabled = false;
      if (!(error instanceof ApiError)) throw error;
      replace(messages, errorAlert(error));
    }
  });
  const reviewText = v.last_review
    ? `Dernière revue le ${formatDate(v.last_review)} ; prochaine revue avant le ${formatDate(v.next_review_due)}.`
    : 'Aucune revue enregistrée.';
  return h('div', { class: 'fr-mb-4w', 'data-departement': v.departement },
    h('h3', { class: 'fr-h6' }, `Département ${v.departement}`),
    h('p', { class: 'fr-mb-1w', 'data-review': v.review_due ? 'due' : 'ok' },
      reviewText, ' ',
      v.review_due ? badge('Revue à faire', 'warning') : badge('Revue à jour', 'success')),
    messages,
    dataTable({
      id: `subprocessors-${v.departement}`,
      caption: `Sous-traitants du département ${v.departement}`,
      columns: ['Organisation', 'Début du contrat', 'Fin du contrat'],
      rows: v.partners.map((p) => [p.name, orDash(formatDate(p.contract_start)), orDash(formatDate(p.contract_end))]),
      empty: 'Aucun partenaire mandaté.',
    }),
    h('p', { class: 'fr-text--sm fr-mb-1w' },
      'Après avoir vérifié la liste et l’avoir communiquée à l’autre partie :'),
    button);
}

export default {
  title: 'Registres',
  async render({ container }) {
    const notice = h('div', { tabindex: '-1', id: 'registers-notice' });
    const register = h('div', {}, h('p', { role: 'status' }, 'Chargement…'));
    const subprocessors = h('div', {}, h('p', { role: 'status' }, 'Chargement…'));

    const loadSubprocessors = async () => {
      try {
        const data = await api.get('/api/v1/rgpd/subprocessors');
        const items = data.items || [];
        const onReviewed = async (dep) => {
          await loadSubprocessors();
          replace(notice, alertBox('success', `La revue de la liste des sous-traitants du département ${dep} est enregistrée ; la prochaine est due dans six mois.`));
          notice.focus();
        };
        replace(subprocessors, items.length
          ? items.map((v) => subprocessorSection(v, onReviewed))
          : h('p', {}, 'Aucun département configuré.'));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        replace(subprocessors, errorAlert(error));
      }
    };

    append(container,
      h('h1', {}, 'Registres'),
      notice,
      h('section', { id: 'registre-traitements', class: 'fr-mb-6w', 'aria-labelledby': 'register-title' },
        h('h2', { id: 'register-title', class: 'fr-h4' }, 'Registre des activités de traitement (RGPD art. 30)'),
        h('p', {}, h('a', {
          class: 'fr-link fr-icon-download-line fr-link--icon-left',
          href: '/api/v1/rgpd/register',
          download: 'registre-activites-traitement.json',
        }, 'Télécharger le registre (JSON)')),
        register),
      h('section', { id: 'sous-traitants', 'aria-labelledby': 'subprocessors-title' },
        h('h2', { id: 'subprocessors-title', class: 'fr-h4' }, 'Sous-traitants'),
        h('p', {}, 'Les partenaires mandatés par chaque Département, avec les dates de leur contrat. La liste est revue et communiquée à l’autre partie au moins tous les six mois ; une revue due figure dans votre liste « À faire ».'),
        subprocessors));

    await Promise.all([
      api.get('/api/v1/rgpd/register')
        .then((reg) => replace(register, registerView(reg)))
        .catch((error) => {
          if (!(error instanceof ApiError)) throw error;
          replace(register, errorAlert(error));
        }),
      loadSubprocessors(),
    ]);
  },
};
