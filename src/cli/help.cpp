#include <iostream>

#include "cli/commands.hpp"

namespace binome::cli {

int print_help() {
  std::cout << R"(binome — accompagnement global France Travail × Département

Utilisation : binome COMMANDE [OPTIONS]

Commandes :
  serve     Sert l'API et l'interface web.
              --db URL            base (sqlite:CHEMIN ou postgresql://…) ; défaut BINOME_DB
                                  ou sqlite:var/binome.db
              --listen ADRESSE    adresse d'écoute (défaut BINOME_LISTEN ou 127.0.0.1:8080)
              --web-root DOSSIER  interface web construite (défaut web/dist)
              --tls-cert FICHIER --tls-key FICHIER   HTTPS (cookies « Secure »)
              --threads N         fils de traitement, un par connexion ouverte (défaut 64)
              --db-pool N         connexions à la base partagées par ces fils (défaut 16)
              --idle-timeout MIN  déconnexion après inactivité (défaut 30)
              --trust-proxy       adresse client lue dans X-Forwarded-For (derrière un répartiteur)
              --secure-cookies    cookies « Secure » quand le TLS est terminé par un mandataire
              --quiet             sans journal des requêtes
              --test-mode         tests de navigateur seulement : horloge réglable par l'API
              --digest-hour H     envoie chaque jour, à partir de H heures (heure de Paris), le
                                  récapitulatif « à faire » par courriel (options ci-dessous)
              --nir-key-file FICHIER  clé de chiffrement du NIR (ou BINOME_NIR_KEY_FILE) :
                                  nécessaire à l'API d'identité et à la double
                                  authentification (ses secrets sont chiffrés avec elle)
              --smtp-host HÔTE …  relais de courriel (options de « digest ») : aussi pour
                                  envoyer le tableau de suivi d'une revue, chiffré
  migrate   Applique les migrations du schéma.            --db URL
  demo      Charge le département fictif de démonstration et (ré)initialise les comptes de
            démonstration.                                 --db URL --password MDP
                                  [--nir-key-file FICHIER : créé s'il n'existe pas ;
                                  sans lui, admin.demo et dpo.demo n'ont pas de second facteur]
            (ou BINOME_DEMO_PASSWORD ; sinon un mot de passe est généré et affiché)
            demo --synthetic [--persons 100000] [--users 5000] : mesures de performance
            seulement, dans une base neuve (refusé sinon) : un département synthétique en plus
  user      Comptes : user create --login L --name NOM --role ROLE --org ID
                      user unlock --login L
                      user password --login L
                      user totp-reset --login L   retire la double authentification
                                   (téléphone perdu) et ferme les sessions ; admin et dpo
                                   la réactivent à leur prochaine connexion
            (le mot de passe est lu sur l'entrée standard)
  setup     Référentiel d'une nouvelle installation (avant tout compte administrateur) :
                      setup departement --code 62 --name "Pas-de-Calais"
                      setup territory --departement 62 --name "Territoire de Lens"
                      setup nir-key --file FICHIER
                              crée la clé de chiffrement du NIR (0600), hors de la base
                      setup organisation --name NOM --kind KIND --departement 62
                                         [--territory ID] [--parent ID]
                                         [--contract-start AAAA-MM-JJ --contract-end AAAA-MM-JJ]
                      setup list
            KIND : departement, service_departemental, ft_direction, agence, partenaire
  digest    Récapitulatif « à faire » par courriel (une fois par jour, même à plusieurs
            instances) : nombre d'éléments et lien, jamais de donnée personnelle.
              --base-url URL      adresse de binome pour les liens (ou BINOME_BASE_URL)
              --smtp-host HÔTE --smtp-port 25 --smtp-from ADRESSE [--smtp-user U]
              [--smtp-starttls]   (ou BINOME_SMTP_HOST, _PORT, _FROM, _USER, _STARTTLS ;
                                  mot de passe par BINOME_SMTP_PASSWORD seulement)
              --dry-run           liste les courriels sans rien envoyer
  audit     Journal : audit verify      vérifie la chaîne d'empreintes (code 0 si intègre)
                      audit export [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--person ID]
                                   écrit le CSV sur la sortie standard
  purge     Durées de conservation : supprime les données de suivi et anonymise les
            personnes dont la durée est passée (règles de la convention de chaque personne),
            supprime les fichiers bruts de flux importés il y a plus de 90 jours,
            chaque opération tracée au journal ; « serve » la lance chaque jour.
              --dry-run           liste ce qui partirait et pourquoi, sans rien modifier
              --db URL
  backup    Sauvegarde chiffrée (libsodium secretstream ; clé de 32 octets dans un fichier
            hors de la base, droits 600) : SQLite copiée par VACUUM INTO, PostgreSQL exportée
            table par table par binome lui-même (sans pg_dump).
                      backup --db URL --key-file CLÉ SORTIE
                      backup --new-key CLÉ    crée une clé (le fichier ne doit pas exister)
  restore   Restaure une sauvegarde dans une NOUVELLE base (fichier SQLite absent, ou base
            PostgreSQL sans table) ; tout le fichier est vérifié avant d'écrire quoi que ce
            soit : mauvaise clé ou fichier altéré, rien n'est modifié.
                      restore --db URL --key-file CLÉ SAUVEGARDE
  ressources  Base de ressources sociales au schéma data·inclusion v1 (JSON) :
                      ressources import FICHIER [--departement 62]
                                   valide chaque enregistrement, importe les valides en une
                                   transaction (clé : source + id), liste les rejets ;
                                   code 1 s'il y a des rejets
                      ressources export FICHIER [--departement 62]
                                   écrit les structures et services non archivés
                      --db URL ; sans --departement, le département vient du code INSEE
  communes  Communes du département et leur EPCI (zones d'éligibilité par EPCI) :
                      communes import FICHIER.csv --departement 62
                                   remplace la liste ; en-tête
                                   code_insee;commune;code_postal;siren_epci;epci ;
                                   un fichier avec une erreur ne change rien (code 1)
                      communes export FICHIER.csv --departement 62
                      --db URL
  flows     Flux RSA avec France Travail (PECGM, PECDH, CGPEM ; ISO-8859-1) :
                      flows validate [--json] [--date-traitement AAAA-MM-JJ] FICHIER…
                              contrôle le schéma et les règles F1–F5, R1–R10 de chaque
                              fichier ; --json : un objet JSON par fichier et par ligne
                              (code 0 sans erreur, 1 si un fichier a une erreur, 2 si un
                              fichier est illisible)
                      flows generate [--kind PECGM|PECDH|CGPEM] [--dossiers N]
                                     [--departement D] [--date-reference AAAA-MM-JJ] SORTIE
                              fichier synthétique, identités fictives (essais, mesures)
                      flows import FICHIER [--force] [--date-traitement AAAA-MM-JJ] --db URL
                              PECGM ou PECDH : contrôle, rapprochement des personnes suivies
                              (NIR, identifiant France Travail, puis nom, prénom et date de
                              naissance), situation de demandeur d'emploi et événements
                              (inscription, cessation, radiation, changement de site, entrée
                              ou sortie de la modalité GLO), en une transaction ; un fichier
                              plus ancien que le dernier importé est refusé sans --force
                              --nir-key-file FICHIER (ou BINOME_NIR_KEY_FILE) : le NIR est
                              chiffré ; --flow-files-dir DOSSIER (ou BINOME_FLOW_FILES_DIR) :
                              le fichier brut y est conservé 90 jours, puis purgé
                      flows export cgpem --departement D --date-reference AAAA-MM-JJ
                                         [--nature 06] [--date-traitement AAAA-MM-JJ]
                                         --nir-key-file FICHIER SORTIE --db URL
                              décisions d'orientation en cours (dernière décision OUI),
                              ISO-8859-1, noms en majuscules non accentuées ; le fichier est
                              contrôlé aussitôt écrit
                      flows calendar [--departement D] [--mois N] [--maintenant INSTANT]
                              prochains dépôts : CGPEM au plus tard le 3e vendredi ouvré
                              avant 17 h, PECGM le lundi qui suit le 2e vendredi ouvré
  identite  Client de l'API d'identité (avenant 2024), vers binome ou une passerelle :
                      identite rechercher --base-url URL --nir NIR --nom NOM --prenom P
                                          --naissance AAAA-MM-JJ
                      identite statut --base-url URL --id ID_NATIONAL
                      avec --identifiant LOGIN (mot de passe dans BINOME_IDENTITE_MOT_DE_PASSE)
                      ou --jeton JETON (ou BINOME_IDENTITE_JETON) ; --delai SECONDES
                      (code 0 individu trouvé, 1 aucun ou plusieurs)

Codes de sortie : 0 succès, 1 échec, 2 mauvaise utilisation.
)";
  return 0;
}

}  // namespace binome::cli
