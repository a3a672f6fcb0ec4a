//! The Synthèse screen: every action through the real keymap (merge, split, family,
//! wording, exclusion, votes, the guided review's tab, undo), the decisions saved in the
//! session file, mouse and keys; then snapshots of the board, an opened condition, the
//! review, the astuces and témoignages and the charts at 80×24 and 160×45.

mod tui_support;

use std::path::PathBuf;

use cafe_savoir::domain::{Kind, ProposalId, Session};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store;
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::{Group, Status as GroupStatus};
use cafe_savoir::tui::action::{Action, HarvestAction};
use cafe_savoir::tui::app::{App, Popup, Status};
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::harvest::state::{HarvestTab, columns};
use cafe_savoir::tui::settings::Settings;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

/// Sixteen conditions from four tables (paraphrases across tables), an astuce and a
/// témoignage.
fn harvest() -> Session {
    let mut s = Session::new("Café du savoir — récolte", default_families(), 4, 3, 20).expect("session");
    let proposals: [(u32, &str); 16] = [
        (1, "Des objectifs communs clairs dès le départ"),
        (1, "Reconnaître l'expertise de chaque organisme"),
        (1, "Une entente écrite signée par les deux parties"),
        (1, "Un financement récurrent, pas juste par projet"),
        (2, "Se donner des objectifs communs dès le début"),
        (2, "Reconnaître notre expertise"),
        (2, "Mettre l'entente sur papier"),
        (2, "Pouvoir égal entre les partenaires autour de la table"),
        (3, "Identifier ensemble des objectifs communs"),
        (3, "Être payés pour notre temps de concertation"),
        (3, "Pouvoir équivalent pour chaque partenaire autour de la table"),
        (3, "Que l'expertise des organismes soit reconnue"),
        (4, "Partager nos objectifs communs"),
        (4, "Des moyens financiers pour participer"),
        (4, "Respecter la mission de chaque organisme"),
        (4, "Célébrer les bons coups ensemble"),
    ];
    for (i, (table, text)) in proposals.iter().enumerate() {
        let round = (i % 3) as u32 + 1;
        s.add_proposal(*table, round, Kind::Condition, text, t0()).expect("added");
    }
    s.add_proposal(2, 1, Kind::Astuce, "Une rencontre pour se connaître avant de commencer", t0())
        .expect("added");
    s.add_proposal(3, 2, Kind::Temoignage, "On s'est senti traité comme un sous-traitant", t0())
        .expect("added");
    s
}

fn demo() -> Session {
    store::load(std::path::Path::new("sessions/cafe-du-savoir-14-novembre-2018.ron")).expect("demo session")
}

fn saved(app: &App) -> Session {
    store::load(&app.open.as_ref().expect("open").path).expect("saved session loads")
}

fn session(app: &App) -> &Session {
    &app.open.as_ref().expect("open").session
}

fn id_of(app: &App, text: &str) -> ProposalId {
    session(app).proposals.iter().find(|p| p.text == text).map(|p| p.id).expect("proposal")
}

/// The group that holds the proposal with this text.
fn group_of(app: &App, text: &str) -> Group {
    let id = id_of(app, text);
    app.open.as_ref().unwrap().harvest.synthesis.group_of(id).cloned().expect("group")
}

/// Selects, on the board, the group that holds the proposal with this text.
fn select(app: &mut App, text: &str) {
    let id = id_of(app, text);
    let open = app.open.as_mut().unwrap();
    let tab = open.harvest.tab;
    let cols = columns(&open.harvest.synthesis, &open.session, tab, Lang::Fr);
    let (c, r) = cols
        .iter()
        .enumerate()
        .find_map(|(c, col)| col.groups.iter().position(|g| g.members.contains(&id)).map(|r| (c, r)))
        .expect("on the board");
    open.harvest.column = c;
    open.harvest.row = r;
}

fn key(app: &mut App, c: char) {
    code(app, KeyCode::Char(c), t0());
}

fn info(app: &App) -> String {
    match &app.status {
        Some(Status::Info(m)) => m.clone(),
        other => panic!("expected a message, got {other:?}"),
    }
}

fn error(app: &App) -> String {
    match &app.status {
        Some(Status::Error(m)) => m.clone(),
        other => panic!("expected an error, got {other:?}"),
    }
}

const GOALS: &str = "Des objectifs communs clairs dès le départ";
const EXPERTISE: &str = "Reconnaître l'expertise de chaque organisme";
const MISSION: &str = "Respecter la mission de chaque organisme";
const PAPER: &str = "Mettre l'entente sur papier";

