//! User-facing strings of phone capture: `cafe serve`'s lines, the table page served to
//! phones, and the answers the server gives them, in French and English.

use super::{Lang, Text};

/// `cafe serve`: the line before the addresses.
pub fn listening(lang: Lang, address: &str) -> String {
    match lang {
        Lang::Fr => format!("Saisie par téléphone sur http://{address} — une adresse par table :"),
        Lang::En => format!("Phone capture on http://{address} — one address per table:"),
    }
}

/// One table's address.
pub fn table_address(lang: Lang, table: u32, url: &str) -> String {
    match lang {
        Lang::Fr => format!("  Table {table} : {url}"),
        Lang::En => format!("  Table {table}: {url}"),
    }
}

pub const HOW_TO_STOP: Text = Text::new("Ctrl+C pour arrêter.", "Ctrl+C to stop.");

/// The last line, once the server has stopped.
pub fn stopped(lang: Lang, refused: u64) -> String {
    match lang {
        Lang::Fr => format!("Saisie par téléphone arrêtée ({refused} demande(s) refusée(s))."),
        Lang::En => format!("Phone capture stopped ({refused} request(s) refused)."),
    }
}

/// A refused renewal: no such table, or no randomness (`None`).
pub fn session_or_random(lang: Lang, err: Option<crate::domain::SessionError>) -> String {
    match err {
        Some(err) => super::errors::session_error(lang, &err),
        None => NO_RANDOMNESS.get(lang).to_string(),
    }
}

/// A table's address was renewed.
pub fn renewed(lang: Lang, table: u32) -> String {
    match lang {
        Lang::Fr => format!("Table {table} : nouvelle adresse (l'ancienne ne marche plus)."),
        Lang::En => format!("Table {table}: new address (the old one no longer works)."),
    }
}

pub const K_RENEW_ADDRESS: Text = Text::new("Renouveler l'adresse d'une table", "Renew a table's address");

/// The question of the table whose phone address is renewed, with the session's
/// table numbers (`1 à 8`, or a list when they do not follow each other).
pub fn ask_renew(lang: Lang, numbers: &[u32]) -> String {
    let following = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    let choices = match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) if following && numbers.len() > 2 => match lang {
            Lang::Fr => format!("{first} à {last}"),
            Lang::En => format!("{first} to {last}"),
        },
        _ => numbers.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
    };
    match lang {
        Lang::Fr => format!("Nouvelle adresse pour quelle table ({choices}) ?"),
        Lang::En => format!("New address for which table ({choices})?"),
    }
}

/// The confirmation before a table's phone address is renewed.
pub fn confirm_renew(lang: Lang, table: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "Donner une nouvelle adresse à la table {table} ? Son téléphone perd l'accès \
             et devra lire le nouveau code."
        ),
        Lang::En => {
            format!("Give table {table} a new address? Its phone loses access and must read the new code.")
        }
    }
}

pub const PHONES_NOT_ON: Text = Text::new(
    "La saisie par téléphone n'est pas ouverte (t pour l'ouvrir).",
    "Phone capture is not open (t to open it).",
);

/// The server could not listen on `address`.
pub fn cannot_listen(lang: Lang, address: &str, reason: &str) -> String {
    match lang {
        Lang::Fr => format!("impossible d'écouter sur {address} : {reason}"),
        Lang::En => format!("cannot listen on {address}: {reason}"),
    }
}

pub const NO_RANDOMNESS: Text = Text::new(
    "le système ne fournit pas de nombres aléatoires pour les adresses des tables",
    "the system gives no random numbers for the tables' addresses",
);

/// The app's message line once phone capture listens.
pub fn phones_on(lang: Lang, address: &str) -> String {
    match lang {
        Lang::Fr => format!("Saisie par téléphone ouverte sur http://{address}"),
        Lang::En => format!("Phone capture open on http://{address}"),
    }
}

/// The address file beside the session could not be written: the phones work, but a
/// projector window on the session shows no codes. Names the file and the system's
/// reason.
pub fn address_not_published(lang: Lang, err: &crate::store::phones_address::PublishError) -> String {
    let (path, why) = (err.path.display(), super::errors::io_error(lang, &err.source));
    match lang {
        Lang::Fr => format!(
            "Les fenêtres de projection n'afficheront pas les codes : impossible d'écrire {path} ({why}). \
             Les téléphones fonctionnent."
        ),
        Lang::En => {
            format!("Projector windows will show no codes: could not write {path} ({why}). The phones work.")
        }
    }
}

pub const PHONES_OFF: Text = Text::new(
    "Saisie par téléphone fermée : plus rien n'écoute.",
    "Phone capture closed: nothing listens any more.",
);
pub const K_PHONES: Text = Text::new("Saisie par téléphone", "Phone capture");

