//! Help texts of the command line, keyed by `subcommand.argument`.

use super::Lang;

/// The `about` line of the program (`""`) or of a subcommand.
pub fn about(lang: Lang, command: &str) -> Option<&'static str> {
    let (fr, en) = match command {
        "" => (
            "cafe — animer un café du savoir et en récolter la synthèse",
            "cafe — run a café du savoir and harvest its synthèse",
        ),
        "open" => {
            ("Ouvrir une session dans l'application plein écran", "Open one session in the full-screen app")
        }
        "new" => ("Créer un fichier de session", "Create a session file"),
        "import" => {
            ("Ajouter les propositions de notes Markdown ou CSV", "Add proposals from Markdown or CSV notes")
        }
        "add" => ("Ajouter une proposition", "Add one proposal"),
        "list" => ("Lister les sessions d'un dossier", "List the sessions of a folder"),
        "show" => ("Afficher le résumé d'une session", "Print a readable summary of a session"),
        "synth" => {
            ("Faire la synthèse de sessions ou de notes", "Synthesise sessions or notes into conditions")
        }
        "plan" => ("Planifier qui va à quelle table à chaque tour", "Plan who sits where each round"),
        _ => return super::review::about(lang, command),
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// The help of an argument, by `subcommand.id` or by `id` alone for global ones.
pub fn arg_help(lang: Lang, key: &str) -> Option<&'static str> {
    let (fr, en) = match key {
        "lang" => ("Langue de l'interface (fr, en)", "Interface language (fr, en)"),
        "dir" => ("Dossier des sessions de l'accueil", "Sessions folder of the home screen"),
        "open.session" | "show.session" => ("Fichier de session (.ron)", "Session file (.ron)"),
        "new.session" => (
            "Fichier de session à créer (.ron), ou dossier où le créer d'après le titre",
            "Session file to create (.ron), or a folder to create it in, named after the title",
        ),
        "new.title" => ("Titre de la session", "Title of the session"),
        "new.tables" => ("Nombre de tables", "Number of tables"),
        "new.rounds" => ("Nombre de tours", "Number of rounds"),
        "new.minutes" => ("Durée d'un tour, en minutes", "Length of a round, in minutes"),
        "new.move_minutes" => {
            ("Temps pour changer de table, en minutes", "Time to change tables, in minutes")
        }
        "new.harvest_minutes" => ("Durée de la récolte, en minutes", "Length of the harvest, in minutes"),
        "new.date" => (
            "Date de l'atelier, AAAA-MM-JJ (par défaut : aujourd'hui)",
            "Date of the workshop, YYYY-MM-DD (default: today)",
        ),
        "new.place" => ("Lieu de l'atelier", "Place of the workshop"),
        "new.facilitator" => ("Personne qui anime", "Who facilitates"),
        "import.session" | "add.session" => ("Fichier de session à compléter", "Session file to add to"),
        "import.notes" => ("Notes en Markdown (.md) ou CSV (.csv)", "Notes as Markdown (.md) or CSV (.csv)"),
        "add.table" => ("Numéro de la table", "Table number"),
        "add.round" => {
            ("Numéro du tour (par défaut : le tour en cours)", "Round number (default: the current round)")
        }
        "add.kind" => ("condition, astuce ou temoignage", "condition, astuce or temoignage"),
        "add.text" => ("Texte de la proposition", "Text of the proposal"),
        "list.dir" => ("Dossier (par défaut ./sessions)", "Folder (default ./sessions)"),
        "synth.inputs" => ("Sessions (.ron) ou notes (.md, .csv)", "Sessions (.ron) or notes (.md, .csv)"),
        "synth.format" => (
            "md, html, docx, xlsx, csv, json ou ron (par défaut : celui de l'extension de -o, sinon md)",
            "md, html, docx, xlsx, csv, json or ron (default: the extension of -o, else md)",
        ),
        "synth.output" => (
            "Fichier de sortie (- ou absent : la sortie standard)",
            "Output file (- or none: standard output)",
        ),
        "synth.force" => {
            ("Remplacer le fichier de sortie s'il existe", "Replace the output file if it exists")
        }
        "synth.variant" => (
            "final (pour les membres) ou travail (à valider, écartées, sources)",
            "final (for members) or travail (to confirm, left out, sources)",
        ),
        "synth.sources" => {
            ("Lister les propositions derrière chaque condition", "List the proposals behind each condition")
        }
        "plan.session" => ("Fichier de session (.ron)", "Session file (.ron)"),
        "plan.participants" => (
            "Participants en CSV (name,organisation[,host_of])",
            "Participants as CSV (name,organisation[,host_of])",
        ),
        "plan.format" => ("Format de sortie", "Output format"),
        "plan.count" => (
            "Nombre de participants, quand leurs noms ne sont pas connus",
            "Number of participants, when their names are not known",
        ),
        "plan.seed" => {
            ("Graine du planificateur (même graine, même plan)", "Planner seed (same seed, same plan)")
        }
        _ => return super::review::arg_help(lang, key),
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// clap's own words (help headings, error phrases) and their French.
const CLAP_FR: &[(&str, &str)] = &[
    ("error: ", "erreur : "),
    ("Usage: ", "Utilisation : "),
    ("Commands:", "Commandes :"),
    ("Arguments:", "Arguments :"),
    ("Options:", "Options :"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Afficher ce message ou l'aide d'une sous-commande",
    ),
    ("Print help", "Afficher l'aide"),
    ("Print version", "Afficher la version"),
    ("[default: ", "[par défaut : "),
    ("[possible values: ", "[valeurs possibles : "),
    ("For more information, try '--help'.", "Pour en savoir plus : « --help »."),
    ("the following required arguments were not provided:", "arguments obligatoires manquants :"),
    ("unexpected argument '", "argument inattendu '"),
    ("unrecognized subcommand '", "sous-commande inconnue '"),
    ("a value is required for '", "une valeur est requise pour '"),
    ("invalid value '", "valeur invalide '"),
    ("' for '", "' pour '"),
    ("' cannot be used multiple times", "' ne peut être donné qu'une fois"),
    ("' but none was supplied", "' mais aucune n'a été donnée"),
    ("invalid digit found in string", "ce n'est pas un nombre entier positif"),
    ("number too large to fit in target type", "nombre trop grand"),
    ("cannot parse integer from empty string", "valeur vide"),
    ("input contains invalid characters", "date invalide (AAAA-MM-JJ attendu)"),
    ("premature end of input", "date incomplète (AAAA-MM-JJ attendu)"),
    ("input is out of range", "date hors limites"),
    ("trailing input", "caractères en trop"),
    ("  tip: ", "  astuce : "),
    ("a similar subcommand exists:", "une sous-commande proche existe :"),
    ("a similar argument exists:", "un argument proche existe :"),
    ("to pass '", "pour passer '"),
    ("' as a value, use '", "' comme valeur, utilisez '"),
];

/// clap's rendering of a usage error, the help or the version, in `lang` (clap itself
/// only speaks English).
pub fn translate_clap(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Fr => CLAP_FR.iter().fold(text.to_string(), |out, (en, fr)| out.replace(en, fr)),
    }
}
