//! A generator of realistic synthetic proposals, for benchmarks and property tests:
//! ideas about partnership conditions, each said in several ways, typed the way a
//! facilitator types flipcharts (capitals, missing accents, « !! », abbreviations,
//! prefixes like « Que… » or « Il faut… »). Deterministic for a given seed.

use chrono::{TimeZone, Utc};

use crate::domain::{Family, Kind, Session};

/// Ideas, each with a few ways of saying it.
const IDEAS: &[&[&str]] = &[
    &[
        "Respect de notre mission",
        "Le projet doit respecter nos valeurs",
        "En accord avec notre mission et nos pratiques",
    ],
    &["Participation volontaire", "Ne pas être forcés de participer", "Liberté de se retirer du partenariat"],
    &["Des avantages clairs pour l'organisme", "Quels gains pour nous?", "Valeur ajoutée pour nos membres"],
    &["Des objectifs communs", "Un but commun entre partenaires", "Une vision partagée du projet"],
    &["Transparence entre partenaires", "Aucun agenda caché", "Franchise et honnêteté dans les échanges"],
    &["Climat de confiance", "Écoute et respect mutuel", "Pouvoir exprimer son point de vue"],
    &["Coconstruction du projet", "Être impliqués en amont", "Participer aux décisions dès le début"],
    &[
        "Entente écrite entre partenaires",
        "Un protocole d'entente signé",
        "Un contrat qui précise les engagements",
    ],
    &[
        "Reconnaître nos limites",
        "Tenir compte de nos ressources limitées",
        "Notre petite équipe a une capacité limitée",
    ],
    &["Respect de notre autonomie", "Pas d'ingérence dans nos affaires", "Ne pas nous instrumentaliser"],
    &["Rapports égalitaires", "Des pouvoirs comparables", "Relation d'égal à égal entre partenaires"],
    &["Financement à la mission", "Du financement récurrent", "Fini le financement par projet"],
    &["Alléger la reddition de comptes", "Moins de bureaucratie", "Simplifier les formulaires"],
    &["Clarifier les rôles et responsabilités", "Qui fait quoi dans le projet", "Partage des tâches clair"],
    &["Un mécanisme de suivi", "Comptes rendus de chaque rencontre", "Faire le suivi des décisions"],
    &[
        "Respecter nos processus démocratiques",
        "Laisser le temps à notre CA de décider",
        "Délais raisonnables pour consulter l'AGA",
    ],
    &[
        "Place représentative des OC",
        "Assez de sièges pour le communautaire",
        "Représentativité des organismes",
    ],
    &[
        "Des décideurs à la table",
        "Des partenaires qui peuvent déroger aux normes",
        "Souplesse des programmes",
    ],
    &["Langage accessible", "Pas de jargon", "Vulgariser les documents"],
    &["Évaluer le partenariat", "Faire un bilan régulier", "Des indicateurs pour mesurer les résultats"],
    &["Résolution des conflits", "Un mécanisme pour gérer les désaccords", "Médiation en cas de tension"],
    &[
        "Continuité des interlocuteurs",
        "Moins de roulement de personnel",
        "Stabilité des représentants du CISSS",
    ],
    &[
        "Reconnaître notre expertise",
        "Valoriser nos savoirs d'expérience",
        "Notre compétence terrain est reconnue",
    ],
    &["Visibilité de l'organisme", "Notre logo sur les communications", "Mentionner notre contribution"],
    &["Complémentarité des services", "Éviter les doublons", "Pas de dédoublement entre organismes"],
    &[
        "Améliorer les conditions de vie",
        "Impact réel sur la population",
        "Répondre aux besoins des citoyens",
    ],
    &["Horaires adaptés aux OC", "Rencontres en dehors des heures de bureau", "Lieux de réunion accessibles"],
    &[
        "Partage de la charge de travail",
        "Tous impliqués dans la mise en œuvre",
        "Le partenaire fournit du personnel",
    ],
];

const PREFIXES: &[&str] = &["", "", "", "Que ", "Il faut ", "Avoir ", "Important : ", "- "];
const SUFFIXES: &[&str] = &["", "", "", "!!", " !", ".", " (essentiel)", " svp"];
const EXTRAS: &[&str] = &[
    "",
    "",
    "",
    " pour nous",
    " entre partenaires",
    " dans le projet",
    " au quotidien",
    " avec le CISSS",
    " à Laval",
    " dès maintenant",
    " pour de vrai",
    " avec la Ville",
    " pour les familles",
    " en tout temps",
];

/// A small deterministic random generator (xorshift).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }
}

/// One synthetic proposal text.
pub fn proposal_text(rng: &mut Rng) -> String {
    let idea = IDEAS[rng.below(IDEAS.len())];
    let base = idea[rng.below(idea.len())];
    let mut text = format!(
        "{}{}{}{}",
        PREFIXES[rng.below(PREFIXES.len())],
        base,
        EXTRAS[rng.below(EXTRAS.len())],
        SUFFIXES[rng.below(SUFFIXES.len())]
    );
    if rng.below(4) == 0 {
        // A typo: one letter dropped.
        let chars: Vec<char> = text.chars().collect();
        let at = rng.below(chars.len());
        text = chars.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| c).collect();
    }
    match rng.below(10) {
        0 => text = text.to_uppercase(),
        1 => text = crate::text::strip_accents(&text),
        2 => text = text.to_lowercase(),
        _ => {}
    }
    text
}

/// A session of `count` synthetic proposals spread over 8 tables and 3 rounds, about
/// one in ten an astuce.
pub fn session(count: usize, seed: u64, families: Vec<Family>) -> Session {
    let mut session =
        Session::new("Café synthétique", families, 8, 3, 20).unwrap_or_else(|_| empty_session());
    let mut rng = Rng::new(seed);
    let now = Utc.timestamp_opt(1_542_200_000, 0).single().unwrap_or_default();
    for i in 0..count {
        let text = proposal_text(&mut rng);
        let kind = if rng.below(10) == 0 { Kind::Astuce } else { Kind::Condition };
        let table = (i % 8) as u32 + 1;
        let round = ((i / 8) % 3) as u32 + 1;
        let _ = session.add_proposal(table, round, kind, &text, now);
    }
    session
}

fn empty_session() -> Session {
    Session {
        version: crate::domain::session::FORMAT_VERSION,
        title: "Café synthétique".into(),
        date: None,
        place: String::new(),
        facilitator: String::new(),
        families: Vec::new(),
        tables: Vec::new(),
        schedule: Default::default(),
        clock: Default::default(),
        proposals: Vec::new(),
        next_id: 1,
        deleted: Vec::new(),
        decisions: Default::default(),
        participants: Vec::new(),
        participant_count: None,
        rotation: None,
        learned: Default::default(),
        document: Default::default(),
        vocabulary: Default::default(),
        vote: None,
    }
}

/// Pairs of distinct words (five letters or more) of a session's proposals, in order:
/// for benchmarks that teach one new equivalence per answer.
pub fn word_pairs(session: &Session) -> Vec<(String, String)> {
    let mut words: Vec<String> = session
        .proposals
        .iter()
        .flat_map(|p| p.text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 5)
        .collect();
    words.sort();
    words.dedup();
    words.chunks(2).filter(|c| c.len() == 2).map(|c| (c[0].clone(), c[1].clone())).collect()
}
