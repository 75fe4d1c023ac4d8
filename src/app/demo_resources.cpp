// The demo département's base of social resources: fictional structures and ~40 services over
// the 7 problématiques, published (validated by both demo sides), a few past their update date.
#include "app/demo_resources.hpp"

#include <array>
#include <sstream>

#include "domain/support.hpp"
#include "store/communes_repo.hpp"
#include "store/resources_repo.hpp"

namespace binome::app {
namespace {

struct DemoStructure {
  const char* nom;
  const char* description;
  const char* siret13;  // 13 digits; the Luhn key is added
  const char* commune;  // index into kCommunes
  const char* reseau;
};

struct Commune {
  const char* code;
  const char* nom;
  const char* postal;
};
constexpr std::array<Commune, 7> kCommunes{{{"00101", "Démoville-Nord", "00100"},
                                            {"00111", "Fictif-sur-Mer", "00110"},
                                            {"00121", "Saint-Exemple", "00120"},
                                            {"00131", "Imaginaire-les-Bains", "00130"},
                                            {"00201", "Démoville-Sud", "00200"},
                                            {"00211", "Pont-Fictif", "00210"},
                                            {"00221", "Sainte-Maquette", "00220"}}};

// The two EPCI of the demo département (fictional SIREN with a valid key): the four northern
// communes form the agglomération, the three southern ones the communauté de communes.
constexpr const char* kEpciNord = "200000016";
constexpr const char* kEpciSud = "200000024";

constexpr std::array<DemoStructure, 14> kStructures{{
    {"CCAS de Démoville",
     "Centre communal d'action sociale : accueil, aides facultatives, domiciliation et "
     "accompagnement des habitants.",
     "2100000100001", "00101", "unccas"},
    {"Maison départementale des solidarités Nord",
     "Service social départemental du Territoire Nord : accueil social, protection de l'enfance, "
     "insertion.",
     "2200000100001", "00101", "maisons-des-solidarites"},
    {"Maison départementale des solidarités Sud",
     "Service social départemental du Territoire Sud : accueil social, protection de l'enfance, "
     "insertion.",
     "2200000100002", "00201", "maisons-des-solidarites"},
    {"CAF du Val-de-Démo",
     "Caisse d'allocations familiales : prestations familiales, logement, RSA et accompagnement "
     "des familles.",
     "5340000100001", "00201", "caf"},
    {"CPAM du Val-de-Démo",
     "Caisse primaire d'assurance maladie : droits à la santé, complémentaire santé solidaire, "
     "accompagnement.",
     "7810000100001", "00101", "cpam"},
    {"Mission locale du Val-de-Démo",
     "Accueil, information, orientation et accompagnement des jeunes de 16 à 25 ans vers l'emploi "
     "et l'autonomie.",
     "4400000100001", "00101", "mission-locale"},
    {"Épicerie sociale Le Panier",
     "Association qui gère une épicerie sociale et des ateliers cuisine pour les ménages aux "
     "faibles ressources.",
     "4400000200001", "00111", "banques-alimentaires"},
    {"Garage solidaire Roue Libre",
     "Garage associatif d'insertion : réparation à prix réduit, location de véhicules et de "
     "deux-roues.",
     "4400000300001", "00201", "siae"},
    {"Point conseil budget du Val-de-Démo",
     "Conseils gratuits et confidentiels pour gérer son budget, prévenir et traiter le "
     "surendettement.",
     "4400000400001", "00101", "points-conseil-budget"},
    {"Secours populaire, comité de Démoville-Sud",
     "Aide alimentaire, vestimentaire, accès aux vacances et à la culture pour les personnes en "
     "difficulté.",
     "4400000500001", "00201", "secours-populaire"},
    {"Centre social La Passerelle",
     "Centre social : activités collectives, accompagnement à la parentalité, ateliers numériques, "
     "lien social.",
     "4400000600001", "00121", "fcsf"},
    {"Point justice du Val-de-Démo",
     "Information juridique gratuite : permanences d'avocats, de conciliateurs et d'associations "
     "d'aide aux victimes.",
     "1100000100001", "00201", "points-justice"},
    {"CIDFF du Val-de-Démo",
     "Centre d'information sur les droits des femmes et des familles : droit, violences, emploi.",
     "4400000700001", "00101", "cidff"},
    {"France services de Pont-Fictif",
     "Guichet unique d'accès aux services publics : démarches en ligne accompagnées, impôts, "
     "retraite, CAF.",
     "2100000200001", "00211", "france-service"},
}};

struct DemoService {
  int structure;
  const char* nom;
  const char* description;
  const char* type;
  const char* thematiques;  // space separated
  const char* sub_themes;
  const char* publics;
  const char* zone;
  const char* frais;
  const char* mobilisation;
  int days_since_update;  // more than ~92: past the 3-month refresh
};

constexpr std::array<DemoService, 40> kServices{{
    // Se loger
    {1, "Accompagnement social lié au logement",
     "Un travailleur social aide à accéder à un logement, à constituer la demande de logement "
     "social et à préparer l'entrée dans les lieux.",
     "accompagnement",
     "logement-hebergement--louer-un-logement "
     "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
     "se_loger.acceder_logement", "beneficiaires-des-minimas-sociaux familles", kEpciNord,
     "gratuit", "telephoner", 20},
    {2, "Accompagnement social lié au logement (Sud)",
     "Un travailleur social aide à accéder à un logement, à constituer la demande de logement "
     "social et à préparer l'entrée dans les lieux.",
     "accompagnement", "logement-hebergement--louer-un-logement", "se_loger.acceder_logement",
     "beneficiaires-des-minimas-sociaux familles", kEpciSud, "gratuit", "telephoner", 35},
    {0, "Hébergement d'urgence et orientation SIAO",
     "Mise à l'abri et orientation vers une solution d'hébergement temporaire via le service "
     "intégré d'accueil et d'orientation.",
     "accompagnement", "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
     "se_loger.hebergement", "personnes-en-situation-durgence", "00", "gratuit",
     "telephoner se-presenter", 10},
    {3, "Prévention des expulsions locatives",
     "Accompagnement des locataires en impayé de loyer : plan d'apurement, aides du fonds de "
     "solidarité logement, médiation avec le bailleur.",
     "accompagnement",
     "logement-hebergement--reduire-les-impayes-de-loyer "
     "logement-hebergement--se-maintenir-dans-le-logement",
     "se_loger.maintien", "familles beneficiaires-des-minimas-sociaux", "00", "gratuit",
     "telephoner", 50},
    {0, "Aide au premier loyer et à la caution",
     "Aide financière facultative du CCAS pour l'entrée dans un logement : premier loyer, dépôt de "
     "garantie, frais d'agence.",
     "aide-financiere", "logement-hebergement--louer-un-logement", "se_loger.acceder_logement",
     "beneficiaires-des-minimas-sociaux jeunes", "00101", "gratuit", "se-presenter", 120},
    {5, "Logement des jeunes : colocation et foyer",
     "Information et accompagnement des jeunes vers un logement autonome : foyer de jeunes "
     "travailleurs, colocation, garantie Visale.",
     "information",
     "logement-hebergement--changer-de-logement logement-hebergement--louer-un-logement",
     "se_loger.acceder_logement", "jeunes", "00", "gratuit", "telephoner envoyer-un-courriel", 15},
    // Se déplacer
    {7, "Réparation solidaire de véhicules",
     "Entretien et réparation de voitures et deux-roues à prix coûtant pour les personnes en "
     "insertion, sur prescription.",
     "aide-materielle", "mobilite--entretenir-reparer-son-vehicule", "se_deplacer.vehicule",
     "demandeurs-emploi beneficiaires-des-minimas-sociaux", "00", "payant", "telephoner", 30},
    {7, "Location de scooters pour l'emploi",
     "Location de scooters à 2 € par jour pour se rendre au travail ou en formation, pendant trois "
     "mois renouvelables.",
     "aide-materielle", "mobilite--acceder-a-un-vehicule", "se_deplacer.vehicule",
     "demandeurs-emploi jeunes", "00", "payant", "telephoner", 44},
    {5, "Aide au permis de conduire",
     "Financement partiel du permis B et accompagnement pédagogique pour les jeunes en parcours "
     "d'insertion.",
     "aide-financiere", "mobilite--preparer-un-permis mobilite--financer-ma-mobilite",
     "se_deplacer.permis se_deplacer.financer", "jeunes", "00", "gratuit", "telephoner", 60},
    {1, "Aide à la mobilité pour la reprise d'emploi",
     "Prise en charge de frais de transport, de carburant ou d'abonnement pour une reprise "
     "d'emploi ou une entrée en formation.",
     "aide-financiere", "mobilite--financer-ma-mobilite", "se_deplacer.financer",
     "demandeurs-emploi beneficiaires-des-minimas-sociaux", "00", "gratuit", "envoyer-un-courriel",
     100},
    {10, "Atelier « Bouger en transports en commun »",
     "Atelier collectif pour apprendre à lire un plan de réseau, acheter un titre de transport et "
     "préparer un trajet.",
     "atelier",
     "mobilite--mobilite-douce-partagee-collective "
     "mobilite--etre-accompagne-dans-son-parcours-mobilite",
     "se_deplacer.accompagnement", "seniors personnes-exilees", "00121 00101", "gratuit",
     "se-presenter", 25},
    // Se soigner
    {4, "Accompagnement à l'accès aux droits santé",
     "Ouverture des droits à l'assurance maladie et à la complémentaire santé solidaire, "
     "orientation vers un médecin traitant.",
     "accompagnement", "sante--acces-aux-soins", "se_soigner.acces_soins",
     "beneficiaires-des-minimas-sociaux demandeurs-emploi", "00", "gratuit", "telephoner", 12},
    {4, "Bilan de santé gratuit",
     "Examen de prévention en santé gratuit, avec un temps d'échange sur l'accès aux soins et le "
     "suivi médical.",
     "information", "sante--acces-aux-soins", "se_soigner.acces_soins",
     "demandeurs-emploi jeunes seniors", "00", "gratuit", "telephoner", 70},
    {1, "Consultation psychologique de proximité",
     "Consultations gratuites avec un psychologue, sans avance de frais, sur orientation d'un "
     "professionnel.",
     "accompagnement", "sante--sante-mentale", "se_soigner.sante_mentale",
     "actifs demandeurs-emploi", kEpciNord, "gratuit", "telephoner", 40},
    {2, "Consultations jeunes consommateurs",
     "Écoute et accompagnement des personnes confrontées à une addiction (alcool, cannabis, jeux) "
     "et de leur entourage.",
     "accompagnement", "sante--addictions", "se_soigner.sante_mentale", "jeunes familles", "00",
     "gratuit", "telephoner se-presenter", 95},
    {13, "Aide au dossier MDPH",
     "Aide à la constitution du dossier auprès de la maison départementale des personnes "
     "handicapées : RQTH, AAH, carte mobilité.",
     "accompagnement", "sante--constituer-un-dossier-mdph-invalidite", "se_soigner.handicap",
     "personnes-en-situation-de-handicap", kEpciSud, "gratuit", "se-presenter", 33},
    // Difficultés financières
    {8, "Conseil budgétaire",
     "Entretiens confidentiels pour faire le point sur son budget, ses charges et ses droits, et "
     "prévenir les difficultés.",
     "accompagnement",
     "difficultes-financieres--ameliorer-sa-gestion-budgetaire "
     "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
     "difficultes_financieres.budget", "actifs demandeurs-emploi familles", "00", "gratuit",
     "telephoner envoyer-un-courriel", 18},
    {8, "Aide au dossier de surendettement",
     "Constitution et suivi du dossier de surendettement auprès de la Banque de France, "
     "accompagnement pendant la procédure.",
     "accompagnement", "difficultes-financieres--situation-dendettement-surendettement",
     "difficultes_financieres.surendettement",
     "actifs demandeurs-emploi beneficiaires-des-minimas-sociaux", "00", "gratuit", "telephoner",
     26},
    {6, "Épicerie sociale",
     "Produits alimentaires et d'hygiène à 10 à 30 % de leur prix, sur orientation d'un "
     "travailleur social, pour trois mois.",
     "aide-materielle", "equipement-et-alimentation--alimentation", "difficultes_financieres.aides",
     "familles beneficiaires-des-minimas-sociaux", kEpciNord, "payant", "se-presenter", 8},
    {9, "Colis alimentaires et vestiaire",
     "Distribution de colis alimentaires et de vêtements, accueil sans rendez-vous le mardi et le "
     "jeudi matin.",
     "aide-materielle",
     "equipement-et-alimentation--alimentation equipement-et-alimentation--habillement",
     "difficultes_financieres.aides", "personnes-en-situation-durgence familles", kEpciSud,
     "gratuit", "se-presenter", 130},
    {0, "Aides facultatives du CCAS",
     "Secours financiers ponctuels pour l'énergie, l'eau ou une dépense imprévue, après étude de "
     "la situation.",
     "aide-financiere",
     "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
     "difficultes_financieres.aides difficultes_financieres.budget",
     "beneficiaires-des-minimas-sociaux seniors", "00101", "gratuit", "se-presenter", 55},
    {3, "Aide à la gestion du budget familial",
     "Accompagnement en économie sociale et familiale : budget, énergie, consommation, par une "
     "conseillère de la CAF.",
     "accompagnement", "difficultes-financieres--acquerir-une-autonomie-budgetaire",
     "difficultes_financieres.budget", "familles", "00", "gratuit", "telephoner", 64},
    {1, "Mesure d'accompagnement social personnalisé",
     "Mesure contractuelle d'accompagnement à la gestion des prestations sociales pour les "
     "personnes en difficulté.",
     "accompagnement",
     "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
     "difficultes_financieres.budget", "beneficiaires-des-minimas-sociaux", "00", "gratuit",
     "telephoner", 80},
    // Difficultés administratives, juridiques et judiciaires
    {13, "Accompagnement aux démarches en ligne",
     "Un conseiller aide à réaliser les démarches administratives en ligne : CAF, impôts, "
     "assurance maladie, retraite, titres.",
     "accompagnement",
     "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives "
     "numerique--acceder-a-des-services-en-ligne",
     "difficultes_administratives.demarches", "seniors demandeurs-emploi personnes-exilees",
     kEpciSud, "gratuit", "se-presenter", 14},
    {0, "Domiciliation administrative",
     "Adresse postale pour recevoir son courrier et faire valoir ses droits, pour les personnes "
     "sans domicile stable.",
     "accompagnement",
     "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
     "difficultes_administratives.droits", "personnes-en-situation-durgence", "00101", "gratuit",
     "se-presenter", 22},
    {11, "Permanence d'avocats",
     "Consultation juridique gratuite et anonyme avec un avocat : famille, logement, travail, "
     "dettes, procédures.",
     "information",
     "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire "
     "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
     "difficultes_administratives.judiciaire difficultes_administratives.droits",
     "actifs demandeurs-emploi familles", "00", "gratuit", "telephoner", 38},
    {11, "Aide aux victimes",
     "Écoute, information sur les droits et accompagnement dans les démarches des victimes "
     "d'infractions.",
     "accompagnement",
     "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
     "difficultes_administratives.judiciaire", "femmes familles", "00", "gratuit", "telephoner",
     110},
    {3, "Rendez-vous des droits",
     "Entretien pour faire le point sur l'ensemble de ses droits aux prestations (RSA, prime "
     "d'activité, aides au logement).",
     "information",
     "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
     "difficultes_administratives.droits", "beneficiaires-des-minimas-sociaux demandeurs-emploi",
     "00", "gratuit", "telephoner", 29},
    {12, "Lutte contre les discriminations",
     "Information juridique et accompagnement des personnes victimes de discrimination à "
     "l'embauche ou au travail.",
     "information",
     "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
     "difficultes_administratives.droits", "femmes actifs demandeurs-emploi", "00", "gratuit",
     "telephoner envoyer-un-courriel", 47},
    // Contraintes familiales
    {0, "Places de crèche pour parents en insertion",
     "Places réservées en crèche pour les parents qui reprennent un emploi ou une formation, même "
     "à temps partiel.",
     "aide-materielle", "famille--garde-denfants", "contraintes_familiales.garde_enfants",
     "familles demandeurs-emploi", "00101 00111", "payant", "telephoner", 16},
    {3, "Aide à la garde d'enfants pour parents isolés",
     "Aide financière à la garde d'enfants de moins de 6 ans pour les parents isolés qui "
     "reprennent une activité.",
     "aide-financiere", "famille--garde-denfants", "contraintes_familiales.garde_enfants",
     "familles femmes", "00", "gratuit", "telephoner", 90},
    {10, "Lieu d'accueil enfants-parents",
     "Espace de jeu et de parole pour les parents et leurs enfants de moins de 6 ans, anonyme et "
     "gratuit.",
     "atelier", "famille--soutien-a-la-parentalite-et-a-leducation",
     "contraintes_familiales.parentalite", "familles", "00121 00131", "gratuit", "se-presenter",
     11},
    {12, "Accompagnement des femmes victimes de violences",
     "Écoute, mise à l'abri, accompagnement juridique et social des femmes victimes de violences "
     "conjugales.",
     "accompagnement", "famille--surmonter-conflits-separation-violence",
     "contraintes_familiales.separation_violences", "femmes", "00", "gratuit", "telephoner", 9},
    {2, "Soutien aux aidants familiaux",
     "Groupes de parole, relais à domicile et information pour les personnes qui aident un proche "
     "âgé ou handicapé.",
     "accompagnement", "famille--soutien-aidants famille--prise-en-charge-personne-dependante",
     "contraintes_familiales.aidants", "actifs seniors", kEpciSud, "gratuit", "telephoner", 140},
    // Lien social et communication
    {10, "Ateliers sociolinguistiques",
     "Ateliers de français à l'oral et à l'écrit pour les démarches du quotidien, en petit groupe, "
     "deux fois par semaine.",
     "atelier", "lecture-ecriture-calcul--maitriser-le-francais", "lien_social.communication",
     "personnes-exilees", "00121 00101", "gratuit", "se-presenter", 21},
    {13, "Initiation au numérique",
     "Ateliers pour prendre en main un ordinateur ou un smartphone, créer une adresse de courriel "
     "et naviguer en sécurité.",
     "atelier", "numerique--maitriser-les-fondamentaux-du-numerique", "lien_social.communication",
     "seniors demandeurs-emploi", kEpciSud, "gratuit", "se-presenter", 45},
    {10, "Café des habitants",
     "Rendez-vous convivial hebdomadaire pour rompre l'isolement, participer à des sorties et à "
     "des projets collectifs.",
     "atelier", "remobilisation--lien-social remobilisation--activites-sportives-et-culturelles",
     "lien_social.isolement", "seniors familles", "00121", "gratuit", "se-presenter", 31},
    {9, "Accès aux vacances et à la culture",
     "Sorties culturelles, journées à la mer et séjours de vacances à tarif solidaire pour les "
     "familles.",
     "aide-materielle", "remobilisation--activites-sportives-et-culturelles",
     "lien_social.isolement", "familles", "00", "payant", "se-presenter", 75},
    {5, "Atelier confiance en soi",
     "Ateliers collectifs pour reprendre confiance, travailler la présentation de soi et la "
     "gestion du stress.",
     "atelier", "remobilisation--bien-etre-confiance-en-soi", "lien_social.confiance", "jeunes",
     "00", "gratuit", "telephoner", 52},
    {13, "Prêt d'ordinateurs et de connexion",
     "Prêt d'ordinateurs portables et de clés de connexion pour les démarches et la recherche "
     "d'emploi.",
     "aide-materielle",
     "numerique--acquerir-un-equipement numerique--acceder-a-une-connexion-internet",
     "lien_social.communication", "demandeurs-emploi jeunes", kEpciSud, "gratuit", "se-presenter",
     19},
}};

std::vector<std::string> words(const char* text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string with_luhn_key(const std::string& base13) {
  for (char key = '0'; key <= '9'; ++key)
    if (domain::is_valid_siret(base13 + key)) return base13 + key;
  return base13 + "0";
}

const Commune& commune(const std::string& code) {
  for (const auto& c : kCommunes)
    if (code == c.code) return c;
  return kCommunes.front();
}

std::string phone_of(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "01 99 01 %02zu %02zu", 10 + i / 10, (i * 7) % 100);
  return buf;
}

}  // namespace

int load_demo_resources(soci::session& sql, store::Dialect dialect, const std::string& departement,
                        std::int64_t ft_validator, std::int64_t departement_validator,
                        const std::string& now) {
  const auto today = domain::Date{std::chrono::floor<std::chrono::days>(*domain::parse_iso(now))};
  domain::CommuneList communes;
  communes.epcis = {{kEpciNord, "Communauté d'agglomération de Démoville-Nord"},
                    {kEpciSud, "Communauté de communes du Val-Sud"}};
  for (const auto& c : kCommunes)
    communes.communes.push_back(
        {c.code, c.nom, c.postal, std::string(c.code[2] == '1' ? kEpciNord : kEpciSud)});
  store::replace_commune_list(sql, departement, communes);
  std::vector<std::int64_t> structure_ids;
  for (std::size_t i = 0; i < kStructures.size(); ++i) {
    const auto& d = kStructures[i];
    const auto& c = commune(d.commune);
    domain::ResourceStructure s;
    s.source = "binome-demo";
    s.source_id = "structure-" + std::to_string(i + 1);
    s.departement = departement;
    s.nom = d.nom;
    s.description = d.description;
    s.siret = with_luhn_key(d.siret13);
    s.adresse = std::to_string(3 + i * 4) + " place de la Mairie";
    s.code_postal = c.postal;
    s.commune = c.nom;
    s.code_insee = c.code;
    s.telephone = phone_of(i);
    s.courriel = "contact" + std::to_string(i + 1) + "@example.org";
    s.reseaux_porteurs = {d.reseau};
    s.horaires_accueil = "Mo-Fr 09:00-12:00,13:30-17:00";
    s.date_maj = domain::to_iso(today);
    structure_ids.push_back(store::insert_structure(sql, s, now));
  }
  for (std::size_t i = 0; i < kServices.size(); ++i) {
    const auto& d = kServices[i];
    const auto& st = kStructures[static_cast<std::size_t>(d.structure)];
    const auto& c = commune(st.commune);
    domain::ResourceService s;
    s.source = "binome-demo";
    s.source_id = "service-" + std::to_string(i + 1);
    s.structure_id = structure_ids[static_cast<std::size_t>(d.structure)];
    s.departement = departement;
    s.nom = d.nom;
    s.description = d.description;
    s.type = d.type;
    s.thematiques = words(d.thematiques);
    s.sub_themes = words(d.sub_themes);
    s.publics = words(d.publics);
    s.zone_eligibilite = words(d.zone);
    s.frais = d.frais;
    s.modes_mobilisation = words(d.mobilisation);
    s.mobilisable_par = {"professionnels", "usagers"};
    s.modes_accueil = {"en-presentiel"};
    s.adresse =
        std::to_string(3 + static_cast<std::size_t>(d.structure) * 4) + " place de la Mairie";
    s.code_postal = c.postal;
    s.commune = c.nom;
    s.code_insee = c.code;
    s.telephone = phone_of(i + 20);
    s.courriel = "service" + std::to_string(i + 1) + "@example.org";
    s.contact_nom_prenom = "Accueil du service";
    s.horaires_accueil = "Mo-Fr 09:00-12:00";
    s.conditions_acces =
        "Sur orientation d'un conseiller ou d'un travailleur social, avec un justificatif de "
        "domicile.";
    s.date_maj = domain::to_iso(
        domain::Date{std::chrono::sys_days{today} - std::chrono::days{d.days_since_update}});
    s.state = domain::ResourceState::publie;
    s.validated_france_travail_by = ft_validator;
    s.validated_france_travail_at = now;
    s.validated_departement_by = departement_validator;
    s.validated_departement_at = now;
    s.published_at = now;
    store::insert_service(sql, dialect, s, now);
  }
  return static_cast<int>(kServices.size());
}

}  // namespace binome::app
