// French labels and formats shown to users.

export const ROLE_LABELS = {
  conseiller: 'Conseiller France Travail',
  referent_social: 'Référent social',
  coordinateur: 'Coordinateur',
  pilotage: 'Pilotage',
  admin: 'Administrateur',
  dpo: 'Délégué à la protection des données',
};

export const ORGANISATION_KIND_LABELS = {
  departement: 'Département',
  service_departemental: 'Service départemental',
  ft_direction: 'Direction France Travail',
  agence: 'Agence France Travail',
  partenaire: 'Partenaire mandaté',
};

export const FAMILY_SITUATION_LABELS = {
  seul: 'Seul(e)',
  en_couple: 'En couple',
};

export function roleLabel(role) {
  return ROLE_LABELS[role] || role || '';
}

export function kindLabel(kind) {
  return ORGANISATION_KIND_LABELS[kind] || kind || '';
}

export function yesNo(value) {
  if (value === null || value === undefined) return 'Non renseigné';
  return value ? 'Oui' : 'Non';
}

/** 'YYYY-MM-DD' → 'JJ/MM/AAAA' without going through a time zone. */
export function formatDate(isoDate) {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** ISO-8601 UTC instant → 'JJ/MM/AAAA HH:MM:SS' in Paris time. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
}

/** '1 personne', '12 personnes', '0 personne' (French: singular for 0 and 1). */
export function plural(n, singular, pluralForm = `${singular}s`) {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? pluralForm : singular}`;
}

export function orDash(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** Organisation or territory given either as a name or as { id, name }. */
export function nameOf(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? (value.name || '') : String(value);
}

/** Today's date in Paris as 'YYYY-MM-DD' (the default of date fields). */
export function todayIso() {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The label of a { code, label } value of the referentials, or '' when there is none. */
export function labelOf(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? (value.label || value.code || '') : String(value);
}

/** Deadline of an orientation's entry: the DSFR badge for deadline_state (none when ok). */
export const DEADLINE_BADGES = {
  bientot: { label: 'Échéance proche', kind: 'warning' },
  depasse: { label: 'Échéance dépassée', kind: 'error' },
};

/** The side of an orientation or of a position. */
export const SIDE_LABELS = {
  france_travail: 'France Travail',
  departement: 'Département',
  partenaire: 'Partenaire mandaté',
};

export const POSITION_LABELS = {
  accord: 'Accord',
  desaccord: 'Désaccord',
};

/** Kinds of the "À faire" list. */
export const WORKLIST_KINDS = {
  echeance_proche: { label: 'Échéance proche', kind: 'warning' },
  echeance_depassee: { label: 'Échéance dépassée', kind: 'error' },
  absence_orienteur: { label: 'Absence à signaler', kind: 'info' },
  procedure_sanction: { label: 'Procédure de sanction', kind: 'error' },
  absences_repetees: { label: 'Absences répétées', kind: 'warning' },
  revue_due: { label: 'Réexamen à faire', kind: 'warning' },
  revue_depassee: { label: 'Réexamen en retard', kind: 'error' },
  duree_maximale: { label: 'Durée maximale atteinte', kind: 'warning' },
  suivi_emploi_fin: { label: 'Fin du suivi dans l’emploi', kind: 'info' },
  presence_a_saisir: { label: 'Présence à saisir', kind: 'new' },
  axe3_a_valider: { label: 'Axe 3 à valider', kind: 'new' },
  axe3_reexamen: { label: 'Réexamen de l’axe 3', kind: 'warning' },
  ressource_a_mettre_a_jour: { label: 'Ressource à mettre à jour', kind: 'info' },
  evenement_flux: { label: 'Flux France Travail', kind: 'info' },
  radiation_brsa: { label: 'Radiation d’un BRSA', kind: 'error' },
  depot_cgpem: { label: 'Dépôt du CGPEM', kind: 'warning' },
  pecgm_disponible: { label: 'PECGM à importer', kind: 'info' },
  demande_rgpd: { label: 'Demande d’une personne', kind: 'warning' },
  violation_a_notifier: { label: 'Violation à notifier', kind: 'error' },
  revue_sous_traitants: { label: 'Revue des sous-traitants', kind: 'info' },
};

/** Natures of a data subject's request (RGPD arts. 15 to 21). */
export const RGPD_REQUEST_KINDS = {
  acces: 'Accès',
  rectification: 'Rectification',
  effacement: 'Effacement',
  opposition: 'Opposition',
  limitation: 'Limitation du traitement',
};

/** Outcome of an answered request. */
export const RGPD_OUTCOMES = {
  aucune_donnee: 'Aucune donnée détenue',
  communiquee: 'Données communiquées',
  transmise: 'Transmise aux référents',
  limitee_fse: 'Limitée (conservation FSE)',
  effacee: 'Effacée',
  limitee: 'Traitement limité',
};

/** Nature of a personal data breach. */
export const BREACH_NATURES = {
  confidentialite: 'Confidentialité (divulgation ou accès non autorisé)',
  integrite: 'Intégrité (altération)',
  disponibilite: 'Disponibilité (perte ou destruction)',
};

/** 'YYYY-MM-DDTHH:MM' of a Date in the browser's time zone (value of a datetime-local field). */
export function localDateTimeValue(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (browser time) → 'YYYY-MM-DDTHH:MM:SSZ' (UTC), or '' when invalid. */
export function utcIsoOfLocal(value) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 90061 s → '1 j 1 h 1 min' (days only when there are some). */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return `${days > 0 ? `${days} j ` : ''}${hours} h ${String(minutes).padStart(2, '0')} min`;
}

/** DSFR badge kind of a support's state (accompagnement global). */
export const SUPPORT_STATE_BADGES = {
  en_cours: 'info',
  suivi_emploi: 'success',
  termine: null,
};
