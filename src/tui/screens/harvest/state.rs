//! What the Synthèse screen remembers (the synthèse as of the last change, the tab,
//! the selections, the undo steps) and what it derives from the synthèse for every
//! view: the board's columns and the queue « à valider ».

use crate::domain::{Decisions, Kind, Learned, ProposalId, Session};
use crate::i18n::harvest as t;
use crate::i18n::{Lang, Text};
use crate::synth::review::{Ask, Question, Review, review};
use crate::synth::{Engine, Group, Synthesis};

/// The views of the screen, in the order of their tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HarvestTab {
    /// The conditions, one column per family.
    #[default]
    Conditions,
    /// Astuces and témoignages, apart from the conditions.
    Others,
    /// The guided review: one question at a time, one key per answer.
    Queue,
    /// Bars for the room: support per condition, proposals per family and per table.
    Chart,
}

impl HarvestTab {
    pub const ALL: [HarvestTab; 4] =
        [HarvestTab::Conditions, HarvestTab::Others, HarvestTab::Queue, HarvestTab::Chart];

    pub fn title(self) -> Text {
        match self {
            HarvestTab::Conditions => t::TAB_CONDITIONS,
            HarvestTab::Others => t::TAB_OTHERS,
            HarvestTab::Queue => t::TAB_QUEUE,
            HarvestTab::Chart => t::TAB_CHART,
        }
    }

    pub fn is_board(self) -> bool {
        matches!(self, HarvestTab::Conditions | HarvestTab::Others)
    }
}

/// The decisions (and what the review had learned) as they were before a change, to
/// undo it.
#[derive(Debug, Clone)]
pub struct UndoStep {
    pub decisions: Decisions,
    /// The decisions right after the change: what arrived from elsewhere since (dots
    /// from phones, `cafe decide`) is kept when the change is undone.
    pub after: Decisions,
    pub learned: Learned,
    pub what: Text,
}

/// What the synthèse screen remembers.
#[derive(Debug, Clone, Default)]
pub struct HarvestState {
    /// The synthèse of the session as of its last change.
    pub synthesis: Synthesis,
    pub tab: HarvestTab,
    /// The selected column (family) of the board.
    pub column: usize,
    /// The selected condition in that column.
    pub row: usize,
    /// The opened condition, designated by one of its proposals.
    pub opened: Option<ProposalId>,
    /// The selected original wording of the opened condition.
    pub member: usize,
    /// The guided review of the synthèse as of the last change.
    pub review: Review,
    /// Questions passed over (« passer ») since the screen was opened, by kind and
    /// proposal.
    pub skipped: Vec<(&'static str, ProposalId)>,
    /// The selected answer of the review's current question.
    pub queue_row: usize,
    /// The condition marked to be merged, by one of its proposals.
    pub marked: Option<ProposalId>,
    /// The decisions before each change, newest last.
    pub undo: Vec<UndoStep>,
}

impl HarvestState {
    /// Computes the synthèse again from `session`, keeping the selection in range.
    pub fn refresh(&mut self, engine: &Engine, session: &Session, lang: Lang) {
        self.synthesis = engine.synthesize(session);
        self.review = review(engine, session, &self.synthesis);
        self.clamp(session, lang);
    }

    /// Keeps every selection pointing at something that exists.
    pub fn clamp(&mut self, session: &Session, lang: Lang) {
        let synthesis = &self.synthesis;
        if self.marked.is_some_and(|id| synthesis.group_of(id).is_none()) {
            self.marked = None;
        }
        match self.opened.and_then(|id| synthesis.group_of(id)) {
            Some(group) => self.member = self.member.min(group.members.len().saturating_sub(1)),
            None => self.opened = None,
        }
        let board_tab =
            if self.tab == HarvestTab::Others { HarvestTab::Others } else { HarvestTab::Conditions };
        let cols = columns(synthesis, session, board_tab, lang);
        self.column = self.column.min(cols.len().saturating_sub(1));
        let len = cols.get(self.column).map_or(0, |c| c.groups.len());
        self.row = self.row.min(len.saturating_sub(1));
        let answers = self.question().map_or(0, |q| answers(q, session));
        self.queue_row = self.queue_row.min(answers.saturating_sub(1));
    }

    /// The review's question to ask now: the best one not passed over.
    pub fn question(&self) -> Option<&Question> {
        self.review.questions.iter().find(|q| !self.skipped.contains(&(q.kind(), q.first())))
    }
}

/// How many answers a question offers: oui / non; each candidate condition, then
/// « seule »; each family.
pub fn answers(question: &Question, session: &Session) -> usize {
    match &question.ask {
        Ask::Same { .. } => 2,
        Ask::Place { candidates, .. } => candidates.len() + 1,
        Ask::Family { .. } => session.families.len().max(1),
    }
}

/// One column of the board: a family (or the conditions to classify), or the astuces,
/// or the témoignages.
#[derive(Debug, Clone)]
pub struct Column<'a> {
    pub heading: String,
    pub family: Option<u8>,
    pub kind: Kind,
    pub groups: Vec<&'a Group>,
}

/// The columns of a board tab, each sorted for the room: kept conditions first, then by
/// votes, support, number of proposals.
pub fn columns<'a>(
    synthesis: &'a Synthesis,
    session: &Session,
    tab: HarvestTab,
    lang: Lang,
) -> Vec<Column<'a>> {
    let mut columns = if tab == HarvestTab::Others {
        vec![
            Column {
                heading: t::ASTUCES.get(lang).to_string(),
                family: None,
                kind: Kind::Astuce,
                groups: synthesis.astuces.iter().collect(),
            },
            Column {
                heading: t::TEMOIGNAGES.get(lang).to_string(),
                family: None,
                kind: Kind::Temoignage,
                groups: synthesis.temoignages.iter().collect(),
            },
        ]
    } else {
        let mut columns: Vec<Column> = session
            .families
            .iter()
            .map(|f| Column {
                heading: format!("{} · {}", f.number, f.title_in(lang.is_english())),
                family: Some(f.number),
                kind: Kind::Condition,
                groups: Vec::new(),
            })
            .collect();
        let mut unclassified = Vec::new();
        for group in &synthesis.conditions {
            match group.family.and_then(|n| columns.iter().position(|c| c.family == Some(n))) {
                Some(i) => columns[i].groups.push(group),
                None => unclassified.push(group),
            }
        }
        if !unclassified.is_empty() || columns.is_empty() {
            columns.push(Column {
                heading: t::UNCLASSIFIED.get(lang).to_string(),
                family: None,
                kind: Kind::Condition,
                groups: unclassified,
            });
        }
        columns
    };
    for column in &mut columns {
        column.groups.sort_by(|a, b| {
            a.excluded
                .cmp(&b.excluded)
                .then(b.votes.cmp(&a.votes))
                .then(b.support.cmp(&a.support))
                .then(b.members.len().cmp(&a.members.len()))
                .then(a.anchor.cmp(&b.anchor))
        });
    }
    columns
}

/// The board is drawn in columns when each gets at least this many cells.
const MIN_COLUMN_WIDTH: u16 = 36;

/// Whether the board of `count` columns is stacked in an area this wide.
pub fn stacked(width: u16, count: usize) -> bool {
    count > 0 && width / (count as u16) < MIN_COLUMN_WIDTH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_stack_the_families() {
        assert!(stacked(78, 3));
        assert!(!stacked(158, 3));
        assert!(!stacked(78, 2));
    }
}
