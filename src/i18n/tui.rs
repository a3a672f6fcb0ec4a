//! Every string of the full-screen app, in French and English: screen names, key
//! descriptions of the keymap, labels, messages.

use super::{Lang, Text, pick};

// Screens and key contexts.
pub const SCREEN_HOME: Text = Text::new("Sessions", "Sessions");
pub const SCREEN_SETUP: Text = Text::new("Préparer", "Prepare");
pub const SCREEN_RUN: Text = Text::new("Animer", "Run");
pub const SCREEN_CAPTURE: Text = Text::new("Saisir", "Capture");
pub const SCREEN_EXPORT: Text = Text::new("Exporter", "Export");
pub const CTX_ALWAYS: Text = Text::new("Partout, même en écrivant", "Everywhere, even while typing");
pub const CTX_GLOBAL: Text = Text::new("Partout, hors saisie de texte", "Everywhere, except while typing");
pub const CTX_SESSION: Text =
    Text::new("Session ouverte (même en écrivant)", "Open session (even while typing)");
pub const CTX_HELP: Text = Text::new("Aide", "Help");
pub const CTX_POPUP: Text = Text::new("Questions", "Questions");
pub const CTX_PASTE: Text =
    Text::new("Saisir — texte collé sur plusieurs lignes", "Capture — text pasted on several lines");
pub const CTX_SETUP_EDITING: Text =
    Text::new("Préparer — en modifiant une valeur", "Prepare — editing a value");
pub const CTX_CAPTURE_INPUT: Text = Text::new("Saisir — en écrivant", "Capture — typing");
pub const CTX_CAPTURE_LIST: Text = Text::new("Saisir — dans la liste", "Capture — in the list");

// Key names.
pub const KEY_ENTER: Text = Text::new("Entrée", "Enter");
pub const KEY_ESC: Text = Text::new("Échap", "Esc");
pub const KEY_SPACE: Text = Text::new("Espace", "Space");
pub const KEY_DELETE: Text = Text::new("Suppr", "Del");
pub const KEY_BACKSPACE: Text = Text::new("Retour arrière", "Backspace");
pub const KEY_SHIFT: Text = Text::new("Maj", "Shift");
pub const KEY_PAGE_UP: Text = Text::new("PgPréc", "PgUp");
pub const KEY_PAGE_DOWN: Text = Text::new("PgSuiv", "PgDn");
pub const KEY_HOME: Text = Text::new("Début", "Home");
pub const KEY_END: Text = Text::new("Fin", "End");

// Key descriptions (the help bar and the `?` list).
pub const K_QUIT: Text = Text::new("Quitter", "Quit");
pub const K_HELP: Text = Text::new("Aide", "Help");
pub const K_BACK: Text = Text::new("Retour", "Back");
pub const K_THEME: Text = Text::new("Thème clair/sombre", "Light/dark theme");
pub const K_CLOSE: Text = Text::new("Fermer", "Close");
pub const K_UP: Text = Text::new("Monter", "Up");
pub const K_DOWN: Text = Text::new("Descendre", "Down");
pub const K_LEFT: Text = Text::new("Colonne précédente", "Previous column");
pub const K_RIGHT: Text = Text::new("Colonne suivante", "Next column");
pub const K_YES: Text = Text::new("Oui", "Yes");
pub const K_NO: Text = Text::new("Non", "No");
pub const K_VALIDATE: Text = Text::new("Valider", "Validate");
pub const K_CANCEL: Text = Text::new("Annuler", "Cancel");
pub const K_OPEN: Text = Text::new("Ouvrir", "Open");
pub const K_NEW: Text = Text::new("Nouvelle", "New");
pub const K_DUPLICATE: Text = Text::new("Dupliquer", "Duplicate");
pub const K_DELETE: Text = Text::new("Supprimer", "Delete");
pub const K_REFRESH: Text = Text::new("Relire", "Reload");
pub const K_EDIT: Text = Text::new("Modifier", "Edit");
pub const K_ADD_TABLE: Text = Text::new("Ajouter une table", "Add a table");
pub const K_REMOVE_TABLE: Text = Text::new("Retirer la table", "Remove the table");
pub const K_MOVE_UP: Text = Text::new("Table plus haut", "Table up");
pub const K_MOVE_DOWN: Text = Text::new("Table plus bas", "Table down");
pub const K_START_PAUSE: Text = Text::new("Démarrer / pause", "Start / pause");
pub const K_PLUS_MINUTE: Text = Text::new("+1 min", "+1 min");
pub const K_MINUS_MINUTE: Text = Text::new("−1 min", "−1 min");
pub const K_NEXT_PHASE: Text = Text::new("Phase suivante", "Next phase");
pub const K_PREVIOUS_PHASE: Text = Text::new("Phase précédente", "Previous phase");
pub const K_PAGE_UP: Text = Text::new("Page précédente", "Page up");
pub const K_PAGE_DOWN: Text = Text::new("Page suivante", "Page down");
pub const K_TOP: Text = Text::new("Début", "Top");
pub const K_BOTTOM: Text = Text::new("Fin", "Bottom");
pub const K_ONE_PER_LINE: Text = Text::new("Une proposition par ligne", "One proposal per line");
pub const K_ONE_PROPOSAL: Text = Text::new("Une seule proposition", "One proposal");
pub const PASTE_TITLE: Text = Text::new("Texte collé", "Pasted text");

