// The rules of a convention profile (GET /api/v1/convention-profiles/{id}): each rule as a
// flat key ('axe2.max_total_months'), its French label and how its value reads; the changes
// between two versions. The keys are the server's field names (errors of a new version).
import { plural } from './format.js';

const days = (n) => plural(n, 'jour');
const months = (n) => plural(n, 'mois', 'mois');
const years = (n) => plural(n, 'an');
const persons = (n) => plural(n, 'personne');
const percent = (n) => `${n.toLocaleString('fr-FR')} %`;
const count = (n) => n.toLocaleString('fr-FR');

/**
 * kind: 'int' (whole number, required), 'intOrNull' (empty = null), 'months' (list of whole
 * numbers), 'modes' / 'publics' (codes of the orientation referential), 'rome' (ROME codes),
 * 'text'. unit formats a number; none: the text shown for null.
 */
export const RULE_SECTIONS = [
  {
    title: 'Orientation et entrée',
    rules: [
      { key: 'decision_modes', label: 'Modes de décision', kind: 'modes' },
      { key: 'tacit_publics', label: 'Publics de l’accord tacite', kind: 'publics' },
      { key: 'entry_deadline_days', label: 'Délai d’entrée', kind: 'intOrNull', unit: days, none: 'Aucun délai' },
      { key: 'alert_days_before_deadline', label: 'Alerte avant l’échéance', kind: 'int', unit: days },
    ],
  },
  {
    title: 'Accompagnement global (axe 2)',
    rules: [
      { key: 'axe2.initial_months', label: 'Durées initiales (axe 2)', kind: 'months' },
      { key: 'axe2.renewal_months', label: 'Durées de renouvellement (axe 2)', kind: 'months' },
      { key: 'axe2.max_renewals', label: 'Nombre maximal de renouvellements (axe 2)', kind: 'intOrNull', unit: count, none: 'Sans limite' },
      { key: 'axe2.max_total_months', label: 'Durée maximale (axe 2)', kind: 'intOrNull', unit: months, none: 'Sans limite' },
      { key: 'axe2.review_months', label: 'Réexamen de la situation (axe 2)', kind: 'int', unit: months },
      { key: 'axe2.in_work_followup_months', label: 'Suivi dans l’emploi (axe 2)', kind: 'int', unit: months },
    ],
  },
  {
    title: 'Portefeuille et objectifs',
    rules: [
      { key: 'portfolio_min', label: 'Portefeuille minimal par binôme', kind: 'intOrNull', unit: persons, none: 'Non fixé' },
      { key: 'portfolio_max', label: 'Portefeuille maximal par binôme', kind: 'intOrNull', unit: persons, none: 'Non fixé' },
      { key: 'brsa_share_target_pct', label: 'Part cible de bénéficiaires du RSA', kind: 'intOrNull', unit: percent, none: 'Non fixée' },
      { key: 'new_entries_per_binome_year', label: 'Nouvelles entrées par binôme et par an', kind: 'intOrNull', unit: count, none: 'Non fixé' },
      { key: 'dedicated_counsellors_etp', label: 'Conseillers dédiés (ETP)', kind: 'intOrNull', unit: count, none: 'Non fixé' },
    ],
  },
  {
    title: 'Accompagnement social (axe 3)',
    rules: [
      { key: 'axe3.duration_months', label: 'Durée (axe 3)', kind: 'int', unit: months },
      { key: 'axe3.max_renewals', label: 'Nombre maximal de renouvellements (axe 3)', kind: 'int', unit: count },
      { key: 'axe3.max_total_months', label: 'Durée maximale (axe 3)', kind: 'intOrNull', unit: months, none: 'Sans limite' },
      { key: 'axe3.quota_per_service_year', label: 'Quota annuel par service (axe 3)', kind: 'intOrNull', unit: persons, none: 'Aucun quota' },
      { key: 'axe3.quota_total_year', label: 'Quota annuel total (axe 3)', kind: 'intOrNull', unit: persons, none: 'Aucun quota' },
      { key: 'axe3.validated_by', label: 'Validation de l’axe 3 par', kind: 'text' },
    ],
  },
  {
    title: 'Métiers en tension',
    rules: [
      { key: 'metiers_en_tension', label: 'Métiers en tension (codes ROME)', kind: 'rome' },
    ],
  },
  {
    title: 'Conservation des données',
    rules: [
      { key: 'retention.fiche_years_after_convention_end', label: 'Conservation des fiches après la fin de la convention', kind: 'int', unit: years },
      { key: 'retention.application_data_months', label: 'Conservation des données de l’application', kind: 'intOrNull', unit: months, none: 'Non fixée' },
      { key: 'retention.flow_data_months', label: 'Conservation des données de flux', kind: 'intOrNull', unit: months, none: 'Non fixée' },
      { key: 'retention.exchange_files_days', label: 'Conservation des fichiers d’échange', kind: 'int', unit: days },
    ],
  },
];

export const RULES = RULE_SECTIONS.flatMap((s) => s.rules);
const BY_KEY = new Map(RULES.map((r) => [r.key, r]));

export function ruleLabel(key) {
  const rule = BY_KEY.get(key);
  return rule ? rule.label : key;
}

/** { axe2: { max_total_months: 18 } } → { 'axe2.max_total_months': 18 } (arrays stay whole). */
export function flatten(rules, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(rules || {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) flatten(value, name, out);
    else out[name] = value;
  }
  return out;
}

/** { 'axe2.max_total_months': 18 } → { axe2: { max_total_months: 18 } } */
export function unflatten(flat) {
  const out = {};
  for (const [name, value] of Object.entries(flat)) {
    const parts = name.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ||= {});
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

/**
 * The value of a rule as French text. labels: { modes: Map(code → label), publics: Map }.
 * Lists of codes read as their labels, in the server's order.
 */
export function formatRule(key, value, labels = {}) {
  const rule = BY_KEY.get(key) || { kind: 'unknown' };
  if (value === null || value === undefined) return rule.none || 'Non fixé';
  switch (rule.kind) {
    case 'int':
    case 'intOrNull':
      return typeof value === 'number' ? rule.unit(value) : String(value);
    case 'months':
      return value.length ? `${value.map(count).join(' ou ')} mois` : 'Aucune';
    case 'modes':
    case 'publics': {
      const map = (rule.kind === 'modes' ? labels.modes : labels.publics) || new Map();
      return value.length ? value.map((code) => map.get(code) || code).join(', ') : 'Aucun';
    }
    case 'rome':
      return value.length ? value.join(', ') : 'Aucun';
    case 'text':
      return value === '' ? 'Non précisé' : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** The rules that differ between two versions: [{ key, label, before, after }] (raw values). */
export function diffRules(before, after) {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...RULES.map((r) => r.key), ...Object.keys({ ...a, ...b }).filter((k) => !BY_KEY.has(k))];
  const changes = [];
  for (const key of new Set(keys)) {
    if (!(key in a) && !(key in b)) continue;
    if (JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null)) continue;
    changes.push({ key, label: ruleLabel(key), before: a[key] ?? null, after: b[key] ?? null });
  }
  return changes;
}
