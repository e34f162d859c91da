#!/usr/bin/env python3
"""Generates the test workshop: the seed's one-hour "Café TMNlab" (../shared/seed) as a Palabre plan
and session log, deterministically (no randomness, no clock).

    python3 tests/data/make_workshop.py   # writes the plan to assets/plans/workshop_fr.palabre.json,
                                          # the log to tests/data/workshop_fr.palabre.jsonl

Every figure of the seed report is reproduced: 71 participants; the live challenge won by Gaëlle
Lecart on her 2nd attempt 27 s after the start, 2 people attempting (3 %); the surveys' exact
percentages (counts derived below); open answers and comments with the seed's names and texts; the
ranking order; the 4,3 rating; brainstorms with 46 / 107 / 56 ideas; the live vote 4,2 with 37/71
votes; the 8-page presentation; the 6 messages at their times (Europe/Paris). A quiz and a Q&A are
added so that every activity kind is present. tests/core/workshop_test.cpp checks the figures.
"""
import json
import os
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
PARIS = timezone(timedelta(hours=2))  # 6 Oct 2022 is in summer time (CEST)


def ms(h, m, s=0, day=6):
    return int(datetime(2022, 10, day, h, m, s, tzinfo=PARIS).timestamp() * 1000)


def pct(a, n):  # the engine's rounding: half up, per value
    return (200 * a + n) // (2 * n)


def counts_for(percents, n_max):
    """Largest respondent count n <= n_max and per-choice counts whose rounded percentages are `percents`."""
    for n in range(n_max, 0, -1):
        ranges = [[a for a in range(n + 1) if pct(a, n) == p] for p in percents]

        def dfs(i, rem, acc):
            if i == len(percents):
                return acc if rem == 0 else None
            for a in ranges[i]:
                if a <= rem:
                    r = dfs(i + 1, rem - a, acc + [a])
                    if r:
                        return r
            return None

        found = dfs(0, n, [])
        if found:
            return found
    raise SystemExit(f"no counts for {percents}")


# [SECTION] people ------------------------------------------------------------------------------
SEED_NAMES = [
    "Gaëlle Lecart", "Caroline N. ONB", "Hind Ziani / TDI Mon", "Marion Napoly Arpin", "Eudes Peyre",
    "Izyshow", "Camille Gillet / FDA", "Thibault | Châtelet", "Flavie Berthelot", "Ingrid Gouband",
    "Stève - Th d'Auxerre", "Chrystelou", "Nathalie Dalmasso", "Juliette Opéra Comiq", "Eliane",
    "Solène Breuillard", "Julie", "Elodie Bernelin", "Olivier V.", "claire",
]
FIRST = ["Amélie", "Baptiste", "Céline", "Damien", "Émilie", "François", "Hélène", "Isabelle", "Jérôme",
         "Karine", "Laurent", "Manon", "Nicolas", "Océane", "Pascale", "Quentin", "Raphaëlle", "Sébastien",
         "Thérèse", "Ulysse", "Valérie", "William", "Yasmine", "Zoé", "Agnès", "Bruno", "Chloé", "Denis",
         "Estelle", "Fabien", "Géraldine", "Hugo", "Inès", "Jean-Michel", "Léa", "Mathieu", "Noémie",
         "Patrice", "Romane", "Sophie", "Théo", "Vincent", "Anaïs", "Benoît", "Cécile", "David", "Elsa",
         "Frédéric", "Gwenaëlle", "Julie"]
LAST = ["Moreau", "Lefèvre", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
        "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
        "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis",
        "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas",
        "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Gillet", "Barbier", "Brun",
        "Dumas", "Brunet", "Schmitt", "Leroux"]
STRUCTURES = ["Scène nationale", "Théâtre de la Ville", "CCN", "Opéra", "Maison de la culture", "Le Quai",
              "La Comédie", "Festival", "Compagnie", "Théâtre municipal"]
OTHERS = []
for i in range(50):
    name = f"{FIRST[i]} {LAST[(i * 7) % len(LAST)]}"
    if i % 5 == 2:
        name += f" / {STRUCTURES[i % len(STRUCTURES)]}"
    OTHERS.append(name)
OTHERS[-1] = "Julie"  # two participants named Julie: same name, different people
OTHERS.append("Benjamin F.")
NAMES = SEED_NAMES + OTHERS
assert len(NAMES) == 71, len(NAMES)
IDS = [f"p{i + 3}" for i in range(len(NAMES))]  # h1 = host, k2 = kiosk, p3.. = participants
BY_NAME = {}
for pid, name in zip(IDS, NAMES):
    BY_NAME.setdefault(name, pid)


def who(name):
    return BY_NAME[name]