pub fn paste_question(lang: Lang, lines: usize) -> String {
    pick(
        lang,
        format!("{lines} lignes : {lines} propositions ou une seule ?"),
        format!("{lines} lines: {lines} proposals or just one?"),
    )
}

pub fn pasted_proposals(lang: Lang, count: usize, table: u32, round: u32) -> String {
    pick(
        lang,
        format!(
            "{count} propositions enregistrées (table {table}, tour {round}) — Ctrl+Z les retire une à une."
        ),
        format!(
            "{count} proposals saved (table {table}, round {round}) — Ctrl+Z takes them back one by one."
        ),
    )
}

pub fn bad_path(lang: Lang, path: &str, why: &str) -> String {
    pick(lang, format!("Chemin « {path} » : {why}"), format!("Path “{path}”: {why}"))
}

pub fn not_followed(lang: Lang, why: &str) -> String {
    pick(
        lang,
        format!("Fichier de session illisible, dernier état affiché : {why}"),
        format!("Session file unreadable, showing the last state read: {why}"),
    )
}

pub const PROJECTOR: Text = Text::new("projection · lecture seule", "projector · read-only");

pub const K_UNDO_CLOCK: Text = Text::new("Annuler le geste d'horloge", "Undo the clock move");
pub const K_SAVE_PROPOSAL: Text = Text::new("Enregistrer", "Save");
pub const K_NEXT_TABLE: Text = Text::new("Table suivante", "Next table");
pub const K_PREVIOUS_TABLE: Text = Text::new("Table précédente", "Previous table");
pub const K_KIND: Text = Text::new("Type", "Kind");
pub const K_ROUND: Text = Text::new("Tour", "Round");
pub const K_UNDO: Text = Text::new("Annuler (défaire)", "Undo");
pub const K_FOCUS_LIST: Text = Text::new("Aller à la liste", "Go to the list");
pub const K_FOCUS_INPUT: Text = Text::new("Écrire", "Type");
pub const K_MOVE_PROPOSAL: Text = Text::new("Déplacer vers une table", "Move to a table");
pub const K_EXPORT: Text = Text::new("Écrire ce format", "Write this format");
pub const K_EXPORT_ALL: Text = Text::new("Tout écrire", "Write all");
pub const K_EXPORT_TO: Text = Text::new("Vers un chemin…", "To a path…");

pub const HELP_TITLE: Text = Text::new("Touches", "Keys");
pub const HELP_FOOTER: Text = Text::new(
    "Une règle partout : là où l'on peut écrire, les lettres écrivent (une lettre dans la liste de Saisir commence une proposition) ; les commandes y passent par Ctrl, les flèches, Entrée, Suppr et les touches F. q et Ctrl+C demandent avant de quitter pendant un tour ou si un texte n'est pas enregistré. Tout le reste est enregistré à chaque modification. Souris : cliquer les onglets, lignes et touches ; molette pour défiler.",
    "One rule everywhere: where text can be typed, letters type (a letter in Capture's list starts a proposal); commands there use Ctrl, the arrows, Enter, Del and the F keys. q and Ctrl+C ask before quitting during a round or when typed text is not saved. Everything else is saved on every change. Mouse: click tabs, rows and keys; wheel to scroll.",
);