#[test]
fn f7_opens_the_synthese_from_every_screen_and_esc_backs_out_one_step_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    for screen in [Screen::Setup, Screen::Run, Screen::Export] {
        let mut app = app_with(harvest(), screen, dir.path());
        code(&mut app, KeyCode::F(7), t0());
        assert_eq!(app.screen, Screen::Harvest);
        assert_eq!(app.open.as_ref().unwrap().harvest.synthesis.conditions.len(), 9);
    }
    // Even while typing a proposal.
    let mut app = app_with(harvest(), Screen::Capture, dir.path());
    type_text(&mut app, "abc", t0());
    code(&mut app, KeyCode::F(7), t0());
    assert_eq!(app.screen, Screen::Harvest);

    code(&mut app, KeyCode::Enter, t0());
    assert!(app.open.as_ref().unwrap().harvest.opened.is_some());
    code(&mut app, KeyCode::Esc, t0());
    assert!(app.open.as_ref().unwrap().harvest.opened.is_none(), "Esc closes the condition");
    key(&mut app, 'v');
    assert_eq!(app.open.as_ref().unwrap().harvest.tab, HarvestTab::Queue);
    code(&mut app, KeyCode::Esc, t0());
    assert_eq!(app.open.as_ref().unwrap().harvest.tab, HarvestTab::Conditions, "then back to the families");
    code(&mut app, KeyCode::Tab, t0());
    code(&mut app, KeyCode::Tab, t0());
    code(&mut app, KeyCode::Tab, t0());
    assert_eq!(app.open.as_ref().unwrap().harvest.tab, HarvestTab::Chart);
    key(&mut app, 'g');
    code(&mut app, KeyCode::Esc, t0());
    code(&mut app, KeyCode::Esc, t0());
    // « abc » typed in capture is not saved: leaving the session asks first.
    assert_eq!(app.screen, Screen::Harvest);
    key(&mut app, 'o');
    assert_eq!(app.screen, Screen::Home, "then out of the session");
}

#[test]
fn merge_marks_one_condition_then_merges_the_whole_group_into_another() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    let before = group_of(&app, EXPERTISE).members.len();
    assert_eq!(before, 3);
    // Merging without a mark says how.
    key(&mut app, 'f');
    assert!(info(&app).contains("Espace"));

    select(&mut app, EXPERTISE);
    key(&mut app, ' ');
    assert_eq!(app.open.as_ref().unwrap().harvest.marked, Some(id_of(&app, EXPERTISE)));
    assert!(frame(&app, 160, 45).contains("◆"), "the mark shows");
    // Merging into itself is refused.
    key(&mut app, 'f');
    assert!(info(&app).contains("marquée"));
    select(&mut app, MISSION);
    let target = group_of(&app, MISSION).anchor;
    key(&mut app, 'f');
    let merged = group_of(&app, MISSION);
    assert_eq!(merged.members.len(), before + 1, "every proposal of the marked group moved");
    assert!(merged.members.contains(&id_of(&app, "Reconnaître notre expertise")));
    assert_eq!(merged.support, 4);
    assert!(app.open.as_ref().unwrap().harvest.marked.is_none());
    let conditions = app.open.as_ref().unwrap().harvest.synthesis.conditions.len();
    assert_eq!(conditions, 8);
    // Saved in the session file, as decisions.
    let file = saved(&app);
    assert!(file.decisions.merges.iter().any(|p| p.contains(id_of(&app, EXPERTISE))));
    assert!(file.decisions.merges.iter().all(|p| p.contains(target)));
    // The selection followed the merged condition.
    let open = app.open.as_ref().unwrap();
    let cols = columns(&open.harvest.synthesis, &open.session, HarvestTab::Conditions, Lang::Fr);
    assert_eq!(cols[open.harvest.column].groups[open.harvest.row].anchor, merged.anchor);

    key(&mut app, 'u');
    assert!(info(&app).contains("fusion"));
    assert_eq!(group_of(&app, EXPERTISE).members.len(), before);
    assert!(saved(&app).decisions.is_empty());
}

#[test]
fn merge_refuses_a_condition_with_an_astuce() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    select(&mut app, GOALS);
    key(&mut app, ' ');
    key(&mut app, 't'); // nothing bound: no change
    act(&mut app, Action::Harvest(HarvestAction::ShowTab(HarvestTab::Others)), t0());
    select(&mut app, "Une rencontre pour se connaître avant de commencer");
    key(&mut app, 'f');
    assert!(error(&app).contains("astuce"));
    assert!(saved_or_default(&app).decisions.is_empty());
}