# [SECTION] plan --------------------------------------------------------------------------------
DESCRIPTION = """Bienvenue dans cet espace de travail Café TMNlab.

Suivez nos instructions et n'hésitez pas à lever la main ou à écrire dans le chat sur Zoom pour prendre la parole !

Les cafés TMNlab : 1h, 1 sujet, 1 fois par mois.

La rentrée a démarré, au sein des lieux la reprise est parfois timide, parfois meilleure qu'avant la crise. La période que nous avons traversée a laissé des traces, fait bouger les lignes. Modification des pratiques culturelles, exploration de nouvelles médiations, révolution en terme de commercialisation, plan national de financement pour favoriser l'innovation et la transition numérique...

Pour ce premier rendez-vous de la saison réservé aux membres adhérents, nous vous proposons d'évoquer ensemble les tendances de cette nouvelle saison :

- au sein de vos lieux, pour un partage d'expérience
- en terme de stratégie numérique nationale et d'innovation technologique
- en terme de développement pour notre communauté

Un compte-rendu complet sera publié sur notre site, en accès réservé aux adhérents."""

FUNDING = ["PIA 4 — Alliance numérique", "France 2030 — Expérience culturelle augmentée",
           "Fonds pour les ICC (Bpifrance)", "Écrans vivants", "Plan de relance — numérisation du patrimoine",
           "Appel à projets Services numériques innovants", "Mondes nouveaux", "Fonds SCAN (DICRéAM)",
           "ONDA — aide à la captation", "Culture immersive et métavers", "Alternatives vertes",
           "Appel à projets Découvrabilité (ROF)"]

WORDS_SEED = ["Réflexion", "débordé / pas le temps de penser", "Possible", "stressante",
              "Stimulante mais également vertigineuse", "Intense", "Encourageant", "Isolé", "trépidante",
              "Incertaine", "flou", "suspension", "Envie", "Adaptation", "flottante"]
WORDS_MORE = ["Rebond", "Fatigue", "Optimiste", "Chargée", "Sereine", "Dense", "Renouveau", "Prudence",
              "Effervescente", "Reprise", "Enthousiaste", "Mitigée", "Curieuse", "Frénétique", "Lente",
              "Timide", "Joyeuse", "Motivée", "Inquiète", "Sportive", "Créative", "Attente", "Chantier",
              "Transition", "Sobriété", "Confiance", "Tendue", "Ouverte", "Contrastée", "Riche", "Espoir"]
WORDS = WORDS_SEED + WORDS_MORE
assert len(WORDS) == 46

WHERE_SEED = [
    "Sur le travail en direct avec les compagnie. Création d'un post de régie son et vidéo en partie dédié.",
    "Médiation", "améliorer l'expérience achat ds spec", "comm + billetterie", "médiation",
    "Au sein du service com",
    "difficile à vraiment définir, j'ai le sentiment que l'on continue de voir le numérique comme qqch de magique, mais aussi de nébuleux, un peu fourre tout",
    "Communication", "Dans la compréhension des outils et enjeux par la direction, plus que par le public.",
    "communication interne (pas encore de façon globale mais au sein de chaque service via des outils collaboratifs)",
    "Au niveau de la direction et d'une grande partie de l'aquipe", "développement des publics",
    "Communication essentiellement, création et lien au public", "médiation", "Mediation", "Communication",
    "accessibilité", "Stratégies digitales efficaces sur les réseaux sociaux",
    "communication - billetterie - conservation archives"]
WHERE_TOPICS = ["Billetterie", "Direction technique", "Relations avec les publics", "Production",
                "Archives et documentation", "Administration", "Service éducatif", "Programmation",
                "Régie vidéo", "Mécénat", "Direction générale", "Accueil"]
WHERE_MORE = []
for i in range(37):
    topic = WHERE_TOPICS[i % len(WHERE_TOPICS)]
    WHERE_MORE.append(topic if i < len(WHERE_TOPICS) else f"{topic} ({['surtout', 'en partie', 'depuis peu'][i % 3]})")
WHERE = WHERE_SEED + WHERE_MORE
assert len(WHERE) == 56

BOARD_CATEGORIES = ["Une communauté apprenante", "Espace de ressources", "Réseau national"]
BOARD_NEEDS = [
    ["Partager des retours d'expérience entre lieux", "Des ateliers pratiques sur les outils",
     "Apprendre des autres métiers du spectacle", "Se former à la sobriété numérique",
     "Des cafés sur la médiation numérique", "Comprendre les enjeux des données",
     "Monter en compétence sur la captation", "Échanger sur la billetterie en ligne",
     "Se former à l'accessibilité numérique", "Découvrir des projets innovants",
     "Des webinaires courts et réguliers", "Un mentorat entre pairs"],
    ["Des fiches pratiques téléchargeables", "Un annuaire des prestataires", "Des études de cas",
     "Les résultats de l'état des lieux", "Une veille partagée", "Des modèles de cahier des charges",
     "Un glossaire du numérique culturel", "Des ressources sur le RGPD", "Une boîte à outils de médiation",
     "Un agenda des appels à projets", "Des tutoriels vidéo", "Des ressources sur la découvrabilité"],
    ["Rompre l'isolement des petites structures", "Faire entendre nos besoins au ministère",
     "Des rencontres en région", "Mutualiser des outils entre lieux", "Un plaidoyer pour les postes numériques",
     "Relier les réseaux professionnels", "Porter des projets en consortium", "Représenter le secteur",
     "Créer des liens avec la recherche", "Coopérer avec le Québec", "Un réseau d'entraide",
     "Valoriser les initiatives locales"],
]
BOARD_IDEAS = []  # (text, category)
suffixes = ["", " — essentiel", " — à développer", " (pour nous)", " — en priorité", " — merci !",
            " — déjà utile", " — à renforcer", " — j'en ai besoin"]