// Title bar.
pub const SAVED: Text = Text::new("enregistré", "saved");
pub const SAVING: Text = Text::new("enregistrement…", "saving…");
pub const NOT_SAVED: Text = Text::new("NON ENREGISTRÉ", "NOT SAVED");

// Home.
pub const SESSIONS_IN: Text = Text::new("Sessions dans", "Sessions in");
pub const NO_SESSIONS: Text = Text::new(
    "Aucune session dans ce dossier. n : créer une session.",
    "No session in this folder. n: create one.",
);
pub const NO_SESSION_SELECTED: Text = Text::new("Aucune session choisie.", "No session selected.");
pub const COL_DATE: Text = Text::new("Date", "Date");
pub const COL_TITLE: Text = Text::new("Titre", "Title");
pub const COL_TABLES: Text = Text::new("Tables", "Tables");
pub const COL_PROPOSALS: Text = Text::new("Propositions", "Proposals");
pub const COL_FILE: Text = Text::new("Fichier", "File");
pub const ASK_NEW_TITLE: Text = Text::new("Titre de la nouvelle session", "Title of the new session");
pub const ASK_DUPLICATE_TITLE: Text = Text::new(
    "Titre de la copie (tables et horaire repris, sans propositions)",
    "Title of the copy (tables and schedule, no proposals)",
);
pub const CONFIRM_TITLE: Text = Text::new("Confirmer", "Confirm");

pub fn copy_of(lang: Lang, title: &str) -> String {
    pick(lang, format!("{title} (copie)"), format!("{title} (copy)"))
}

pub fn confirm_trash(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("Mettre « {name} » à la corbeille (dossier .trash/ des sessions) ?"),
        format!("Move “{name}” to the trash (the sessions' .trash/ folder)?"),
    )
}

pub fn trashed(lang: Lang, path: &str) -> String {
    pick(lang, format!("Mise à la corbeille : {path}"), format!("Moved to the trash: {path}"))
}

pub fn created(lang: Lang, path: &str) -> String {
    pick(lang, format!("Session créée : {path}"), format!("Session created: {path}"))
}

// Setup.
pub const SESSION_HEADING: Text = Text::new("Session", "Session");
pub const F_TITLE: Text = Text::new("Titre", "Title");
pub const F_DATE: Text = Text::new("Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)");
pub const F_PLACE: Text = Text::new("Lieu", "Place");
pub const F_FACILITATOR: Text = Text::new("Animation", "Facilitator");
pub const F_ROUNDS: Text = Text::new("Nombre de tours", "Number of rounds");
pub const F_ROUND_MINUTES: Text = Text::new("Durée des tours (min)", "Round length (min)");
pub const F_MOVE_MINUTES: Text = Text::new("Déplacement (min)", "Move time (min)");
pub const F_HARVEST_MINUTES: Text = Text::new("Récolte (min)", "Harvest (min)");
pub const F_AUTO_ADVANCE: Text = Text::new("Enchaîner seul", "Advance by itself");
pub const F_WARNING_MINUTES: Text = Text::new("Avertir avant la fin (min)", "Warn before the end (min)");
pub const ROUND_QUESTIONS_HEADING: Text = Text::new(
    "Question de chaque tour (la même à toutes les tables)",
    "Question of each round (the same at every table)",
);
pub const K_TEST_SOUND: Text = Text::new("Tester le son", "Test the sound");

pub fn round_question_label(lang: Lang, round: usize) -> String {
    pick(lang, format!("Tour {round}"), format!("Round {round}"))
}

pub fn bad_warning_minutes(lang: Lang, value: &str) -> String {
    pick(
        lang,
        format!("« {value} » : nombre de minutes attendu, de 0 (pas d'avertissement) à 60."),
        format!("“{value}”: a number of minutes expected, from 0 (no warning) to 60."),
    )
}