fn saved_or_default(app: &App) -> Session {
    let path = &app.open.as_ref().unwrap().path;
    if path.exists() { saved(app) } else { session(app).clone() }
}

#[test]
fn split_takes_one_wording_out_and_the_rest_stays_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    select(&mut app, GOALS);
    // On the board, s opens the condition to choose the wording.
    key(&mut app, 's');
    assert!(app.open.as_ref().unwrap().harvest.opened.is_some());
    let group = group_of(&app, GOALS);
    assert_eq!(group.members.len(), 4);
    let screen = frame(&app, 160, 45);
    assert!(screen.contains("Formulations d'origine (4)"), "{screen}");
    assert!(screen.contains("table 4, tour 1"), "{screen}");
    assert!(screen.contains("Regroupées parce qu'elles parlent de"), "{screen}");
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Down, t0());
    let leaving = group.members[2];
    key(&mut app, 's');
    let synthesis = &app.open.as_ref().unwrap().harvest.synthesis;
    assert_eq!(synthesis.group_of(leaving).unwrap().members, vec![leaving]);
    let rest = synthesis.group_of(group.members[0]).unwrap();
    assert_eq!(rest.members.len(), 3);
    // The opened view stays on the remaining condition.
    assert_eq!(app.open.as_ref().unwrap().harvest.opened, Some(group.members[0]));
    let file = saved(&app);
    assert_eq!(file.decisions.splits.len(), 1);
    assert_eq!(file.decisions.splits[0].proposal, leaving);

    // A condition of one proposal has nothing to split.
    code(&mut app, KeyCode::Esc, t0());
    select(&mut app, MISSION);
    key(&mut app, 's');
    key(&mut app, 's');
    assert!(info(&app).contains("rien à séparer"));
}

#[test]
fn a_condition_moves_to_another_family_by_digit_or_by_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    select(&mut app, PAPER);
    assert_eq!(group_of(&app, PAPER).family, Some(2));
    key(&mut app, '3');
    let group = group_of(&app, PAPER);
    assert_eq!((group.family, group.status), (Some(3), GroupStatus::Decided));
    assert_eq!(saved(&app).decisions.families.len(), 1);
    // The selection followed it into its new column.
    let open = app.open.as_ref().unwrap();
    let cols = columns(&open.harvest.synthesis, &open.session, HarvestTab::Conditions, Lang::Fr);
    assert_eq!(cols[open.harvest.column].family, Some(3));
    assert!(cols[open.harvest.column].groups[open.harvest.row].members.contains(&id_of(&app, PAPER)));

    // A family that does not exist is refused and changes nothing.
    key(&mut app, '7');
    assert!(error(&app).contains("famille inconnue"));
    assert_eq!(group_of(&app, PAPER).family, Some(3));

    // m asks; bad answers keep the question open.
    key(&mut app, 'm');
    assert!(matches!(app.popup, Some(Popup::Ask { .. })));
    type_text(&mut app, "deux", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("deux"));
    assert!(app.popup.is_some());
    ctrl(&mut app, 'u', t0());
    for _ in 0..8 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    type_text(&mut app, "1", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(app.popup.is_none());
    assert_eq!(group_of(&app, PAPER).family, Some(1));
    // One family choice per condition, the last one.
    let families = saved(&app).decisions.families;
    assert_eq!(families.len(), 1);
    assert_eq!(families[0].family, 1);
}

#[test]
fn a_condition_is_reworded_then_given_back_its_automatic_wording() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    select(&mut app, GOALS);
    let automatic = group_of(&app, GOALS).wording;
    key(&mut app, 'e');
    match &app.popup {
        Some(Popup::Ask { input, .. }) => assert_eq!(input.text(), automatic, "starts from the wording"),
        other => panic!("expected a question, got {other:?}"),
    }
    ctrl(&mut app, 'u', t0());
    for _ in 0..80 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    type_text(&mut app, "Des objectifs communs, clairs et partagés dès le départ 🎯", t0());
    code(&mut app, KeyCode::Enter, t0());
    let group = group_of(&app, GOALS);
    assert_eq!(group.wording, "Des objectifs communs, clairs et partagés dès le départ 🎯");
    assert!(group.edited);
    assert_eq!(saved(&app).decisions.wordings.len(), 1);
    assert!(frame(&app, 160, 45).contains("✎"));

    key(&mut app, 'e');
    for _ in 0..80 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(group_of(&app, GOALS).wording, automatic);
    assert!(saved(&app).decisions.wordings.is_empty());
}