for i in range(107):
    cat = i % 3
    base = BOARD_NEEDS[cat][(i // 3) % 12]
    BOARD_IDEAS.append((base + suffixes[(i // 36) % len(suffixes)], cat))

SURVEY1_Q3 = [
    ("Eudes Peyre", "PIA 4 & découvrabilité"),
    ("Caroline N. ONB", "le PIA et la Découvrabilité via la ROF."),
    ("Izyshow", "Fonds pour les ICC"),
    ("Camille Gillet / FDA", "Numérisation du patrimoine au CCN de Créteil en 2012, 2013 et 2014"),
    ("Thibault | Châtelet", "Spectacle vivant augmenté (Room With A View)"),
    ("Flavie Berthelot", "Balade Sentimentale augmentée - https://www.maisondesmetallos.paris/fr/le-programme/balade-sentimentale-augmentee - Réponse positive"),
    ("Ingrid Gouband", "Nous avons souhaité participer à écrans vivants mais notre projet ne rentrait pas dans le cahier d'espagnole charges."),
]
SURVEY1_Q5 = [
    ("Eudes Peyre", "Eco-conception web"),
    ("Stève - Th d'Auxerre", "www.artdessens.org est un site du Théâtre d'Auxerre dont l'objectif est de permettre de préparer ou prolonger l'expérience théâtrale ; une offre de contenus numériques inédite qui donne un accès aux différentes composantes du spectacle vivant."),
    ("Chrystelou", "En cours de développement"),
    ("Camille Gillet / FDA", "Développement de la politique audiovisuelle depuis 2020 Refonte site, production de captations... Financement ONDA obtenu en 2022"),
    ("Nathalie Dalmasso", "Programme de numérisation et de valorisation des contenus culturels - Appel à projet"),
    ("Flavie Berthelot", "Poursuite du développement du projet Hub Métallos avec une refonte du dispositif"),
    ("Juliette Opéra Comiq", "NFT, eco responsabilité, accessibilité, outil pédagogique son 3D"),
    ("Ingrid Gouband", "Nous souhaitons valoriser numériquement des vidéos de danse réalisées en interne."),
    ("Eliane", "Écran vivant"),
]
SURVEY2_COMMENTS = [
    ("Solène Breuillard", 4, "Je ne connais pas le site, c'est la première fois que j'y accède"),
    ("Julie", 4, "Le site est plus ergonomique, intuitif. J'apprécie vraiment les ressources que l'on peut y trouver. En revanche je le trouve encore très dense, manque un peu d'épuration qui favoriserait la visibilité de certaines infos..."),
    ("Eliane", 4, "Le système de passer sur les photos pour avoir le contenu de la ressource n'est pas très aidant pour avoir une vision globale et s'y retrouver facilement. Mais c'est très riche et ça se sent !"),
    ("Nathalie Dalmasso", 5, "Clair et dynamique ! contenus mis en valeur avec davantage de visuels. A voir comment il sert l'animation de la communauté et l'interaction avec elle."),
    ("Elodie Bernelin", 3, "je ne connais pas l'ancienne version"),
    ("Caroline N. ONB", 5, "top bravo !"),
    ("Olivier V.", 5, "Site beaucoup plus clair, plus lisible. Toujours aussi fourni mais on s'y retrouve plus aisément."),
    ("claire", 5, "Beaucoup plus intuitif et lisible. Bravo !"),
    ("Ingrid Gouband", 5, "Je n'ai pas assez navigué pour avoir un avis pertinent. Mais je vous mets toutes les étoiles parce que je suis sûre qu'il a été parfaitement pensé."),
]
RANKING_ITEMS = ["newsletter TMNlab (Sendinblue)", "mailing list communaute-adh@tmnlab.com",
                 "directement sur le site Internet", "page Facebook", "page LinkedIn", "groupe privé Facebook",
                 "compte Twitter"]
MESSAGES = [
    ("Gaëlle Lecart", (10, 6, 3), "Découverte de Klaxoon. Ravie. Retour sur le fonctionnement de TMNLab = nécessaire pour ma part. Merci."),
    ("Caroline N. ONB", (10, 6, 35), "je viens de voter 3 fois c'est normal ? ou c'est juste la rectification du vote ?"),
    ("Caroline N. ONB", (10, 7, 30), "merci pour ce café. je découvre klaxoon. je suis un peu mitigée du fait du cumul des outils, mais c'est fun."),
    ("Hind Ziani / TDI Mon", (10, 8, 25), "Premier café TMNlab pour moi. Merci pour les découvertes, notamment celle de Klaxoon et du fonctionnement du TMNlab."),
    ("Caroline N. ONB", (10, 8, 29), "ah non c'est bon. ça change pas le total de votes :)"),
    ("Marion Napoly Arpin", (10, 10, 47), "passer du zoom au klaxoon demande au début une petite gymnastique. Mais c'est bien d'avoir essayé (et finalement, on s'y fait:)"),
]

PAGES = [
    ("Une communauté apprenante pour les lieux de spectacle vivant",
     "840 membres depuis 2013\nUn espace ressource en ligne, collaboratif et ouvert\n2 études et 300 articles sur tmnlab.com\nUn réseau national pour penser les lieux de demain à l'ère numérique"),
    ("Un réseau professionnel mature et situé",
     "2013 — Création d'une communauté informelle autour d'un constat partagé\n2014 — Création de l'association et précision du champ d'action\n2015-2016 — Du constat au diagnostic : Etat des lieux du numérique dans les théâtres en France\n2020 — Création d'un poste de chef de projet Communauté : piloter la croissance du réseau et participer à une réflexion stratégique\n2021 — Réactualiser et augmenter le diagnostic : Etat des lieux du numérique dans le spectacle vivant et les arts visuels\n2022"),
    ("tmnlab.com",
     "plus de 800 professionnel.le.s du spectacle vivant\ndes ressources ouvertes, une plateforme collaborative\ndes événements pour échanger, partager, faire\nun réseau national pour penser les lieux de demain"),
    ("Acteur d'une (r)évolution nécessaire pour l'accompagnement d'une politique culturelle numérique concertée",
     "Constats\n- une transformation numérique de la société et des pratiques culturelles\n- une forte pression sur le secteur culturel conjuguée à un désengagement professionnel\n- crise des valeurs renforcée par deux années difficiles\n- déconnexion des porteurs de projets et des structures de diffusion\n\nEnjeux sociaux\n- accès à la culture modifiés par la révolution numérique\n- nécessaire \"politisation\" de la question du numérique culturel\n- illettrisme au sein même du secteur professionnel\n- risques psychosociaux\n- refondation du rôle des institutions dans leurs territoires physiques et numériques\n\nEnjeux juridiques et économiques\n- évolution des modèles d'organisation des institutions\n- baisse et/ou redirections des financements publics\n- augmentation des coûts notamment liés aux compétences et à la transition écologique\n- structuration de la filière pour la diffusion en ligne et la création hybride"),
    ("À l'intersection de trois enjeux",
     "Création\nValorisation et connaissance de la création (découvrabilité)\nProduction et médiation des oeuvres dans une époque numérique\nHybridation de la création\n\nPublics\nObservation des pratiques culturelles hybrides\nAncrage dans les territoires (numérique situé)\nDroits culturels et transformation numérique\n\nNumérique\nDécouvrabilités des données et contenus culturels\nSobriété numérique\nTransformation des organisations, mutualisation\nDonnées personnelles et nouvelles pratiques"),
    ("Plan de développement — 2022",
     "Lancement d'un chantier Emplois et compétence d'avenir en consortium (PIA)\nRéécriture de la gouvernance de l'association\nElargissement du Conseil d'administration\nStructuration d'une offre de formation et d'accompagnement sur mesure"),
    ("Plan de développement — 2023",
     "Déploiement du diagnostic Emploi et compétences d'avenir (PIA)\net organisation d'une rencontre professionnelle dédiée de restitution (estimée juin 2023)\nLancement d'un chantier Découvrabilité et usages des données (diagnostic, benchmark, codesign) en collaboration avec le Québec et le Royaume-Uni (lancement en février 2023)\nOrganisation d'un hackathon avec l'enseignement supérieur (automne 2023)\nRecherche autour des expériences augmentées du spectacle vivant\nRenforcement de l'animation de la communauté de pratique et développement d'un modèle holocratique"),
    ("Avenir",
     "Maintien et développement des activités associatives :\nAnimation de la communauté apprenante formée par les professionnels de la culture\nAteliers d'idéation et démarche de codesign\nLogique d'observatoire permanent\nPublications ouvertes\n\nDéveloppement des activités d'accompagnement :\nÀ approfondir d'après les phases 2023\nRecherche et développement dans le cadre d'appels à projet\nFormation & conseil aux structures, artistes, producteurs, collectivités\nDéveloppement coopératif de services numériques intégrant les enjeux de découvrabilité, médiation, de valorisation de la création et de transition écologique\nAMO (assistance à maîtrise d'ouvrage)\nOrganisation d'événements professionnels et conférences (hors TMNlab)"),
]

QUIZ = [
    ("En quelle année l'association TMNlab a-t-elle été créée ?", ["2013", "2014", "2016", "2020"], [1]),
    ("Combien de membres compte la communauté ?", ["environ 300", "environ 500", "plus de 800", "plus de 2000"], [2]),
    ("Quels sujets font partie des enjeux « Numérique » ?", ["Sobriété numérique", "Billetterie papier", "Données personnelles", "Fax"], [0, 2]),
]

ACTIVITIES = [
    {"kind": "challenge", "title": "A quelle date la feuille de route a-t-elle été publiée sur tmnlab.com ?",
     "hint": "(jj/mm/aaaa)", "answers": ["26/09/2022", "26-09-2022"]},
    {"kind": "survey", "title": "Notoriété des dispositifs de financement récent et/ou en cours", "questions": [
        {"kind": "multiple", "text": "De quels dispositifs de soutien à l'innovation numérique dans le spectacle vivant avez-vous connaissance ?",
         "hint": "Peu importe votre niveau de connaissance, cochez les cases quand vous savez que le dispositif existe.",
         "choices": FUNDING},
        {"kind": "single", "text": "Avez-vous candidaté à l'un de ces dispositifs ?", "choices": ["oui", "non"]},
        {"kind": "open", "text": "Si oui, pouvez-vous préciser ?",
         "hint": "Nom du dispositif sollicité, nom et nature du projet déposé, partenaires, réponse reçue, date de lancement si réponse positive"},
        {"kind": "single", "text": "En dehors des dispositifs cités, avez-vous mené récemment ou prévoyez-vous de mener une action innovante en matière de numérique ?",
         "choices": ["oui", "non"]},
        {"kind": "open", "text": "Si oui, pouvez-vous préciser ?"},
    ]},
    {"kind": "brainstorm", "title": "Dans ce contexte, un mot pour définir votre rentrée ?", "categories": []},
    {"kind": "board", "title": "Votre rapport au (et l'apport du) TMNlab",
     "hint": "Ajoutez des post-it classés dans les trois grandes catégories définissant la communauté : communauté apprenante, espace de ressources, réseau national. Dites nous ce dont vous avez besoin, ce que le réseau vous apporte, ce que vous pouvez apporter autour des enjeux qui nous rassemblent.",
     "categories": BOARD_CATEGORIES},
    {"kind": "brainstorm", "title": "Au sein de votre structure, où les enjeux numériques sont-ils portés ?", "categories": []},
    {"kind": "survey", "title": "Votre usage sur tmnlab.com...", "questions": [
        {"kind": "single", "text": "Quand avez-vous mis à jour votre profil pour la dernière fois ?",
         "choices": ["ce mois ci", "cette année", "jamais depuis mon inscription"]},
        {"kind": "single", "text": "Avez vous mis une photo de profil ?",
         "choices": ["non et jamais de la vie", "non mais promis je le fais très vite", "oui mais elle est bien vieille", "oui et elle est récente"]},
        {"kind": "single", "text": "Avez-vous mis une bannière ?",
         "choices": ["oui", "non mais promis je le fais très vite", "non et dans le fond ça sert juste à faire beau ?"]},
        {"kind": "single", "text": "Avez vous déjà publié des contenus sur tmnlab.com (articles, événements) ?",
         "choices": ["oui", "non mais je sais que je peux le faire", "non et je ne savais pas que je pouvais le faire"]},
        {"kind": "ranking", "text": "Comment suivez-vous l'actualité du TMNlab ? (classez du plus utilisé au moins utilisé)",
         "hint": "Ordonnez les propositions de la plus utilisée à la moins utilisée",
         # Listed in a different order than the result, so that the ranking is really computed.
         "choices": [RANKING_ITEMS[i] for i in (3, 0, 6, 2, 5, 1, 4)]},
        {"kind": "rating", "text": "Que pensez-vous de la nouvelle version du site ?", "scale": 5, "comment": True},
    ]},
    {"kind": "rating", "title": "Donnez-nous votre avis sur ce Café !", "scale": 5},
    {"kind": "presentation", "title": "Développement TMNlab",
     "pages": [{"title": t, "text": x} for t, x in PAGES]},
    {"kind": "quiz", "title": "Quiz : connaissez-vous le TMNlab ?",
     "questions": [{"text": t, "choices": c, "correct": k, "limit_s": 20} for t, c, k in QUIZ]},
    {"kind": "qna", "title": "Vos questions à l'équipe du TMNlab"},
]

PLAN = {
    "format": "palabre-plan", "version": 1,
    "session": {
        "title": "Café TMNlab | Stratégie numérique culturelle : tendances de la rentrée et perspectives 2023",
        "host": "Anne Le Gall", "date": "2022-10-05", "description": DESCRIPTION, "locale": "fr",
        "timezone": "Europe/Paris",
    },
    "activities": ACTIVITIES,
}


# [SECTION] log ---------------------------------------------------------------------------------
class Log:
    def __init__(self, created):
        self.lines = [json.dumps({"format": "palabre-log", "version": 1, "room": "TMN522", "created": created},
                                 ensure_ascii=False, separators=(",", ":"))]
        self.seq = 0
        self.now = created

    def emit(self, at, frm, role, ev, vis=None):
        assert at >= self.now, (at, self.now, ev)
        self.now = at
        self.seq += 1
        staff = ev["type"] in ("challenge.attempt", "quiz.answer", "survey.answer", "idea.like", "idea.dot",
                               "rating.vote", "qna.upvote")
        env = {"seq": self.seq, "at": at, "from": frm, "role": role,
               "vis": vis or ("staff" if staff else "public"), "ev": ev}
        self.lines.append(json.dumps(env, ensure_ascii=False, separators=(",", ":")))
        return self.seq

    def host(self, at, ev):
        return self.emit(at, "h1", "host", ev)

    def p(self, at, name_or_id, ev):
        pid = name_or_id if name_or_id.startswith("p") and name_or_id[1:].isdigit() else who(name_or_id)
        return self.emit(at, pid, "participant", ev)


def spread(start, end, n):
    """n instants evenly spread in [start, end)."""
    return [start + (end - start) * i // max(n, 1) for i in range(n)]


def build_log():
    log = Log(ms(8, 55))
    log.emit(ms(8, 55, 1), "relay", "relay", {"type": "presence", "who": "h1", "online": True})
    session = dict(PLAN["session"])
    log.host(ms(8, 55, 2), {"type": "session.configure", **session})
    ids = [log.host(ms(8, 55, 3 + i), {"type": "activity.add", "activity": a}) for i, a in enumerate(ACTIVITIES)]
    challenge, survey1, words, board, where, survey2, vote, pres, quiz, qna = ids
    log.emit(ms(8, 56, 0), "relay", "relay", {"type": "presence", "who": "k2", "online": True})

    # Joins 08:57–09:02; Caroline first joins as "Caroline" and renames herself.
    for t, (pid, name) in zip(spread(ms(8, 57), ms(9, 2), len(IDS)), zip(IDS, NAMES)):
        log.emit(t, "relay", "relay", {"type": "presence", "who": pid, "online": True})
        log.emit(t + 400, pid, "participant", {"type": "participant.join", "name": "Caroline" if name == "Caroline N. ONB" else name})
    log.p(ms(9, 2, 30), "Caroline N. ONB", {"type": "participant.rename", "name": "Caroline N. ONB"})

    # Live challenge: 09:03:00 start; a wrong try, Gaëlle's wrong then right try 27 s after start.
    t0 = ms(9, 3, 0)
    log.host(t0, {"type": "activity.start", "id": challenge})
    log.p(t0 + 9000, "Olivier V.", {"type": "challenge.attempt", "activity": challenge, "text": "19/09/2022"})
    log.p(t0 + 15000, "Gaëlle Lecart", {"type": "challenge.attempt", "activity": challenge, "text": "26/09/22"})
    log.p(t0 + 27000, "Gaëlle Lecart", {"type": "challenge.attempt", "activity": challenge, "text": " 26/09/2022 "})
    # Arrives after the win: the engine rejects it (challenge_won); the figures ignore it.
    log.p(t0 + 27400, "Olivier V.", {"type": "challenge.attempt", "activity": challenge, "text": "26/09/2022"})
    log.host(t0 + 40000, {"type": "activity.reveal", "id": challenge, "revealed": True})

    # Survey 1, 09:05–09:15: 50 respondents.
    log.host(ms(9, 5), {"type": "activity.start", "id": survey1})
    named = [n for n, _ in SURVEY1_Q3] + [n for n, _ in SURVEY1_Q5]
    respondents1 = []
    for n in named + NAMES:
        if who(n) not in respondents1:
            respondents1.append(who(n))
        if len(respondents1) == 50:
            break
    times = iter(spread(ms(9, 5, 10), ms(9, 14, 50), 50 * 5))
    q3 = {who(n): text for n, text in SURVEY1_Q3}
    q5 = {who(n): text for n, text in SURVEY1_Q5}
    for i, pid in enumerate(respondents1):
        known = sorted({(i * 5 + k * 7) % 12 for k in range(1 + i % 5)})
        log.p(next(times), pid, {"type": "survey.answer", "activity": survey1, "question": 0, "choices": known})
        if i < 46:
            applied = pid in q3 or i % 4 == 0
            log.p(next(times), pid, {"type": "survey.answer", "activity": survey1, "question": 1, "choices": [0 if applied else 1]})
        if pid in q3:
            log.p(next(times), pid, {"type": "survey.answer", "activity": survey1, "question": 2, "text": q3[pid]})
        if i < 44:
            innovating = pid in q5 or i % 3 == 0
            log.p(next(times), pid, {"type": "survey.answer", "activity": survey1, "question": 3, "choices": [0 if innovating else 1]})
        if pid in q5:
            log.p(next(times), pid, {"type": "survey.answer", "activity": survey1, "question": 4, "text": q5[pid]})
    log.host(ms(9, 15), {"type": "activity.stop", "id": survey1})
    log.host(ms(9, 15, 5), {"type": "activity.reveal", "id": survey1, "revealed": True})

    # One word for the start of the season: 46 ideas, no likes (as in the seed).
    log.host(ms(9, 16), {"type": "activity.start", "id": words})
    for k, (t, word) in enumerate(zip(spread(ms(9, 16, 5), ms(9, 19), 46), WORDS)):
        log.p(t, IDS[(k * 3) % len(IDS)], {"type": "idea.post", "activity": words, "text": word})
    log.host(ms(9, 19, 30), {"type": "activity.stop", "id": words})

    # Board: 107 post-its from all 71 participants, in 3 zones; some moved; a few likes.
    log.host(ms(9, 20), {"type": "activity.start", "id": board})
    board_ideas = []
    colors = ["yellow", "pink", "blue", "green"]
    for k, (t, (text, cat)) in enumerate(zip(spread(ms(9, 20, 5), ms(9, 32), 107), BOARD_IDEAS)):
        pid = IDS[k % len(IDS)]
        x = 400 + cat * 3300 + (k * 137) % 2500
        y = 1500 + (k * 389) % 8000
        seq = log.p(t, pid, {"type": "idea.post", "activity": board, "text": text, "category": cat, "x": x, "y": y,
                             "color": colors[k % 4]})
        board_ideas.append((seq, pid, cat))
    for k in range(6):  # authors tidy their post-its
        seq, pid, cat = board_ideas[k]
        log.p(ms(9, 32, 10 + k), pid, {"type": "idea.move", "activity": board, "id": seq, "x": 500 + cat * 3300, "y": 1200 + 300 * k, "category": cat})
    for k in range(24):  # likes on the first ideas of each zone
        seq, author, cat = board_ideas[k % 9]
        liker = IDS[(k * 5 + 11) % len(IDS)]
        if liker != author:
            log.p(ms(9, 32, 30) + k * 500, liker, {"type": "idea.like", "activity": board, "id": seq, "liked": True})
    log.host(ms(9, 33), {"type": "board.lock", "activity": board, "locked": True})
    log.host(ms(9, 33, 5), {"type": "activity.stop", "id": board})

    # Where are digital matters carried in your organisation? 56 ideas (+1 posted and withdrawn,
    # +1 hidden by the host: neither counts).
    log.host(ms(9, 34), {"type": "activity.start", "id": where})
    for k, (t, text) in enumerate(zip(spread(ms(9, 34, 5), ms(9, 40), 56), WHERE)):
        log.p(t, IDS[(k * 5 + 1) % len(IDS)], {"type": "idea.post", "activity": where, "text": text})
    oops = log.p(ms(9, 40, 10), IDS[2], {"type": "idea.post", "activity": where, "text": "test"})
    log.p(ms(9, 40, 15), IDS[2], {"type": "idea.delete", "activity": where, "id": oops})
    spam = log.p(ms(9, 40, 20), IDS[4], {"type": "idea.post", "activity": where, "text": "pub : achetez mon logiciel"})
    log.host(ms(9, 40, 30), {"type": "item.hide", "activity": where, "item": spam, "hidden": True})
    log.host(ms(9, 41), {"type": "activity.stop", "id": where})

    # Survey 2, 09:42–09:52: 48 respondents, the seed's percentages.
    log.host(ms(9, 42), {"type": "activity.start", "id": survey2})
    commenters = [who(n) for n, _, _ in SURVEY2_COMMENTS]
    respondents2 = list(commenters)
    for pid in reversed(IDS):
        if len(respondents2) == 48:
            break
        if pid not in respondents2:
            respondents2.append(pid)
    single = [([36, 28, 36], 0), ([9, 56, 16, 20], 1), ([7, 39, 55], 2), ([7, 41, 52], 3)]
    plans = []  # (question, pid, answer)
    for percents, q in single:
        counts = counts_for(percents, 48)
        order = respondents2[q * 5:] + respondents2[:q * 5]  # a different subset answers each question
        k = 0
        for choice, c in enumerate(counts):
            for _ in range(c):
                plans.append((q, order[k], {"choices": [choice]}))
                k += 1
    # Ranking: everyone ranks around the seed's order, with balanced swaps, so Borda gives that order.
    listed = ACTIVITIES[5]["questions"][4]["choices"]
    for i, pid in enumerate(respondents2[:40]):
        order = list(RANKING_ITEMS)
        j = i % 6
        if i % 3 == 0:
            order[j], order[j + 1] = order[j + 1], order[j]
        plans.append((4, pid, {"choices": [listed.index(item) for item in order]}))
    # Rating with comments: 30 ratings, average 4.3 (129 stars).
    stars = {pid: s for pid, (_, s, _) in zip(commenters, SURVEY2_COMMENTS)}
    comments = {who(n): c for n, _, c in SURVEY2_COMMENTS}
    others = [pid for pid in respondents2 if pid not in stars][:21]
    remaining = 129 - sum(stars.values())
    for k, pid in enumerate(others):
        s = 5 if k < remaining - 4 * len(others) else 4
        stars[pid] = s
    assert sum(stars.values()) == 129 and len(stars) == 30, (sum(stars.values()), len(stars))
    for pid, s in stars.items():
        a = {"stars": s}
        if pid in comments:
            a["comment"] = comments[pid]
        plans.append((5, pid, a))
    # Interleave by respondent so the log reads like people answering page by page.
    plans.sort(key=lambda x: (respondents2.index(x[1]), x[0]))
    for t, (q, pid, a) in zip(spread(ms(9, 42, 10), ms(9, 51, 40), len(plans)), plans):
        log.p(t, pid, {"type": "survey.answer", "activity": survey2, "question": q, **a})
    log.host(ms(9, 52), {"type": "activity.stop", "id": survey2})
    log.host(ms(9, 52, 5), {"type": "activity.reveal", "id": survey2, "revealed": True})

    # Presentation 09:53–09:58: 8 pages.
    log.host(ms(9, 53), {"type": "activity.start", "id": pres})
    for page in range(1, 8):
        log.host(ms(9, 53) + page * 40000, {"type": "presentation.goto", "activity": pres, "page": page})

    log.host(ms(9, 57, 55), {"type": "activity.stop", "id": pres})

    # Quiz 09:58–10:00: 3 questions of 20 s, 12 players.
    log.host(ms(9, 58), {"type": "activity.start", "id": quiz})
    players = IDS[20:32]
    for qi, (_, _, correct) in enumerate(QUIZ):
        shown = ms(9, 58) + qi * 40000
        if qi:
            log.host(shown, {"type": "quiz.next", "activity": quiz})
        for k, pid in enumerate(players):
            right = (k + qi) % 4 != 0
            choice = correct if right else [c for c in range(4) if c not in correct][:1]
            late = k == 11 and qi == 2  # answers after the 20 s: refused (time_over)
            log.p(shown + (22000 if late else 2000 + k * 1500), pid, {"type": "quiz.answer", "activity": quiz, "question": qi, "choices": choice})
    log.host(ms(10, 0, 10), {"type": "activity.stop", "id": quiz})
    log.host(ms(10, 0, 12), {"type": "activity.reveal", "id": quiz, "revealed": True})

    # Live vote 10:01–10:05: 37 votes, average 4.2 (155 stars); Caroline votes 3 times.
    log.host(ms(10, 1), {"type": "activity.start", "id": vote})
    voters = IDS[:37]
    vote_stars = [5] * 14 + [4] * 16 + [3] * 7
    assert sum(vote_stars) == 155 and len(vote_stars) == 37
    for t, pid, s in zip(spread(ms(10, 1, 5), ms(10, 5), 37), voters, vote_stars):
        log.p(t, pid, {"type": "rating.vote", "activity": vote, "stars": s})

    # Q&A alongside the vote, then the chat at the seed's times.
    log.host(ms(10, 5, 10), {"type": "activity.start", "id": qna})
    asked = []
    for k, text in enumerate(["Le compte-rendu sera-t-il envoyé à tous les participants ?",
                              "Quand aura lieu le prochain café ?",
                              "Comment rejoindre le groupe de travail découvrabilité ?",
                              "Les adhésions 2023 incluent-elles les formations ?",
                              "lien vers mon site perso"]):
        asked.append(log.p(ms(10, 5, 20) + k * 3000, IDS[40 + k], {"type": "qna.ask", "activity": qna, "text": text}))
    for k in range(14):
        log.p(ms(10, 5, 40) + k * 700, IDS[50 + k], {"type": "qna.upvote", "activity": qna, "id": asked[k % 3 if k < 12 else 3], "upvoted": True})
    log.host(ms(10, 5, 55), {"type": "item.hide", "activity": qna, "item": asked[4], "hidden": True})

    msg_iter = iter(MESSAGES)
    name, (h, m, s), text = next(msg_iter)
    log.p(ms(h, m, s), name, {"type": "chat.post", "text": text})
    # Caroline changes her vote twice (3 votes in all), which never changes the vote count.
    log.p(ms(10, 6, 20), "Caroline N. ONB", {"type": "rating.vote", "activity": vote, "stars": 3})
    log.p(ms(10, 6, 30), "Caroline N. ONB", {"type": "rating.vote", "activity": vote, "stars": 5})
    for name, (h, m, s), text in msg_iter:
        log.p(ms(h, m, s), name, {"type": "chat.post", "text": text})
        if (h, m, s) == (10, 7, 30):
            log.host(ms(10, 7, 40), {"type": "qna.mark", "activity": qna, "id": asked[0], "answered": True})
            log.host(ms(10, 7, 50), {"type": "qna.mark", "activity": qna, "id": asked[1], "answered": True})
    log.host(ms(10, 11), {"type": "activity.stop", "id": vote})
    log.host(ms(10, 11, 2), {"type": "activity.stop", "id": qna})
    log.host(ms(10, 11, 5), {"type": "activity.reveal", "id": vote, "revealed": True})
    log.emit(ms(10, 12), "relay", "relay", {"type": "presence", "who": "h1", "online": False})
    return log


def main():
    # Caroline first votes 5 (she is among the first 14 voters) and ends on 5 after changing twice,
    # so the average stays 4.2 — fail loudly rather than ship a wrong fixture.
    assert IDS.index(who("Caroline N. ONB")) < 14
    log = build_log()
    plan_text = json.dumps(PLAN, ensure_ascii=False, indent=2) + "\n"
    log_text = "\n".join(log.lines) + "\n"
    plans = os.path.join(HERE, "..", "..", "assets", "plans")  # the sample plan ships with the app
    for path, text in ((os.path.join(plans, "workshop_fr.palabre.json"), plan_text),
                       (os.path.join(HERE, "workshop_fr.palabre.jsonl"), log_text)):
        name = os.path.basename(path)
        data = text.encode("utf-8")
        assert len(data) < 1024 * 1024, (name, len(data))
        with open(path, "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")
    print(f"{log.seq} envelopes")


if __name__ == "__main__":
    main()