pub fn sound_tested(lang: Lang, bell: bool, command: Option<&str>) -> String {
    let bell = match (lang, bell) {
        (Lang::Fr, true) => "cloche du terminal",
        (Lang::Fr, false) => "cloche coupée",
        (Lang::En, true) => "terminal bell",
        (Lang::En, false) => "bell off",
    };
    match command {
        Some(command) => pick(
            lang,
            format!("Son de fin de phase : {bell} + commande « {command} »."),
            format!("End-of-phase sound: {bell} + command “{command}”."),
        ),
        None => pick(
            lang,
            format!("Son de fin de phase : {bell} (aucune commande : cafe open --on-end \"…\")."),
            format!("End-of-phase sound: {bell} (no command: cafe open --on-end \"…\")."),
        ),
    }
}

pub const COL_NUMBER: Text = Text::new("N°", "No.");
pub const COL_NAME: Text = Text::new("Nom", "Name");
pub const COL_QUESTION: Text = Text::new("Question", "Question");
pub const COL_HOST: Text = Text::new("Hôte", "Host");
pub const YES: Text = Text::new("oui", "yes");
pub const NO: Text = Text::new("non", "no");
pub const SELECT_A_TABLE: Text =
    Text::new("Choisissez d'abord une table dans la liste.", "Select a table in the list first.");
pub const LAST_TABLE: Text =
    Text::new("Une session garde au moins une table.", "A session keeps at least one table.");

pub fn tables_heading(lang: Lang, count: usize) -> String {
    pick(lang, format!("Tables ({count})"), format!("Tables ({count})"))
}

pub fn editing(lang: Lang, what: &str) -> String {
    pick(lang, format!("Modifier : {what}"), format!("Edit: {what}"))
}

pub fn bad_date(lang: Lang, value: &str) -> String {
    pick(
        lang,
        format!("date invalide « {value} » : écrivez AAAA-MM-JJ ou JJ/MM/AAAA"),
        format!("invalid date `{value}`: write YYYY-MM-DD or DD/MM/YYYY"),
    )
}

pub fn bad_minutes(lang: Lang, value: &str, min: u32) -> String {
    pick(
        lang,
        format!("durée invalide « {value} » : un nombre de minutes de {min} à 600"),
        format!("invalid length `{value}`: a number of minutes from {min} to 600"),
    )
}

pub fn bad_rounds(lang: Lang, value: &str) -> String {
    pick(
        lang,
        format!("nombre de tours invalide « {value} » : de 1 à 20"),
        format!("invalid number of rounds `{value}`: 1 to 20"),
    )
}

pub fn minutes_count(lang: Lang, rounds: usize) -> String {
    pick(
        lang,
        format!("donnez une durée pour tous les tours, ou une par tour ({rounds})"),
        format!("give one length for all rounds, or one per round ({rounds})"),
    )
}

pub fn round_has_proposals(lang: Lang, round: u32) -> String {
    pick(
        lang,
        format!("le tour {round} a des propositions : impossible de le retirer"),
        format!("round {round} has proposals: it cannot be removed"),
    )
}

pub fn bad_table_number(lang: Lang, value: &str) -> String {
    pick(lang, format!("numéro de table invalide « {value} »"), format!("invalid table number `{value}`"))
}

pub fn table_has_proposals(lang: Lang, table: u32, count: usize) -> String {
    pick(
        lang,
        format!("la table {table} a {count} proposition(s) : déplacez-les d'abord (Saisir, m)"),
        format!("table {table} has {count} proposal(s): move them first (Capture, m)"),
    )
}

pub fn table_removed(lang: Lang, table: u32) -> String {
    pick(lang, format!("Table {table} retirée."), format!("Table {table} removed."))
}

// Run.
pub const HARVEST: Text = Text::new("Récolte", "Harvest");
pub const RUNNING: Text = Text::new("▶ en cours", "▶ running");
pub const PAUSED: Text = Text::new("⏸ en pause", "⏸ paused");
pub const READY: Text = Text::new("prêt — Espace pour démarrer", "ready — Space to start");
pub const NEXT: Text = Text::new("Ensuite :", "Next:");
pub const THEN: Text = Text::new("puis", "then");
pub const LAST_PHASE_NOW: Text = Text::new("Dernière phase : la récolte.", "Last phase: the harvest.");
pub const LAST_PHASE: Text = Text::new("C'est déjà la dernière phase.", "This is already the last phase.");
pub const FIRST_PHASE: Text = Text::new("C'est déjà la première phase.", "This is already the first phase.");
pub const TABLE: Text = Text::new("Table", "Table");
pub const NO_QUESTION: Text = Text::new("(question à préciser)", "(question to be set)");

