// Path → page table. roles: who may open the page (omitted: any signed-in user).
import loginPage from './pages/login.js';
import personsPage from './pages/persons.js';
import personPage from './pages/person.js';
import personNewPage from './pages/person-new.js';
import orientationFormPage from './pages/orientation-form.js';
import orientationsPage from './pages/orientations.js';
import worklistPage from './pages/worklist.js';
import portfolioPage from './pages/portfolio.js';
import auditPage from './pages/audit.js';
import usersPage from './pages/users.js';
import organisationsPage from './pages/organisations.js';
import pilotagePage from './pages/pilotage.js';
import dashboardPage from './pages/dashboard.js';
import reviewPage from './pages/review.js';
import committeesPage from './pages/committees.js';
import profilesPage from './pages/profiles.js';
import profilePage from './pages/profile.js';
import resourcesPage from './pages/resources.js';
import resourcePage from './pages/resource.js';
import resourceFormPage from './pages/resource-form.js';
import flowsPage from './pages/flows.js';
import rgpdRequestsPage from './pages/rgpd-requests.js';
import rgpdBreachesPage from './pages/rgpd-breaches.js';
import rgpdRegistersPage from './pages/rgpd-registers.js';
import accountSecurityPage from './pages/account-security.js';
import { accessibilityPage, personalDataPage } from './pages/static.js';
import { notFound, forbidden } from './pages/errors.js';

const PERSON_ROLES = ['conseiller', 'referent_social', 'coordinateur'];

export const routes = [
  { pattern: /^\/connexion\/?$/, public: true, guestOnly: true, ...loginPage },
  { pattern: /^\/personnes\/?$/, roles: PERSON_ROLES, ...personsPage },
  { pattern: /^\/personnes\/nouvelle\/?$/, roles: PERSON_ROLES, ...personNewPage },
  { pattern: /^\/personnes\/(?<id>\d+)\/?$/, roles: PERSON_ROLES, ...personPage },
  { pattern: /^\/personnes\/(?<id>\d+)\/orienter\/?$/, roles: PERSON_ROLES, ...orientationFormPage },
  { pattern: /^\/orientations\/?$/, roles: PERSON_ROLES, ...orientationsPage },
  { pattern: /^\/a-faire\/?$/, roles: [...PERSON_ROLES, 'dpo'], ...worklistPage },
  { pattern: /^\/ressources\/?$/, ...resourcesPage },
  { pattern: /^\/ressources\/nouveau\/?$/, roles: PERSON_ROLES, ...resourceFormPage },
  { pattern: /^\/ressources\/(?<id>\d+)\/?$/, ...resourcePage },
  { pattern: /^\/ressources\/(?<id>\d+)\/modifier\/?$/, roles: PERSON_ROLES, ...resourceFormPage },
  { pattern: /^\/portefeuille\/?$/, roles: PERSON_ROLES, ...portfolioPage },
  { pattern: /^\/journal-audit\/?$/, roles: ['dpo'], ...auditPage },
  { pattern: /^\/rgpd\/demandes\/?$/, roles: ['dpo'], ...rgpdRequestsPage },
  { pattern: /^\/rgpd\/violations\/?$/, roles: ['dpo'], ...rgpdBreachesPage },
  { pattern: /^\/rgpd\/registres\/?$/, roles: ['dpo'], ...rgpdRegistersPage },
  { pattern: /^\/compte\/securite\/?$/, ...accountSecurityPage },
  { pattern: /^\/utilisateurs\/?$/, roles: ['admin'], ...usersPage },
  { pattern: /^\/organisations\/?$/, roles: ['admin'], ...organisationsPage },
  { pattern: /^\/admin\/profils\/?$/, roles: ['admin'], ...profilesPage },
  { pattern: /^\/admin\/profils\/(?<id>\d+)\/?$/, roles: ['admin'], ...profilePage },
  { pattern: /^\/flux\/?$/, roles: ['coordinateur', 'admin'], ...flowsPage },
  { pattern: /^\/pilotage\/?$/, roles: ['pilotage'], ...pilotagePage },
  { pattern: /^\/revue-de-portefeuille\/?$/, roles: ['coordinateur'], ...reviewPage },
  { pattern: /^\/comites\/?$/, roles: ['coordinateur', 'pilotage'], ...committeesPage },
  { pattern: /^\/tableau-de-bord\/?$/, roles: ['coordinateur', 'pilotage'], ...dashboardPage },
  { pattern: /^\/accessibilite\/?$/, public: true, ...accessibilityPage },
  { pattern: /^\/donnees-personnelles\/?$/, public: true, ...personalDataPage },
];

export const notFoundPage = { public: true, ...notFound };
export const forbiddenPage = { ...forbidden };
