//! User-facing strings of the printable table cards (the cards themselves and their
//! entry on the export screen), in French and English.

use super::{Lang, Text};

/// The page's title.
pub fn title(lang: Lang, session: &str) -> String {
    match lang {
        Lang::Fr => format!("Cartes des tables — {session}"),
        Lang::En => format!("Table cards — {session}"),
    }
}

/// A card's heading.
pub fn table(lang: Lang, number: u32) -> String {
    match lang {
        Lang::Fr => format!("Table {number}"),
        Lang::En => format!("Table {number}"),
    }
}

/// A round's question on a card.
pub fn round(lang: Lang, round: u32) -> String {
    match lang {
        Lang::Fr => format!("Tour {round}"),
        Lang::En => format!("Round {round}"),
    }
}

/// The one line that says what to do with the card, in French (always printed).
pub const HOW_TO_FR: &str = "Scannez le code avec l'appareil photo du téléphone, ou tapez l'adresse \
     dans son navigateur (sur le Wi-Fi de la salle), puis envoyez les propositions de la table.";

/// The same line in English (printed too when the app is in English).
pub const HOW_TO_EN: &str = "Scan the code with the phone's camera, or type the address in its \
     browser (on the room's Wi-Fi), then send the table's proposals.";

/// The address label of the alt text of a card's QR code.
pub const QR_ALT: Text = Text::new("Code QR de l'adresse de la table", "QR code of the table's address");

/// The export screen: the group of the cards' row.
pub const GROUP: Text = Text::new("Téléphones", "Phones");

/// The export screen: what the cards' file holds.
pub const SCREEN_CARDS: Text = Text::new(
    "une carte par table à imprimer : question, code QR et adresse de sa page",
    "one card per table to print: question, QR code and its page's address",
);

/// The cards need the server's address.
pub const NEED_PHONES: Text = Text::new(
    "Les cartes des tables portent l'adresse du serveur : ouvrez d'abord la saisie par \
     téléphone (t sur la vue Animer, F3) sur le réseau de la salle, puis écrivez les cartes.",
    "The table cards carry the server's address: first open phone capture (t on the Run \
     view, F3) on the room's network, then write the cards.",
);