pub fn round_of(lang: Lang, round: u32, rounds: u32) -> String {
    pick(lang, format!("Tour {round} / {rounds}"), format!("Round {round} / {rounds}"))
}

pub fn round_short(lang: Lang, round: u32, rounds: u32) -> String {
    pick(lang, format!("Tour {round}/{rounds}"), format!("Round {round}/{rounds}"))
}

pub const CHANGE_TABLES: Text = Text::new("Changez de table !", "Change tables!");

pub fn warning_left(lang: Lang, minutes: i64) -> String {
    if minutes <= 1 {
        pick(lang, "⚠ dernière minute".into(), "⚠ last minute".into())
    } else {
        pick(lang, format!("⚠ plus que {minutes} minutes"), format!("⚠ {minutes} minutes left"))
    }
}

pub fn time_and_end(lang: Lang, now: &str, end: &str) -> String {
    pick(lang, format!("il est {now} · fin prévue {end}"), format!("it is {now} · planned end {end}"))
}

pub fn question_of_round(lang: Lang, round: u32) -> String {
    pick(lang, format!("Question du tour {round}"), format!("Question of round {round}"))
}

pub fn next_question(lang: Lang, round: u32) -> String {
    pick(lang, format!("Prochaine question — tour {round}"), format!("Next question — round {round}"))
}

pub const MOVE_SHORT: Text = Text::new("Déplacement", "Move");

pub fn move_after(lang: Lang, round: u32) -> String {
    pick(lang, format!("Déplacement (après le tour {round})"), format!("Move (after round {round})"))
}

pub fn overdue_by(lang: Lang, time: &str) -> String {
    pick(lang, format!("⏰ temps écoulé (+{time})"), format!("⏰ time is up (+{time})"))
}

// Capture.
pub const ALL_TABLES: Text = Text::new("Toutes", "All");
pub const ALL_TABLES_HINT: Text = Text::new(
    "Toutes les tables — Tab pour choisir une table et écrire",
    "All tables — Tab to pick a table and type",
);
pub const TABLE_SHORT: Text = Text::new("T", "T");
pub const ROUND: Text = Text::new("tour", "round");
pub const BY_HAND: Text = Text::new("choisi", "chosen");
pub const KIND_CONDITION: Text = Text::new("condition", "condition");
pub const KIND_ASTUCE: Text = Text::new("astuce", "tip");
pub const KIND_TEMOIGNAGE: Text = Text::new("témoignage", "testimony");
pub const NEW_PROPOSAL: Text = Text::new("Nouvelle proposition", "New proposal");
pub const EDITING_PROPOSAL: Text = Text::new("Modifier", "Edit");
pub const CHOOSE_TABLE: Text = Text::new("Choisissez une table (Tab)", "Pick a table (Tab)");
pub const NO_PROPOSALS_YET: Text = Text::new(
    "Pas encore de proposition ici. Écrivez, puis Entrée.",
    "No proposal here yet. Type, then Enter.",
);
pub const EDIT_CANCELLED: Text = Text::new("Modification annulée.", "Edit cancelled.");
pub const EDITED: Text = Text::new("Proposition modifiée.", "Proposal changed.");
/// What was deleted, and how to bring it back.
pub fn deleted_proposal(lang: Lang, id: u64, text: &str) -> String {
    pick(
        lang,
        format!("Proposition n° {id} supprimée : « {text} » — Ctrl+Z pour la rétablir."),
        format!("Proposal #{id} deleted: “{text}” — Ctrl+Z to bring it back."),
    )
}
pub const UNDONE: Text = Text::new("Annulé.", "Undone.");
pub const NOTHING_TO_UNDO: Text = Text::new("Rien à annuler.", "Nothing to undo.");
pub const ASK_MOVE_TABLE: Text = Text::new("Déplacer vers la table n°", "Move to table number");