#[test]
fn a_condition_is_left_out_and_brought_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    select(&mut app, MISSION);
    key(&mut app, 'x');
    assert!(group_of(&app, MISSION).excluded);
    assert_eq!(saved(&app).decisions.exclusions, vec![id_of(&app, MISSION)]);
    assert!(frame(&app, 160, 45).contains("écartée"));
    assert!(frame(&app, 160, 45).contains("Conditions (8)"), "not counted");
    // Still selected (it went to the bottom of its column): bring it back.
    code(&mut app, KeyCode::Delete, t0());
    assert!(!group_of(&app, MISSION).excluded);
    assert!(saved(&app).decisions.exclusions.is_empty());
}

#[test]
fn dot_votes_go_up_and_down_and_order_the_family() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    select(&mut app, MISSION);
    for _ in 0..3 {
        key(&mut app, '+');
    }
    key(&mut app, '-');
    assert_eq!(group_of(&app, MISSION).votes, 2);
    assert_eq!(saved(&app).decisions.votes[0].votes, 2);
    // The most voted condition leads its family, and stays selected.
    let open = app.open.as_ref().unwrap();
    let cols = columns(&open.harvest.synthesis, &open.session, HarvestTab::Conditions, Lang::Fr);
    assert!(cols[0].groups[0].members.contains(&id_of(&app, MISSION)));
    assert_eq!((open.harvest.column, open.harvest.row), (0, 0));
    assert!(frame(&app, 160, 45).contains("●● 2"));
    key(&mut app, '-');
    key(&mut app, '-');
    key(&mut app, '-');
    assert!(info(&app).contains("Aucun vote"));
    assert_eq!(group_of(&app, MISSION).votes, 0);
    assert!(saved(&app).decisions.votes.is_empty());
}

#[test]
fn dropped_decisions_are_shown_not_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = harvest();
    s.decisions.merge(ProposalId(1), ProposalId(999));
    let mut app = app_with(s, Screen::Harvest, dir.path());
    let screen = frame(&app, 160, 45);
    assert!(screen.contains("1 décision abandonnée"), "{screen}");
    key(&mut app, 'v');
    let screen = frame(&app, 160, 45);
    assert!(screen.contains("Décisions abandonnées"), "{screen}");
    assert!(screen.contains("p999"), "{screen}");
}

#[test]
fn mouse_clicks_select_and_open_and_the_wheel_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    app.size = (160, 45);
    let _ = draw(&app, 160, 45);
    // Click the second condition of the second family.
    let target = app
        .hits
        .borrow()
        .iter()
        .find(|h| h.action == Action::Harvest(HarvestAction::Select { column: 1, row: 1 }))
        .map(|h| h.area)
        .expect("drawn");
    act(&mut app, Action::Click { column: target.x + 3, row: target.y }, t0());
    assert_eq!((app.open.as_ref().unwrap().harvest.column, app.open.as_ref().unwrap().harvest.row), (1, 1));
    let _ = draw(&app, 160, 45);
    act(&mut app, Action::Click { column: target.x + 3, row: target.y }, t0());
    assert!(app.open.as_ref().unwrap().harvest.opened.is_some(), "a second click opens it");
    act(&mut app, Action::Scroll { down: true, column: 10, row: 20 }, t0());
    assert_eq!(app.open.as_ref().unwrap().harvest.member, 1);
    code(&mut app, KeyCode::Esc, t0());
    // Tabs are buttons.
    let _ = draw(&app, 160, 45);
    let queue_tab = app
        .hits
        .borrow()
        .iter()
        .find(|h| h.action == Action::Harvest(HarvestAction::ShowTab(HarvestTab::Chart)))
        .map(|h| h.area)
        .expect("tab drawn");
    act(&mut app, Action::Click { column: queue_tab.x, row: queue_tab.y }, t0());
    assert_eq!(app.open.as_ref().unwrap().harvest.tab, HarvestTab::Chart);
}

#[test]
fn arrows_walk_through_every_family() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    let total = app.open.as_ref().unwrap().harvest.synthesis.conditions.len();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..total + 3 {
        let open = app.open.as_ref().unwrap();
        seen.insert((open.harvest.column, open.harvest.row));
        key(&mut app, 'j');
    }
    assert_eq!(seen.len(), total, "↓ alone reaches every condition");
    code(&mut app, KeyCode::Left, t0());
    key(&mut app, 'h');
    key(&mut app, 'h');
    assert_eq!(app.open.as_ref().unwrap().harvest.column, 0);
    key(&mut app, 'l');
    assert_eq!(app.open.as_ref().unwrap().harvest.column, 1);
    key(&mut app, 'k');
}

