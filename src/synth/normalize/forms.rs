//! French word forms that the Snowball stemmer leaves apart from their lemma, and the
//! spoken Québec forms of a flipchart: irregular verb forms (« connaissent »,
//! « pris », « tient ») read as their infinitive, spoken words (« pis », « pu »,
//! « checker », « jaser ») read as the written word they stand for, and the words of a
//! complaint (« tanné de », « écœurés de ») that carry no content of their own, so that
//! « tanné des demandes à la dernière minute » compares as « demandes à la dernière
//! minute ».

/// Spoken Québec words (folded) and the written word (folded) they stand for; also the
/// conjugated forms of être, avoir, faire and pouvoir that are not stopwords themselves
/// (« pourrait », « serait »), read as the stopword form they conjugate.
pub const SPOKEN: &[(&str, &str)] = &[
    ("serait", "est"),
    ("seraient", "sont"),
    ("sera", "est"),
    ("seront", "sont"),
    ("suis", "est"),
    ("sois", "soit"),
    ("soyons", "soit"),
    ("soyez", "soit"),
    ("etes", "es"),
    ("aurait", "ait"),
    ("auraient", "aient"),
    ("aura", "ait"),
    ("auront", "aient"),
    ("aurons", "avons"),
    ("avez", "avons"),
    ("avait", "ait"),
    ("avaient", "aient"),
    ("pourrait", "peut"),
    ("pourraient", "peuvent"),
    ("pourra", "peut"),
    ("pourront", "peuvent"),
    ("pouvons", "peut"),
    ("pouvez", "peut"),
    ("puisse", "peut"),
    ("puissent", "peuvent"),
    ("pouvait", "peut"),
    ("ferait", "fait"),
    ("feraient", "font"),
    ("fera", "fait"),
    ("feront", "font"),
    ("faisons", "fait"),
    ("faites", "fait"),
    ("fasse", "fait"),
    ("fassent", "font"),
    ("faisait", "fait"),
    ("bin", "bien"),
    ("ak", "avec"),
    ("tlm", "monde"),
    ("pis", "et"),
    ("pi", "et"),
    // « ça marche pu » = « ça ne marche plus »: a negation.
    ("pu", "ne"),
    ("pantoute", "aucun"),
    ("icitte", "ici"),
    ("asteure", "maintenant"),
    ("faque", "donc"),
    ("ben", "bien"),
    ("toute", "tout"),
    ("toutte", "tout"),
    ("moe", "moi"),
    ("toe", "toi"),
    ("ya", "y"),
    ("sul", "sur"),
    ("job", "travail"),
    ("jobs", "travail"),
    ("gang", "groupe"),
    ("info", "information"),
    ("infos", "informations"),
    ("coordo", "coordonnateur"),
    ("coordos", "coordonnateurs"),
    ("bouffe", "nourriture"),
    ("lunch", "repas"),
    ("meeting", "reunion"),
    ("meetings", "reunions"),
    ("feedback", "retroaction"),
    ("staff", "personnel"),
    ("fun", "plaisir"),
    ("cash", "argent"),
    ("piasses", "argent"),
    ("piastres", "argent"),
    ("fak", "donc"),
    ("astheure", "maintenant"),
    ("asteur", "maintenant"),
    ("dins", "dans"),
    // « chus » = « je suis »: a form of être, which carries no content.
    ("chus", "etre"),
    ("ouin", "oui"),
    ("ouais", "oui"),
    ("full", "beaucoup"),
    ("boss", "patron"),
    ("chum", "ami"),
    ("chums", "amis"),
    ("char", "voiture"),
    ("chars", "voitures"),
    ("frette", "froid"),
    ("call", "appel"),
    ("calls", "appels"),
    // « la cédule des rencontres » = their schedule.
    ("cedule", "horaire"),
    ("cedules", "horaires"),
    ("ceduler", "horaire"),
    ("niaisage", "placotage"),
    ("dispo", "disponible"),
    ("dispos", "disponibles"),
    // Flipchart shorthand.
    ("bcp", "beaucoup"),
    ("qqch", "chose"),
    ("tjrs", "toujours"),
    ("tjs", "toujours"),
    ("pcq", "parce"),
    ("pck", "parce"),
    ("ds", "dans"),
    ("admin", "administration"),
    ("gouv", "gouvernement"),
    ("reu", "reunion"),
    ("reus", "reunions"),
    ("commu", "communautaire"),
    ("asso", "association"),
    ("assos", "associations"),
    ("benevs", "benevoles"),
    ("ados", "adolescents"),
    ("ado", "adolescent"),
    // English words of the sector's meetings.
    ("deadline", "delai"),
    ("deadlines", "delais"),
    ("board", "conseil"),
    ("funding", "financement"),
    ("membership", "membres"),
    ("team", "equipe"),
    ("timing", "moment"),
    ("followup", "suivi"),
];