pub fn saved_proposal(lang: Lang, id: u64, table: u32, round: u32) -> String {
    pick(
        lang,
        format!("Proposition p{id} enregistrée : table {table}, tour {round}."),
        format!("Proposal p{id} saved: table {table}, round {round}."),
    )
}

pub fn moved_to(lang: Lang, table: u32) -> String {
    pick(
        lang,
        format!("Proposition déplacée vers la table {table}."),
        format!("Proposal moved to table {table}."),
    )
}

pub const HINT_FAMILY: Text = Text::new("Famille probable :", "Likely family:");
pub const HINT_NO_FAMILY: Text = Text::new("Famille : incertaine", "Family: unsure");
pub const HINT_TO_VALIDATE: Text = Text::new("à valider", "to confirm");
pub const HINT_NOTHING_CLOSE: Text =
    Text::new("rien d'approchant aux autres tables", "nothing close at other tables");

pub fn hint_close(lang: Lang, table: u32, text: &str, percent: u32) -> String {
    pick(
        lang,
        format!("Proche, table {table} : « {text} » ({percent} %)"),
        format!("Close, table {table}: “{text}” ({percent}%)"),
    )
}

pub fn taken_from_disk(lang: Lang, count: usize) -> String {
    pick(
        lang,
        format!(
            "Le fichier a été modifié par un autre programme : {count} proposition(s) reprise(s), rien n'est perdu."
        ),
        format!("The file was changed by another program: {count} proposal(s) taken in, nothing is lost."),
    )
}

// Export.
pub const EXPORT_INTO: Text = Text::new("Exporter dans", "Export into");
pub const SYNTHESIS: Text = Text::new("Synthèse", "Synthèse");
pub const PROPOSALS: Text = Text::new("Propositions", "Proposals");
pub const EXPORT_SYNTH_RON: Text =
    Text::new("la synthèse complète, pour d'autres outils", "the whole synthèse, for other tools");
pub const EXPORT_SYNTH_MD: Text =
    Text::new("le document synthèse, par famille, à partager", "the synthèse document, by family, to share");
pub const EXPORT_SYNTH_CSV: Text = Text::new(
    "une ligne par proposition avec sa condition et sa famille (tableur)",
    "one row per proposal with its condition and family (spreadsheet)",
);
pub const EXPORT_SYNTH_JSON: Text = Text::new("la synthèse complète en JSON", "the whole synthèse as JSON");
pub const EXPORT_NOTES_MD: Text = Text::new(
    "les propositions brutes par table et tour (relues par cafe import)",
    "raw proposals by table and round (read back by cafe import)",
);
pub const EXPORT_NOTES_CSV: Text = Text::new(
    "les propositions brutes, une ligne chacune (relues par cafe import)",
    "raw proposals, one row each (read back by cafe import)",
);
pub const ASK_EXPORT_PATH: Text =
    Text::new("Écrire dans le fichier (ou dossier)", "Write to the file (or folder)");
pub const WRITTEN: Text = Text::new("Fichiers écrits :", "Files written:");
pub const EMPTY_PATH: Text = Text::new("le chemin est vide", "the path is empty");

pub fn written_to(lang: Lang, list: &str) -> String {
    pick(lang, format!("Écrit : {list}"), format!("Written: {list}"))
}

pub fn export_failed(lang: Lang, message: &str) -> String {
    pick(lang, format!("export impossible : {message}"), format!("export failed: {message}"))
}

pub fn settings_not_saved(lang: Lang, message: &str) -> String {
    pick(lang, format!("préférences non enregistrées : {message}"), format!("settings not saved: {message}"))
}

// Everywhere.
pub fn too_small(lang: Lang, width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    pick(
        lang,
        format!(
            "Terminal trop petit ({width}×{height}) : agrandissez-le à {min_width}×{min_height} au moins."
        ),
        format!("Terminal too small ({width}×{height}): make it at least {min_width}×{min_height}."),
    )
}

/// Messages of the `open` command.
pub fn not_a_terminal(lang: Lang) -> String {
    pick(
        lang,
        "l'application plein écran a besoin d'un terminal".into(),
        "the full-screen app needs a terminal".into(),
    )
}