#[test]
fn astuces_and_temoignages_are_listed_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(harvest(), Screen::Harvest, dir.path());
    let screen = frame(&app, 160, 45);
    assert!(!screen.contains("sous-traitant"), "not among the conditions");
    code(&mut app, KeyCode::Tab, t0());
    let screen = frame(&app, 160, 45);
    assert!(screen.contains("Astuces"), "{screen}");
    assert!(screen.contains("sous-traitant"), "{screen}");
    assert!(screen.contains("Une rencontre pour se connaître"), "{screen}");
    // No family for them.
    key(&mut app, '2');
    assert!(info(&app).contains("Seules les conditions"));
}

// Snapshots.

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), frame(app, w, h));
    }
}

fn demo_app() -> App {
    App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, t0()).with_session(
        &PathBuf::from("sessions/cafe-du-savoir-14-novembre-2018.ron"),
        demo(),
        Screen::Harvest,
    )
}

#[test]
fn snapshots_of_the_synthese() {
    let mut app = demo_app();
    let now = t0();
    let apply = |app: &mut App, action: HarvestAction| {
        // Decisions are applied without saving (the effects are dropped).
        cafe_savoir::tui::update::update(app, Action::Harvest(action), now);
    };
    snap("synthese_board", &app);
    apply(&mut app, HarvestAction::Down);
    apply(&mut app, HarvestAction::Mark);
    apply(&mut app, HarvestAction::Right);
    apply(&mut app, HarvestAction::VoteUp);
    apply(&mut app, HarvestAction::VoteUp);
    apply(&mut app, HarvestAction::VoteUp);
    snap("synthese_board_marked_and_voted", &app);
    apply(&mut app, HarvestAction::Open);
    apply(&mut app, HarvestAction::Down);
    snap("synthese_opened", &app);
    apply(&mut app, HarvestAction::ShowTab(HarvestTab::Queue));
    snap("synthese_review", &app);
    apply(&mut app, HarvestAction::ShowTab(HarvestTab::Others));
    snap("synthese_others", &app);
    apply(&mut app, HarvestAction::ShowTab(HarvestTab::Chart));
    snap("synthese_chart", &app);
    let mut english = demo_app();
    english.lang = Lang::En;
    insta::assert_snapshot!("synthese_board_english_160x45", frame(&english, 160, 45));
    let mut empty = App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, t0())
        .with_session(&PathBuf::from("sessions/vide.ron"), tui_support::session(), Screen::Harvest);
    empty.open.as_mut().unwrap().session.proposals.clear();
    insta::assert_snapshot!("synthese_empty_80x24", frame(&empty, 80, 24));
}

/// Moves the board's selection to the condition holding this text, with ←/→ and ↑/↓
/// only, as the facilitator would.
fn go_to(app: &mut App, text: &str) {
    let id = id_of(app, text);
    let open = app.open.as_ref().unwrap();
    let cols = columns(&open.harvest.synthesis, &open.session, open.harvest.tab, Lang::Fr);
    let (c, r) = cols
        .iter()
        .enumerate()
        .find_map(|(c, col)| col.groups.iter().position(|g| g.members.contains(&id)).map(|r| (c, r)))
        .expect("on the board");
    for _ in 0..cols.len() {
        key(app, 'h');
    }
    for _ in 0..c {
        key(app, 'l');
    }
    while app.open.as_ref().unwrap().harvest.row > 0 {
        key(app, 'k');
    }
    for _ in 0..r {
        key(app, 'j');
    }
    let open = app.open.as_ref().unwrap();
    assert_eq!((open.harvest.column, open.harvest.row), (c, r), "reached « {text} »");
}

