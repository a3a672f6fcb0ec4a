//! Properties of the synthèse: input order does not matter, every proposal is in
//! exactly one group, human decisions survive new proposals, and odd inputs give a
//! sensible result without panicking.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use cafe_savoir::domain::{Kind, ProposalId, Session};
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::{Engine, Status, Synthesis, generate};

/// One engine for the whole file (building one compiles the vocabulary); the engine is
/// meant to be kept across syntheses, which these tests exercise too.
fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&default_families()))
}

fn session_with(texts: &[(u32, Kind, String)]) -> Session {
    let mut session = Session::new("Essai", default_families(), 8, 3, 20).expect("valid session");
    let now = Utc.timestamp_opt(1_542_200_000, 0).single().expect("time");
    for (table, kind, text) in texts {
        let _ = session.add_proposal(*table, 1, *kind, text, now);
    }
    session
}

fn every_proposal_once(session: &Session, synthesis: &Synthesis) {
    let mut seen: Vec<ProposalId> = synthesis.all_groups().flat_map(|g| g.members.clone()).collect();
    seen.sort();
    let mut expected: Vec<ProposalId> = session.proposals.iter().map(|p| p.id).collect();
    expected.sort();
    assert_eq!(seen, expected);
    for group in synthesis.all_groups() {
        assert_eq!(group.anchor, group.members[0]);
        assert!(group.support >= 1 && group.support <= group.members.len());
        assert!(!group.wording.is_empty() || group.members.iter().all(|m| session.proposal(*m).is_some()));
    }
}

fn texts_strategy() -> impl Strategy<Value = Vec<(u32, Kind, String)>> {
    prop::collection::vec(
        (
            1u32..=8,
            prop_oneof![Just(Kind::Condition), Just(Kind::Condition), Just(Kind::Astuce)],
            any::<u64>(),
        ),
        0..40,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(t, k, seed)| (t, k, generate::proposal_text(&mut generate::Rng::new(seed))))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn order_of_proposals_does_not_change_the_synthesis(texts in texts_strategy(), seed in any::<u64>()) {
        let engine = engine();
        let session = session_with(&texts);
        let reference = engine.synthesize(&session);
        let mut shuffled = session.clone();
        let mut rng = generate::Rng::new(seed);
        for i in (1..shuffled.proposals.len()).rev() {
            let j = rng.below(i + 1);
            shuffled.proposals.swap(i, j);
        }
        prop_assert_eq!(&engine.synthesize(&shuffled), &reference);
        every_proposal_once(&session, &reference);
    }

    #[test]
    fn decisions_survive_new_proposals(texts in texts_strategy(), extra in texts_strategy(), picks in any::<u64>()) {
        let engine = engine();
        let mut session = session_with(&texts);
        let conditions: Vec<ProposalId> =
            session.proposals.iter().filter(|p| p.kind == Kind::Condition).map(|p| p.id).collect();
        prop_assume!(conditions.len() >= 4);
        let mut rng = generate::Rng::new(picks);
        let pick = |rng: &mut generate::Rng| conditions[rng.below(conditions.len())];
        let (a, b, c, d) = (pick(&mut rng), pick(&mut rng), pick(&mut rng), pick(&mut rng));
        session.decisions.merge(a, b);
        let first = engine.synthesize(&session);
        let others: Vec<ProposalId> =
            first.group_of(c).map(|g| g.members.clone()).unwrap_or_default();
        session.decisions.split(c, &others);
        session.decisions.set_family(d, 3);
        session.decisions.set_wording(d, "Formulation choisie par la salle");
        session.decisions.vote(d, 4);
        session.decisions.exclude(a);
        let now = Utc.timestamp_opt(1_542_300_000, 0).single().expect("time");
        for (table, kind, text) in &extra {
            let _ = session.add_proposal(*table, 2, *kind, text, now);
        }
        let after = engine.synthesize(&session);
        every_proposal_once(&session, &after);
        let group_of = |id| after.group_of(id).expect("every proposal has a group");
        if a != b && !(others.contains(&a) && c == b) && !(others.contains(&b) && c == a) {
            prop_assert_eq!(group_of(a).anchor, group_of(b).anchor);
        }
        for other in &others {
            if *other != c && !session.decisions.merges.iter().any(|p| p.contains(c) && p.contains(*other)) {
                prop_assert_ne!(group_of(c).anchor, group_of(*other).anchor);
            }
        }
        let gd = group_of(d);
        prop_assert_eq!(gd.family, Some(3));
        prop_assert_eq!(gd.status, Status::Decided);
        prop_assert_eq!(gd.wording.as_str(), "Formulation choisie par la salle");
        prop_assert!(gd.edited);
        prop_assert!(gd.votes >= 4);
        prop_assert!(group_of(a).excluded);
    }
}