/// The projector's line under the tables' codes.
pub fn phones_counts(lang: Lang, counts: &str, refused: u64) -> String {
    match lang {
        Lang::Fr => format!("Reçu par table : {counts} · refusées : {refused}"),
        Lang::En => format!("Received per table: {counts} · refused: {refused}"),
    }
}

pub const CODES_DO_NOT_FIT: Text = Text::new(
    "Codes QR : agrandissez le terminal (ou imprimez les cartes des tables, F5).",
    "QR codes: enlarge the terminal (or print the table cards, F5).",
);

/// Answers to a phone whose request was refused (shown on the phone).
pub const UNKNOWN_ADDRESS: Text = Text::new(
    "Adresse inconnue ou renouvelée : demandez la nouvelle adresse à l'animateur.",
    "Unknown or renewed address: ask the facilitator for the new one.",
);
pub const TOO_LONG: Text =
    Text::new("Proposition trop longue (4 Ko au plus).", "Proposal too long (4 KB at most).");
pub const TOO_LARGE: Text =
    Text::new("Demande trop grande (16 Ko au plus).", "Request too large (16 KB at most).");
pub const TOO_MANY: Text =
    Text::new("Trop de demandes : réessayez dans un instant.", "Too many requests: try again in a moment.");
pub const NOT_THIS_TABLE: Text =
    Text::new("Cette proposition n'est pas celle de votre table.", "This proposal is not your table's.");
pub const BAD_REQUEST: Text = Text::new("Demande illisible.", "Unreadable request.");
pub const NOT_SAVED: Text = Text::new(
    "La proposition n'a pas pu être enregistrée sur l'ordinateur de l'animateur ; elle reste sur ce téléphone.",
    "The proposal could not be saved on the facilitator's computer; it stays on this phone.",
);

/// Every text of the table page, by the key the page's script knows it by.
pub fn page_texts(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let texts: [(&str, Text); 22] = [
        ("lang", Text::new("fr", "en")),
        ("title", Text::new("Table {table}", "Table {table}")),
        ("round", Text::new("Tour {round} sur {rounds}", "Round {round} of {rounds}")),
        ("time_left", Text::new("Temps restant : {time}", "Time left: {time}")),
        ("paused", Text::new("(horloge arrêtée)", "(clock stopped)")),
        ("your_proposal", Text::new("Votre proposition", "Your proposal")),
        ("kind", Text::new("Sorte", "Kind")),
        ("condition", Text::new("Condition", "Condition")),
        ("astuce", Text::new("Astuce", "Tip (astuce)")),
        ("temoignage", Text::new("Témoignage", "Testimony (témoignage)")),
        ("send", Text::new("Envoyer", "Send")),
        ("edit", Text::new("Modifier", "Edit")),
        ("delete", Text::new("Supprimer", "Delete")),
        ("save", Text::new("Enregistrer", "Save")),
        ("cancel", Text::new("Annuler", "Cancel")),
        ("confirm_delete", Text::new("Supprimer cette proposition ?", "Delete this proposal?")),
        ("list", Text::new("Propositions de la table pendant ce tour", "This table's proposals this round")),
        ("none", Text::new("Aucune proposition pour l'instant.", "No proposal yet.")),
        (
            "pending",
            Text::new(
                "{count} en attente d'envoi, gardée(s) sur ce téléphone",
                "{count} waiting to be sent, kept on this phone",
            ),
        ),
        ("offline", Text::new("Pas de réseau : on réessaie…", "No network: trying again…")),
        ("sent", Text::new("Envoyée ✓", "Sent ✓")),
        ("loading", Text::new("Chargement…", "Loading…")),
    ];
    texts.iter().map(|(key, text)| (*key, text.get(lang))).collect()
}

/// The language a phone asks for in `Accept-Language`: English when it prefers it to
/// French, else French.
pub fn lang_of_phone(accept_language: &str) -> Lang {
    for range in accept_language.split(',') {
        let tag = range.split(';').next().unwrap_or("").trim();
        if let Some(lang) = Lang::parse(tag) {
            return lang;
        }
    }
    Lang::Fr
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_gets_its_first_known_language() {
        assert_eq!(lang_of_phone("en-GB,en;q=0.9,fr;q=0.8"), Lang::En);
        assert_eq!(lang_of_phone("de-DE,fr;q=0.5"), Lang::Fr);
        assert_eq!(lang_of_phone(""), Lang::Fr);
        assert_eq!(page_texts(Lang::En).len(), page_texts(Lang::Fr).len());
    }

    #[test]
    fn the_renewal_question_names_the_tables_there_are() {
        assert_eq!(ask_renew(Lang::Fr, &[1, 2, 3, 4]), "Nouvelle adresse pour quelle table (1 à 4) ?");
        assert_eq!(ask_renew(Lang::En, &[1, 2, 5]), "New address for which table (1, 2, 5)?");
        assert_eq!(ask_renew(Lang::Fr, &[3]), "Nouvelle adresse pour quelle table (3) ?");
    }
}