#[test]
fn a_harvest_by_keys_from_capture_to_export() {
    let dir = tempfile::tempdir().unwrap();
    let empty = Session::new("Café du savoir — récolte", default_families(), 4, 3, 20).expect("session");
    let mut app = app_with(empty, Screen::Capture, dir.path());
    let path = dir.path().join("cafe.ron");
    // Capture what each table said.
    let said = harvest();
    for p in &said.proposals {
        act(
            &mut app,
            Action::Capture(cafe_savoir::tui::action::CaptureAction::SelectTab(p.table as usize)),
            t0(),
        );
        for _ in
            0..[Kind::Condition, Kind::Astuce, Kind::Temoignage].iter().position(|k| *k == p.kind).unwrap()
        {
            ctrl(&mut app, 't', t0());
        }
        type_text(&mut app, &p.text, t0());
        code(&mut app, KeyCode::Enter, t0());
    }
    assert_eq!(store::load(&path).unwrap().proposals.len(), said.proposals.len());

    // The synthèse, by keys only.
    code(&mut app, KeyCode::F(7), t0());
    assert_eq!(app.screen, Screen::Harvest);
    // Merge the expertise into the mission of each organisation.
    go_to(&mut app, EXPERTISE);
    key(&mut app, ' ');
    go_to(&mut app, MISSION);
    key(&mut app, 'f');
    // Split the third wording out of the common goals.
    go_to(&mut app, GOALS);
    code(&mut app, KeyCode::Enter, t0());
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Down, t0());
    let split_out = group_of(&app, GOALS).members[2];
    key(&mut app, 's');
    code(&mut app, KeyCode::Esc, t0());
    // The written agreement belongs to family 3; the celebration to family 1 (asked).
    go_to(&mut app, PAPER);
    key(&mut app, '3');
    go_to(&mut app, "Célébrer les bons coups ensemble");
    key(&mut app, 'm');
    type_text(&mut app, "1", t0());
    code(&mut app, KeyCode::Enter, t0());
    // Three dots for the merged condition, one for the equal power.
    go_to(&mut app, MISSION);
    for _ in 0..3 {
        key(&mut app, '+');
    }
    go_to(&mut app, "Pouvoir égal entre les partenaires autour de la table");
    key(&mut app, '+');
    key(&mut app, 'e');
    ctrl(&mut app, 'u', t0());
    for _ in 0..80 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    type_text(&mut app, "Un pouvoir égal pour chaque partenaire", t0());
    code(&mut app, KeyCode::Enter, t0());

    // Export everything.
    code(&mut app, KeyCode::F(5), t0());
    key(&mut app, 'a');

    // The saved session holds the decisions, keyed by proposal ids.
    let saved = store::load(&path).unwrap();
    let id = |text: &str| saved.proposals.iter().find(|p| p.text == text).map(|p| p.id).unwrap();
    let d = &saved.decisions;
    assert!(d.merges.iter().any(|p| p.contains(id(EXPERTISE))));
    assert!(d.merges.iter().any(|p| p.contains(id("Reconnaître notre expertise"))));
    assert_eq!(d.splits.len(), 1);
    assert_eq!(d.splits[0].proposal, split_out);
    assert_eq!(d.families.len(), 2);
    assert!(d.families.iter().any(|f| f.family == 3) && d.families.iter().any(|f| f.family == 1));
    assert_eq!(d.votes.iter().map(|v| v.votes).sum::<u32>(), 4);
    assert_eq!(d.wordings.len(), 1);
    assert_eq!(d.wordings[0].text, "Un pouvoir égal pour chaque partenaire");

    // The exported synthèse (RON) says the same.
    let ron = std::fs::read_to_string(dir.path().join("exports/cafe-synthese.ron")).unwrap();
    let exported = cafe_savoir::export::document::from_ron(&ron).expect("synthèse RON parses").to_synthesis();
    let merged = exported.group_of(id(MISSION)).unwrap();
    assert!(
        merged.members.contains(&id(EXPERTISE))
            && merged.members.contains(&id("Reconnaître notre expertise"))
    );
    assert_eq!((merged.votes, merged.support), (3, 4));
    assert_eq!(exported.group_of(split_out).unwrap().members, vec![split_out]);
    assert_eq!(exported.group_of(id(GOALS)).unwrap().members.len(), 3);
    let paper = exported.group_of(id(PAPER)).unwrap();
    assert_eq!((paper.family, paper.status), (Some(3), GroupStatus::Decided));
    assert_eq!(exported.group_of(id("Célébrer les bons coups ensemble")).unwrap().family, Some(1));
    let power = exported.group_of(id("Pouvoir égal entre les partenaires autour de la table")).unwrap();
    assert_eq!((power.wording.as_str(), power.votes), ("Un pouvoir égal pour chaque partenaire", 1));
    let markdown = std::fs::read_to_string(dir.path().join("exports/cafe-synthese.md")).unwrap();
    assert!(markdown.contains("Un pouvoir égal pour chaque partenaire"));
}