/// The banner over a session whose file cannot take the app's changes.
pub fn not_writable_banner(lang: Lang, reason: &str) -> String {
    pick(
        lang,
        format!(
            "⚠ Fichier non modifié : {reason}. Vos saisies restent en mémoire — Ctrl+S : enregistrer ailleurs."
        ),
        format!("⚠ File left as it is: {reason}. What you type stays in memory — Ctrl+S: save elsewhere."),
    )
}

/// Why a read-only session is not written.
pub const READ_ONLY: Text = Text::new("session en lecture seule", "read-only session");

/// The question before leaving with changes that are not on disk.
pub const LEAVE_UNSAVED: Text = Text::new(
    "Des modifications ne sont pas enregistrées dans le fichier et seront perdues. Quitter quand même ?",
    "Some changes are not in the file and will be lost. Leave anyway?",
);

/// The question of « Enregistrer ailleurs ».
pub const ASK_SAVE_ELSEWHERE: Text =
    Text::new("Enregistrer la session dans un nouveau fichier :", "Save the session to a new file:");

/// The key that saves the session elsewhere, in the help.
pub const K_SAVE_ELSEWHERE: Text = Text::new("Enregistrer ailleurs", "Save elsewhere");

/// The session now lives in another file.
pub fn saved_elsewhere(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!("Session enregistrée dans {path} ; la suite s'y enregistre."),
        format!("Session saved to {path}; what follows is saved there."),
    )
}
// Quitting.

/// Why `q` asks before quitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitReason {
    /// A round's clock is running.
    RoundRunning,
    /// Text typed in a field is not saved yet.
    TypedText,
}

pub fn whole_proposal(lang: Lang, id: u64, table: u32, round: u32) -> String {
    pick(
        lang,
        format!(
            "n° {id} · table {table} · tour {round} — en entier (une lettre écrit une nouvelle proposition)"
        ),
        format!("#{id} · table {table} · round {round} — in full (a letter starts a new proposal)"),
    )
}

pub const CONFIRM_LEAVE: Text = Text::new(
    "Le texte en cours de saisie n'est pas enregistré. Revenir aux sessions quand même et le perdre ?",
    "The text being typed is not saved. Back to the sessions anyway and lose it?",
);

pub fn confirm_quit(lang: Lang, reason: QuitReason) -> String {
    match reason {
        QuitReason::RoundRunning => pick(
            lang,
            "Un tour est en cours. Quitter quand même ? (l'horloge continue : elle sera juste à la réouverture)".into(),
            "A round is running. Quit anyway? (the clock goes on: it will be right when reopened)".into(),
        ),
        QuitReason::TypedText => pick(
            lang,
            "Le texte en cours de saisie n'est pas enregistré. Quitter quand même et le perdre ?".into(),
            "The text being typed is not saved. Quit anyway and lose it?".into(),
        ),
    }
}

// Clock moves.

pub fn confirm_skip(lang: Lang, phase: &str, left: &str, forward: bool) -> String {
    match (lang, forward) {
        (Lang::Fr, true) => format!(
            "{phase} est en cours ({left} restantes). Passer à la phase suivante ? Ce temps est gardé ; Ctrl+Z revient."
        ),
        (Lang::Fr, false) => format!(
            "{phase} est en cours ({left} restantes). Revenir à la phase précédente ? Ce temps est gardé ; Ctrl+Z revient."
        ),
        (Lang::En, true) => format!(
            "{phase} is running ({left} left). Go to the next phase? That time is kept; Ctrl+Z comes back."
        ),
        (Lang::En, false) => format!(
            "{phase} is running ({left} left). Go back to the previous phase? That time is kept; Ctrl+Z comes back."
        ),
    }
}

pub fn clock_moved(lang: Lang, now_at: &str, was: &str) -> String {
    pick(
        lang,
        format!("Horloge : {now_at} — Ctrl+Z pour revenir à {was}"),
        format!("Clock: {now_at} — Ctrl+Z to go back to {was}"),
    )
}

pub fn clock_restored(lang: Lang, now_at: &str) -> String {
    pick(lang, format!("Horloge rétablie : {now_at}"), format!("Clock restored: {now_at}"))
}