#[test]
fn a_fresh_engine_agrees_with_one_that_has_a_warm_cache() {
    let session = generate::session(120, 3, default_families());
    let warm = engine();
    let _ = warm.synthesize(&generate::session(60, 4, default_families()));
    assert_eq!(Engine::new(&default_families()).synthesize(&session), warm.synthesize(&session));
}

#[test]
fn empty_input_gives_an_empty_synthesis() {
    let synthesis = engine().synthesize(&session_with(&[]));
    assert_eq!(synthesis, Synthesis::default());
}

#[test]
fn one_proposal_is_one_condition() {
    let session = session_with(&[(1, Kind::Condition, "Transparence entre partenaires".into())]);
    let synthesis = engine().synthesize(&session);
    assert_eq!(synthesis.conditions.len(), 1);
    assert_eq!(synthesis.conditions[0].wording, "Transparence entre partenaires");
    assert_eq!(synthesis.conditions[0].family, Some(3));
}

#[test]
fn two_hundred_identical_proposals_are_one_condition() {
    let texts: Vec<(u32, Kind, String)> =
        (0..200).map(|i| (i % 8 + 1, Kind::Condition, "Climat de confiance".to_string())).collect();
    let session = session_with(&texts);
    let synthesis = engine().synthesize(&session);
    assert_eq!(synthesis.conditions.len(), 1);
    assert_eq!(synthesis.conditions[0].members.len(), 200);
    assert_eq!(synthesis.conditions[0].support, 8);
    assert_eq!(synthesis.conditions[0].tables, (1..=8).collect::<Vec<u32>>());
}

#[test]
fn odd_texts_give_a_sensible_result() {
    let long = "Transparence et confiance entre les partenaires. ".repeat(220);
    assert!(long.chars().count() > 10_000);
    let texts = vec![
        (1, Kind::Condition, long.clone()),
        (2, Kind::Condition, "🎉🎉🎉".to_string()),
        (3, Kind::Condition, "🤝".to_string()),
        (4, Kind::Condition, "Trust and transparency between partners".to_string()),
        (5, Kind::Condition, "Transparence, no hidden agenda!!".to_string()),
        (6, Kind::Condition, "Climat\u{7} de\u{1b}[31m confiance\u{0}".to_string()),
        (7, Kind::Temoignage, "« On s'est embarqués pour avoir du financement. »".to_string()),
    ];
    let session = session_with(&texts);
    let engine = engine();
    let synthesis = engine.synthesize(&session);
    every_proposal_once(&session, &synthesis);
    // The two emoji-only proposals are not merged with anything.
    let emoji: Vec<&_> =
        synthesis.conditions.iter().filter(|g| g.wording.starts_with(['🎉', '🤝'])).collect();
    assert_eq!(emoji.len(), 2);
    assert!(
        emoji.iter().all(|g| g.members.len() == 1 && g.family.is_none() && g.status == Status::ToValidate)
    );
    assert_eq!(synthesis.temoignages.len(), 1);
    // Live hints on odd texts do not panic either.
    let _ = engine.classify(&long);
    let _ = engine.classify("");
    let _ = engine.nearest(&session, "🎉", 1);
    assert!(engine.nearest(&session, "Un climat de confiance", 1).is_some());
}
