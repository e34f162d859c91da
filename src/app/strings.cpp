#include "app/strings.hpp"

#include <array>

namespace palabre::app {
namespace {

struct Entry { const char* fr; const char* en; };

// Indexed by S; order must follow the enum (a native test checks every entry is filled).
constexpr std::array<Entry, static_cast<std::size_t>(S::count_)> catalogue = {{
    {"Des ateliers vivants, dans le navigateur", "Live workshops, in the browser"},
    {"Rejoindre une session", "Join a session"},
    {"Code de la session", "Session code"},
    {"ex. K7MP4Q", "e.g. K7MP4Q"},
    {"Rejoindre", "Join"},
    {"Animer une session", "Host a session"},
    {"Créez une salle, partagez le code ou le QR code, et suivez les messages en direct.",
     "Create a room, share the code or the QR code, and follow the messages live."},
    {"Créer la session", "Create the session"},
    {"Création…", "Creating…"},
    {"Inviter", "Invite"},
    {"Code", "Code"},
    {"Copier le lien", "Copy the link"},
    {"Lien écran", "Screen link"},
    {"Copier", "Copy"},
    {"Copié", "Copied"},
    {"Ouvrir", "Open"},
    {"Messages", "Messages"},
    {"Les messages des participants apparaîtront ici.", "Participants’ messages will appear here."},
    {"Masquer", "Hide"},
    {"Afficher", "Show"},
    {"masqué", "hidden"},
    {"Participants", "Participants"},
    {"Personne pour l’instant", "Nobody yet"},
    {"Scannez pour rejoindre", "Scan to join"},
    {"Bienvenue !", "Welcome!"},
    {"Votre nom", "Your name"},
    {"Prénom Nom", "First Last"},
    {"Entrer", "Enter"},
    {"Connexion…", "Connecting…"},
    {"Messages", "Messages"},
    {"Écrire un message…", "Write a message…"},
    {"Envoyer", "Send"},
    {"Soyez le premier à écrire.", "Be the first to write."},
    {"envoi…", "sending…"},
    {"vous", "you"},
    {"Rejoignez sur", "Join at"},
    {"En attente des messages…", "Waiting for messages…"},
    {"Messages", "Messages"},
    {"En ligne", "Online"},
    {"Connexion…", "Connecting…"},
    {"Hors ligne — reconnexion", "Offline — reconnecting"},
    {"Cette session n’existe pas ou plus.", "This session does not exist (any more)."},
    {"Une erreur est survenue :", "Something went wrong:"},
    {"La session est terminée.", "The session has ended."},
    {"participant", "participant"},
    {"participants", "participants"},
    {"English", "Français"},
    {"Activité", "Activity"},
    {"Messages", "Messages"},
    {"En attente de l’animateur…", "Waiting for the host…"},
    {"L’activité s’affichera ici dès son lancement.", "The activity will show here as soon as it starts."},
    {"Activités", "Activities"},
    {"Aucune activité. Ajoutez-en une ou chargez un plan.", "No activity yet. Add one or load a plan."},
    {"Charger un plan", "Load a plan"},
    {"Ajouter", "Add"},
    {"Question ou titre", "Question or title"},
    {"ex. Quel est votre objectif ?", "e.g. What is your goal?"},
    {"Choix (séparés par ;)", "Choices (separated by ;)"},
    {"Oui ; Non ; *Bonne réponse (quiz)", "Yes ; No ; *Right answer (quiz)"},
    {"Créer l’activité", "Create the activity"},
    {"Annuler", "Cancel"},
    {"Lancer", "Start"},
    {"Arrêter", "Stop"},
    {"Rouvrir", "Reopen"},
    {"Montrer les résultats", "Show results"},
    {"Cacher les résultats", "Hide results"},
    {"Question suivante", "Next question"},
    {"Précédente", "Previous"},
    {"Suivante", "Next"},
    {"prête", "ready"},
    {"en cours", "live"},
    {"terminée", "ended"},
    {"Défi", "Challenge"},
    {"Quiz", "Quiz"},
    {"Sondage", "Survey"},
    {"Brainstorming", "Brainstorm"},
    {"Tableau", "Board"},
    {"Vote", "Live vote"},
    {"Questions", "Q&A"},
    {"Présentation", "Presentation"},
    {"Votre réponse…", "Your answer…"},
    {"Envoyer", "Send"},
    {"Réponse envoyée", "Answer sent"},
    {"Bonne réponse !", "Right answer!"},
    {"Pas tout à fait… essayez encore", "Not quite… try again"},
    {"Gagné par", "Won by"},
    {"tentatives", "attempts"},
    {"participation", "participation"},
    {"s", "s"},
    {"votes", "votes"},
    {"réponses", "answers"},
    {"idées", "ideas"},
    {"Votre idée…", "Your idea…"},
    {"Publier", "Post"},
    {"Votre question…", "Your question…"},
    {"Poser", "Ask"},
    {"répondu", "answered"},
    {"Répondu", "Answered"},
    {"Classement", "Leaderboard"},
    {"pts", "pts"},
    {"restantes", "left"},
    {"Touchez les éléments dans l’ordre de préférence", "Tap the items in order of preference"},
    {"Recommencer", "Start over"},
    {"Un commentaire ? (facultatif)", "A comment? (optional)"},
    {"moyenne", "average"},
    {"Pas encore de réponse", "No answers yet"},
    {"Journal", "Log"},
    {"Plan refusé :", "Plan refused:"},
    {"Les résultats s’afficheront quand l’animateur les montrera.", "Results will show when the host reveals them."},
    {"Page", "Page"},
    {"à l’écran", "on screen"},
    {"Nuage de mots", "Word cloud"},
    {"Question", "Question"},
    {"participants", "participants"},
}};

Lang current = Lang::fr;

}  // namespace

void set_lang(Lang lang) { current = lang; }
Lang lang() { return current; }

const char* tr(S s, Lang lang) {
  const Entry& e = catalogue[static_cast<std::size_t>(s)];
  return lang == Lang::fr ? e.fr : e.en;
}

const char* tr(S s) { return tr(s, current); }

}  // namespace palabre::app
