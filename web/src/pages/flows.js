// Flux RSA: the « opérateur des flux » (coordinateur du Département, administrateur) checks a
// PECGM / PECDH / CGPEM file before depositing or importing it, and reads the import history
// and the deposit calendar. Nothing is stored by the check.
import { h, append, replace, uniqueId } from '../dom.js';
import { api, request } from '../api.js';
import { formatDateTime, plural } from '../format.js';
import { dataTable } from '../components/table.js';
import { alertBox, errorAlert } from '../components/alert.js';

function where(d) {
  const parts = [];
  if (d.dossier) parts.push(`dossier ${d.dossier}`);
  if (d.line) parts.push(`ligne ${d.line}`);
  if (d.field) parts.push(d.field);
  return parts.join(', ') || 'fichier';
}

// The problems as a CSV (semicolons and a BOM, for a French spreadsheet), built in the
// browser from the report: nothing more leaves the server.
function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function problemsCsv(report) {
  const lines = [['Règle', 'Gravité', 'Niveau', 'Dossier', 'Ligne', 'Champ', 'Message']];
  for (const g of report.by_rule || []) {
    for (const d of g.diagnostics) {
      lines.push([g.rule, d.severity === 'erreur' ? 'Erreur' : 'Avertissement',
        d.level === 'file' ? 'fichier' : 'dossier', d.dossier || '', d.line || '', d.field || '', d.message]);
    }
  }
  return `\ufeff${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function csvLink(report) {
  if (!(report.by_rule || []).length) return null;
  const url = URL.createObjectURL(new Blob([problemsCsv(report)], { type: 'text/csv;charset=utf-8' }));
  const base = (report.file || 'fichier').replace(/\.xml$/i, '');
  return h('p', {}, h('a', {
    class: 'fr-link fr-icon-download-line fr-link--icon-left',
    href: url,
    download: `${base}-problemes.csv`,
    id: 'flux-problemes-csv',
  }, 'Télécharger les problèmes (CSV)'));
}

function reportView(report) {
  const kind = report.file_error ? 'error' : report.error_count ? 'warning' : 'success';
  const summary = [
    `${report.flow || 'Flux inconnu'}${report.departement ? `, département ${report.departement}` : ''}`
      + `${report.date_reference ? `, date de référence ${report.date_reference}` : ''}`,
    `${plural(report.dossiers, 'dossier')}, ${plural(report.valid_dossiers, 'utilisable', 'utilisables')}, `
      + `${plural(report.error_count, 'erreur')}, ${plural(report.warning_count, 'avertissement')} — ${report.verdict}.`,
  ];
  const groups = (report.by_rule || []).map((g) => h('section', { class: 'fr-mb-3w' },
    h('h3', { class: 'fr-h6' }, `Règle ${g.rule} : ${plural(g.errors, 'erreur')}, ${plural(g.warnings, 'avertissement')}`),
    dataTable({
      id: uniqueId('regle'),
      caption: `Problèmes de la règle ${g.rule}`,
      columns: ['Gravité', 'Où', 'Message'],
      rows: g.diagnostics.map((d) => [
        d.severity === 'erreur' ? 'Erreur' : 'Avertissement',
        where(d),
        d.message,
      ]),
    })));
  return [alertBox(kind, summary, 'Résultat de la vérification'), csvLink(report), ...groups];
}

export default {
  title: 'Flux RSA',
  async render({ container }) {
    const fileId = uniqueId('fichier');
    const input = h('input', { class: 'fr-upload', type: 'file', id: fileId, accept: '.xml,application/xml' });
    const result = h('div', { 'aria-live': 'polite' });
    const button = h('button', { class: 'fr-btn', type: 'submit' }, 'Vérifier le fichier');
    const form = h('form', { class: 'fr-mb-4w', novalidate: true },
      h('div', { class: 'fr-upload-group fr-mb-2w' },
        h('label', { class: 'fr-label', for: fileId }, 'Fichier de flux à vérifier',
          h('span', { class: 'fr-hint-text' }, 'PECGM, PECDH ou CGPEM, au format XML. Rien n’est enregistré.')),
        input),
      button);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const file = input.files && input.files[0];
      if (!file) {
        replace(result, alertBox('error', 'Choisissez un fichier à vérifier.'));
        return;
      }
      button.disabled = true;
      replace(result, h('p', { role: 'status' }, 'Vérification en cours…'));
      try {
        const report = await request('POST', '/api/v1/flows/validate',
          { query: { nom: file.name }, rawBody: file, rawType: 'application/xml' });
        replace(result, reportView(report));
      } catch (error) {
        replace(result, errorAlert(error));
      } finally {
        button.disabled = false;
      }
    });
    const calendar = h('div', {}, h('p', {}, 'Chargement…'));
    const history = h('div', {}, h('p', {}, 'Chargement…'));
    append(container,
      h('h1', {}, 'Flux RSA'),
      h('h2', {}, 'Vérifier un fichier'), form, result,
      h('h2', {}, 'Calendrier des dépôts'), calendar,
      h('h2', {}, 'Historique des imports'), history);
    try {
      const c = await api.get('/api/v1/flows/calendar');
      replace(calendar, h('ul', {},
        h('li', {}, `Prochain CGPEM à déposer : ${c.next_cgpem_due_label} (heure de Paris)`),
        h('li', {}, `Prochain PECGM disponible : ${c.next_pecgm_available_label}`)));
    } catch (error) {
      replace(calendar, errorAlert(error));
    }
    try {
      const data = await api.get('/api/v1/flows/imports');
      replace(history, dataTable({
        id: 'imports-table',
        caption: 'Historique des imports de flux',
        columns: ['Flux', 'Département', 'Date de référence', 'Fichier', 'Dossiers', 'Rapprochés', 'Non rapprochés', 'Rejetés', 'Évènements', 'Importé le', 'Par'],
        rows: (data.items || []).map((i) => [i.kind, i.departement, i.date_reference, i.file_name,
          i.dossiers, i.matched, i.unmatched, i.rejected, i.events, formatDateTime(i.imported_at), i.imported_by]),
        empty: 'Aucun import de flux.',
      }));
    } catch (error) {
      replace(history, errorAlert(error));
    }
  },
};