/// Words (folded) that only say the speaker is fed up or joking, swear or fill the
/// sentence (« tsé », « maudite paperasse »): dropped like function words, the
/// complaint's content remains.
pub const COMPLAINT_WORDS: &[&str] = &[
    "tanne",
    "tannes",
    "tannee",
    "tannees",
    "ecoeure",
    "ecoeures",
    "ecoeuree",
    "ecoeurees",
    "marre",
    "lol",
    "svp",
    "stp",
    "mettons",
    "arreter",
    "arretez",
    "arretons",
    "chiale",
    "chialer",
    "chialent",
    "chialage",
    "bitcher",
    "bitche",
    "maudit",
    "maudite",
    "maudits",
    "maudites",
    "criss",
    "esti",
    "ostie",
    "tabarnak",
    "calisse",
    "sacrament",
    "coudonc",
    "tse",
];

/// Verbs whose forms the stemmer does not bring together: the infinitive, then its
/// other forms (present, past participle, subjunctive stems). Spoken Québec verbs
/// borrowed from English are listed with the French verb they mean.
pub const VERB_FORMS: &[(&str, &[&str])] = &[
    (
        "connaitre",
        &[
            "connais",
            "connait",
            "connaissons",
            "connaissez",
            "connaissent",
            "connu",
            "connue",
            "connus",
            "connues",
        ],
    ),
    (
        "reconnaitre",
        &[
            "reconnais",
            "reconnait",
            "reconnaissons",
            "reconnaissent",
            "reconnu",
            "reconnue",
            "reconnus",
            "reconnues",
        ],
    ),
    (
        "comprendre",
        &["comprend", "comprends", "comprenons", "comprennent", "compris", "comprise", "comprenne"],
    ),
    ("prendre", &["prend", "prends", "prenons", "prennent", "pris", "prise", "prises", "prenne"]),
    ("apprendre", &["apprend", "apprends", "apprenons", "apprennent", "appris", "apprise", "apprenne"]),
    ("mettre", &["met", "mets", "mettons", "mettent", "mis", "mise", "mises", "mette"]),
    (
        "tenir",
        &[
            "tient",
            "tiens",
            "tenons",
            "tiennent",
            "tenu",
            "tenue",
            "tenus",
            "tienne",
            "tiendra",
            "tiendrait",
            "tiendront",
        ],
    ),
    ("maintenir", &["maintient", "maintiennent", "maintenu", "maintenue"]),
    ("soutenir", &["soutient", "soutiennent", "soutenu", "soutenue", "soutenus"]),
    ("obtenir", &["obtient", "obtiennent", "obtenu", "obtenue", "obtenus"]),
    ("appartenir", &["appartient", "appartiennent", "appartenu"]),
    (
        "venir",
        &[
            "vient",
            "viens",
            "venons",
            "viennent",
            "venu",
            "venue",
            "venus",
            "vienne",
            "viendra",
            "viendrait",
            "viendront",
            "viendraient",
        ],
    ),
    ("devenir", &["devient", "deviennent", "devenu", "devenue"]),
    ("revenir", &["revient", "reviennent", "revenu"]),
    ("intervenir", &["intervient", "interviennent", "intervenu"]),
    (
        "savoir",
        &["sais", "sait", "savons", "savez", "savent", "sache", "sachent", "saura", "saurait", "sauront"],
    ),
    ("voir", &["vois", "voit", "voyons", "voient", "verra", "verrait", "verront"]),
    ("croire", &["crois", "croit", "croyons", "croient", "cru"]),
    ("dire", &["dis", "dit", "disons", "dites", "disent", "dise"]),
    ("ecrire", &["ecris", "ecrit", "ecrite", "ecrits", "ecrites", "ecrivons", "ecrivent"]),
    ("lire", &["lisons", "lisent", "lu", "lue"]),
    ("vivre", &["vivons", "vivent", "vecu", "vecue", "vecus"]),
    ("suivre", &["suit", "suivons", "suivent", "suivi", "suivie", "suivis"]),
    ("recevoir", &["recois", "recoit", "recevons", "recoivent", "recu", "recue", "recus"]),
    ("construire", &["construit", "construite", "construisons", "construisent"]),
    ("produire", &["produit", "produite", "produisent"]),
    ("offrir", &["offre", "offrent", "offert", "offerte", "offerts"]),
    ("ouvrir", &["ouvre", "ouvrent", "ouvert", "ouverte", "ouverts"]),
    ("perdre", &["perd", "perds", "perdons", "perdent", "perdu", "perdue"]),
    ("entendre", &["entend", "entends", "entendons", "entendent", "entendu", "entendue", "entendus"]),
    ("attendre", &["attend", "attends", "attendons", "attendent", "attendu", "attendue"]),
    ("repondre", &["repond", "reponds", "repondons", "repondent", "repondu"]),
    ("valoir", &["vaut", "valent", "vaille"]),
    ("verifier", &["checker", "check", "checke", "checkent", "checkons", "checkez"]),
    ("correspondre", &["fitter", "fitte", "fittent", "fit", "matcher", "matche", "matchent"]),
    ("discuter", &["jaser", "jase", "jasent", "jasons", "placoter", "placote"]),
    ("appeler", &["appelle", "appellent", "appellera", "caller", "calle", "callent"]),
    ("deranger", &["achaler", "achale", "achalent", "achalant", "achalants", "achalante"]),
    ("annuler", &["canceller", "cancelle", "cancellent"]),
    ("reserver", &["booker", "booke", "bookent"]),
    ("gerer", &["runner", "runne", "runnent", "dealer", "deale", "dealent"]),
    (
        "vouloir",
        &["veux", "voulons", "voulez", "voulu", "voulue", "veuille", "veuillent", "voudrait", "voudraient"],
    ),
    (
        "devoir",
        &[
            "dois",
            "devons",
            "devez",
            "devrait",
            "devraient",
            "devrions",
            "devriez",
            "devrais",
            "devra",
            "devront",
        ],
    ),
    ("falloir", &["faudrait", "faudra", "fallait", "fallu"]),
    ("aller", &["vais", "allons", "allez", "ira", "iront", "irait", "iraient", "aille"]),
    (
        "permettre",
        &["permet", "permets", "permettent", "permettons", "permette", "permis", "permise", "permises"],
    ),
    ("retenir", &["retient", "retiennent", "retenu", "retenue", "retenus", "retenues"]),
    ("convenir", &["convient", "conviennent", "convenu", "convenue", "convenus"]),
    ("parvenir", &["parvient", "parviennent", "parvenu", "parvenus"]),
    ("prevoir", &["prevoit", "prevoient", "prevu", "prevue", "prevus", "prevues"]),
    ("inscrire", &["inscrit", "inscrite", "inscrits", "inscrites", "inscrivent"]),
    ("poursuivre", &["poursuit", "poursuivent", "poursuivi", "poursuivie"]),
    ("percevoir", &["percoit", "percoivent", "percu", "percue", "percus"]),
    ("decevoir", &["decoit", "decoivent", "decu", "decue", "decus", "decues"]),
    ("coconstruire", &["coconstruit", "coconstruite", "coconstruits", "coconstruisons", "coconstruisent"]),
    ("reduire", &["reduit", "reduite", "reduits", "reduisent", "reduisons"]),
    ("traduire", &["traduit", "traduite", "traduits", "traduites", "traduisent"]),
    ("defendre", &["defend", "defends", "defendons", "defendent", "defendu", "defendue"]),
    ("rejoindre", &["rejoint", "rejointe", "rejoints", "rejointes", "rejoignent", "rejoignons"]),
    ("atteindre", &["atteint", "atteinte", "atteints", "atteignent", "atteignons"]),
    ("craindre", &["crains", "craint", "craignent", "craignons"]),
    ("resoudre", &["resous", "resout", "resolvons", "resolvent", "resolu", "resolue", "resolus"]),
    ("servir", &["sert", "sers", "servent", "servons", "servi", "servie", "servis"]),
    ("sentir", &["sentent", "sentons", "senti", "sentie", "sentis"]),
    ("convaincre", &["convainc", "convainquent", "convaincu", "convaincue", "convaincus"]),
    ("taire", &["tait", "taisent", "taisons"]),
    ("rire", &["rit", "rient", "rions"]),
    ("conclure", &["conclut", "concluent", "conclu", "conclue", "conclus"]),
    ("inclure", &["inclut", "incluent", "inclus", "incluse", "incluses"]),
    ("exclure", &["exclut", "excluent", "exclu", "exclue", "exclus", "exclues"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_folded_lower_case_words() {
        let folded = |w: &str| w == crate::synth::normalize::fold(w) && !w.contains(' ');
        assert!(SPOKEN.iter().all(|(a, b)| folded(a) && folded(b)));
        assert!(COMPLAINT_WORDS.iter().all(|w| folded(w)));
        assert!(VERB_FORMS.iter().all(|(lemma, forms)| folded(lemma) && forms.iter().all(|f| folded(f))));
    }

    #[test]
    fn conditionals_quebec_verbs_shorthand_and_swearing_read_as_written_french() {
        let a = crate::synth::normalize::Analyzer::new(&[], &[]);
        let same = |spoken: &str, written: &str| assert_eq!(a.stems(spoken), a.stems(written), "{spoken}");
        same("il faudrait des rencontres", "il falloir des rencontres");
        same("les partenaires devraient consulter", "les partenaires devoir consulter");
        same("nos idées sont retenues", "nos idées sont retenir");
        same("on est déçus", "on est décevoir");
        same("caller les membres", "appeler les membres");
        same("la cédule des rencontres", "l'horaire des rencontres");
        same("bcp de paperasse", "beaucoup de paperasse");
        same("chus tanné de la maudite paperasse", "la paperasse");
        same("le boss décide", "le patron décide");
        same("ça pourrait aider si ce serait clair", "ça aider si clair");
        same("ils viendraient", "ils venir");
        same("la deadline du board", "le délai du conseil");
        assert_ne!(a.stems("les personnes exclues"), a.stems("les personnes"));
    }
}
