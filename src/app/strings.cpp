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
    {"Lien de l’écran", "Screen link"},
    {"Copier", "Copy"},
    {"Copié", "Copied"},
    {"Ouvrir l’écran", "Open the screen"},
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
