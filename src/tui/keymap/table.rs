//! The table of every binding, per context, in the order of the `?` list; and the same
//! table as the README's Markdown key list.

use std::sync::LazyLock;

use ratatui::crossterm::event::KeyCode;

use super::keys::{Binding, Context, Key};
use crate::i18n::harvest as ts;
use crate::i18n::tui as t;
use crate::i18n::{Lang, Text};
use crate::tui::action::{
    Action, CaptureAction, ExportAction, HarvestAction, HomeAction, ParticipantsAction, PopupAction,
    RunAction, SetupAction,
};
use crate::tui::screens::Screen;
use crate::tui::screens::harvest::state::HarvestTab;

fn row(context: Context, keys: &[Key], action: Action, description: Text, in_bar: bool) -> Binding {
    Binding { context, keys: keys.to_vec(), action, description, in_bar }
}

static BINDINGS: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    use Context as C;
    use KeyCode as K;
    let mut rows = vec![
        row(C::Always, &[Key::ctrl('c')], Action::Quit, t::K_QUIT, false),
        row(C::Always, &[Key::plain(K::F(1))], Action::ToggleHelp, t::K_HELP, true),
        row(C::Session, &[Key::plain(K::F(2))], Action::Go(Screen::Setup), t::SCREEN_SETUP, false),
        row(C::Session, &[Key::plain(K::F(3))], Action::Go(Screen::Run), t::SCREEN_RUN, false),
        row(C::Session, &[Key::plain(K::F(4))], Action::Go(Screen::Capture), t::SCREEN_CAPTURE, false),
        row(C::Session, &[Key::plain(K::F(5))], Action::Go(Screen::Export), t::SCREEN_EXPORT, false),
        row(
            C::Session,
            &[Key::plain(K::F(6))],
            Action::Go(Screen::Participants),
            crate::i18n::plan::SCREEN_PARTICIPANTS,
            false,
        ),
        row(C::Session, &[Key::plain(K::F(7))], Action::Go(Screen::Harvest), ts::SCREEN, false),
        row(C::Session, &[Key::ctrl('s')], Action::SaveElsewhere, t::K_SAVE_ELSEWHERE, false),
        row(C::Global, &[Key::ch('q')], Action::Quit, t::K_QUIT, true),
        row(C::Global, &[Key::ch('?')], Action::ToggleHelp, t::K_HELP, true),
        row(C::Global, &[Key::plain(K::Esc)], Action::Back, t::K_BACK, true),
        row(C::Global, &[Key::ch('c')], Action::ToggleTheme, t::K_THEME, true),
        // Popups.
        row(
            C::Help,
            &[Key::plain(K::Esc), Key::ch('?'), Key::ch('q')],
            Action::Popup(PopupAction::Cancel),
            t::K_CLOSE,
            true,
        ),
        row(C::Help, &[Key::plain(K::Up), Key::ch('k')], Action::Popup(PopupAction::Up), t::K_UP, false),
        row(C::Help, &[Key::plain(K::PageUp)], Action::Popup(PopupAction::PageUp), t::K_PAGE_UP, false),
        row(C::Help, &[Key::plain(K::PageDown)], Action::Popup(PopupAction::PageDown), t::K_PAGE_DOWN, false),
        row(C::Help, &[Key::plain(K::Home)], Action::Popup(PopupAction::Top), t::K_TOP, false),
        row(C::Help, &[Key::plain(K::End)], Action::Popup(PopupAction::Bottom), t::K_BOTTOM, false),
        row(
            C::Help,
            &[Key::plain(K::Down), Key::ch('j')],
            Action::Popup(PopupAction::Down),
            t::K_DOWN,
            false,
        ),
        row(
            C::Confirm,
            &[Key::ch('o'), Key::ch('y'), Key::plain(K::Enter)],
            Action::Popup(PopupAction::Confirm),
            t::K_YES,
            true,
        ),
        row(
            C::Confirm,
            &[Key::ch('n'), Key::plain(K::Esc)],
            Action::Popup(PopupAction::Cancel),
            t::K_NO,
            true,
        ),
        row(C::Ask, &[Key::plain(K::Enter)], Action::Popup(PopupAction::Confirm), t::K_VALIDATE, true),
        row(
            C::PasteLines,
            &[Key::plain(K::Enter), Key::ch('o'), Key::ch('y')],
            Action::Popup(PopupAction::Confirm),
            t::K_ONE_PER_LINE,
            true,
        ),
        row(
            C::PasteLines,
            &[Key::ch('1'), Key::ch('u')],
            Action::Popup(PopupAction::Alternative),
            t::K_ONE_PROPOSAL,
            true,
        ),
        row(C::PasteLines, &[Key::plain(K::Esc)], Action::Popup(PopupAction::Cancel), t::K_CANCEL, true),
        row(C::Ask, &[Key::plain(K::Esc)], Action::Popup(PopupAction::Cancel), t::K_CANCEL, true),
        // Home.
        row(C::Home, &[Key::plain(K::Up), Key::ch('k')], Action::Home(HomeAction::Up), t::K_UP, false),
        row(C::Home, &[Key::plain(K::Down), Key::ch('j')], Action::Home(HomeAction::Down), t::K_DOWN, false),
        row(C::Home, &[Key::plain(K::Enter)], Action::Home(HomeAction::Open), t::K_OPEN, true),
        row(C::Home, &[Key::ch('n')], Action::Home(HomeAction::New), t::K_NEW, true),
        row(C::Home, &[Key::ch('d')], Action::Home(HomeAction::Duplicate), t::K_DUPLICATE, true),
        row(
            C::Home,
            &[Key::plain(K::Delete), Key::ch('x')],
            Action::Home(HomeAction::Delete),
            t::K_DELETE,
            true,
        ),
        row(C::Home, &[Key::ch('r')], Action::Home(HomeAction::Refresh), t::K_REFRESH, true),
        // Setup.
        row(C::Setup, &[Key::plain(K::Up)], Action::Setup(SetupAction::Up), t::K_UP, false),
        row(C::Setup, &[Key::plain(K::Down)], Action::Setup(SetupAction::Down), t::K_DOWN, false),
        row(C::Setup, &[Key::plain(K::Left)], Action::Setup(SetupAction::Left), t::K_LEFT, false),
        row(C::Setup, &[Key::plain(K::Right)], Action::Setup(SetupAction::Right), t::K_RIGHT, false),
        row(C::Setup, &[Key::plain(K::Enter)], Action::Setup(SetupAction::Edit), t::K_EDIT, true),
        row(C::Setup, &[Key::ch('a')], Action::Setup(SetupAction::AddTable), t::K_ADD_TABLE, true),
        row(
            C::Setup,
            &[Key::plain(K::Delete), Key::ch('x')],
            Action::Setup(SetupAction::RemoveTable),
            t::K_REMOVE_TABLE,
            true,
        ),
        row(
            C::Setup,
            &[Key::shift(K::Up), Key::ch('K')],
            Action::Setup(SetupAction::MoveTableUp),
            t::K_MOVE_UP,
            true,
        ),
        row(
            C::Setup,
            &[Key::shift(K::Down), Key::ch('J')],
            Action::Setup(SetupAction::MoveTableDown),
            t::K_MOVE_DOWN,
            true,
        ),
        row(C::Setup, &[Key::ch('s')], Action::Setup(SetupAction::TestSound), t::K_TEST_SOUND, true),
        row(
            C::SetupEditing,
            &[Key::plain(K::Enter)],
            Action::Setup(SetupAction::Commit),
            t::K_VALIDATE,
            true,
        ),
        row(C::SetupEditing, &[Key::plain(K::Esc)], Action::Back, t::K_CANCEL, true),
        // Run.
        row(C::Run, &[Key::ch(' ')], Action::Run(RunAction::StartPause), t::K_START_PAUSE, true),
        // While phone capture is on (the help bar offers it then).
        row(
            C::Run,
            &[Key::ch('a')],
            Action::Run(RunAction::RenewPhoneAddress),
            crate::i18n::serve::K_RENEW_ADDRESS,
            true,
        ),
        row(
            C::Run,
            &[Key::ch('+'), Key::ch('=')],
            Action::Run(RunAction::PlusMinute),
            t::K_PLUS_MINUTE,
            true,
        ),
        row(C::Run, &[Key::ch('-')], Action::Run(RunAction::MinusMinute), t::K_MINUS_MINUTE, true),
        row(
            C::Run,
            &[Key::ch('n'), Key::plain(K::Right)],
            Action::Run(RunAction::NextPhase),
            t::K_NEXT_PHASE,
            true,
        ),
        row(
            C::Run,
            &[Key::ch('p'), Key::plain(K::Left)],
            Action::Run(RunAction::PreviousPhase),
            t::K_PREVIOUS_PHASE,
            true,
        ),
        row(
            C::Run,
            &[Key::ctrl('z'), Key::ch('u')],
            Action::Run(RunAction::UndoClock),
            t::K_UNDO_CLOCK,
            true,
        ),
        row(
            C::Run,
            &[Key::ch('t')],
            Action::Run(RunAction::TogglePhones),
            crate::i18n::serve::K_PHONES,
            false,
        ),
        row(
            C::Run,
            &[Key::ch('r')],
            Action::Run(RunAction::ToggleRotation),
            crate::i18n::plan::K_ROTATION,
            false,
        ),
        row(
            C::Run,
            &[Key::plain(K::PageDown)],
            Action::Run(RunAction::NextPage),
            crate::i18n::plan::K_NEXT_PAGE,
            false,
        ),
        row(
            C::Run,
            &[Key::plain(K::PageUp)],
            Action::Run(RunAction::PreviousPage),
            crate::i18n::plan::K_PREVIOUS_PAGE,
            false,
        ),
        // Capture, typing.
        row(
            C::CaptureInput,
            &[Key::plain(K::Enter)],
            Action::Capture(CaptureAction::Submit),
            t::K_SAVE_PROPOSAL,
            true,
        ),
        row(
            C::CaptureInput,
            &[Key::plain(K::Tab)],
            Action::Capture(CaptureAction::NextTab),
            t::K_NEXT_TABLE,
            true,
        ),
        row(
            C::CaptureInput,
            &[Key::plain(K::BackTab)],
            Action::Capture(CaptureAction::PreviousTab),
            t::K_PREVIOUS_TABLE,
            false,
        ),
        row(C::CaptureInput, &[Key::ctrl('t')], Action::Capture(CaptureAction::CycleKind), t::K_KIND, true),
        row(C::CaptureInput, &[Key::ctrl('r')], Action::Capture(CaptureAction::CycleRound), t::K_ROUND, true),
        row(C::CaptureInput, &[Key::plain(K::Up)], Action::Capture(CaptureAction::Up), t::K_UP, false),
        row(C::CaptureInput, &[Key::plain(K::Down)], Action::Capture(CaptureAction::Down), t::K_DOWN, false),
        row(C::CaptureInput, &[Key::ctrl('z')], Action::Capture(CaptureAction::Undo), t::K_UNDO, true),
        row(
            C::CaptureInput,
            &[Key::plain(K::Esc)],
            Action::Capture(CaptureAction::FocusList),
            t::K_FOCUS_LIST,
            true,
        ),
        // Capture, the list.
        row(C::CaptureList, &[Key::plain(K::Up)], Action::Capture(CaptureAction::Up), t::K_UP, false),
        row(C::CaptureList, &[Key::plain(K::Down)], Action::Capture(CaptureAction::Down), t::K_DOWN, false),
        row(
            C::CaptureList,
            &[Key::plain(K::Tab)],
            Action::Capture(CaptureAction::NextTab),
            t::K_NEXT_TABLE,
            false,
        ),
        row(
            C::CaptureList,
            &[Key::plain(K::BackTab)],
            Action::Capture(CaptureAction::PreviousTab),
            t::K_PREVIOUS_TABLE,
            false,
        ),
        row(
            C::CaptureList,
            &[Key::plain(K::Enter)],
            Action::Capture(CaptureAction::FocusInput),
            t::K_FOCUS_INPUT,
            true,
        ),
        row(C::CaptureList, &[Key::ctrl('e')], Action::Capture(CaptureAction::Edit), t::K_EDIT, true),
        row(
            C::CaptureList,
            &[Key::ctrl('t')],
            Action::Capture(CaptureAction::KindOfSelected),
            t::K_KIND,
            true,
        ),
        row(
            C::CaptureList,
            &[Key::ctrl('g')],
            Action::Capture(CaptureAction::Move),
            t::K_MOVE_PROPOSAL,
            true,
        ),
        row(
            C::CaptureList,
            &[Key::plain(K::Delete), Key::ctrl('d')],
            Action::Capture(CaptureAction::Delete),
            t::K_DELETE,
            true,
        ),
        row(C::CaptureList, &[Key::ctrl('z')], Action::Capture(CaptureAction::Undo), t::K_UNDO, true),
        // Export.
        row(C::Export, &[Key::plain(K::Up), Key::ch('k')], Action::Export(ExportAction::Up), t::K_UP, false),
        row(
            C::Export,
            &[Key::plain(K::Down), Key::ch('j')],
            Action::Export(ExportAction::Down),
            t::K_DOWN,
            false,
        ),
        row(C::Export, &[Key::plain(K::Enter)], Action::Export(ExportAction::Write), t::K_EXPORT, true),
        row(C::Export, &[Key::ch('a')], Action::Export(ExportAction::WriteAll), t::K_EXPORT_ALL, true),
        row(C::Export, &[Key::ch('o')], Action::Export(ExportAction::WriteTo), t::K_EXPORT_TO, true),
        // Participants, typing.
        row(
            C::ParticipantsInput,
            &[Key::plain(K::Enter)],
            Action::Participants(ParticipantsAction::Submit),
            crate::i18n::plan::K_ADD_PARTICIPANT,
            true,
        ),
        row(
            C::ParticipantsInput,
            &[Key::plain(K::Up)],
            Action::Participants(ParticipantsAction::Up),
            t::K_UP,
            false,
        ),
        row(
            C::ParticipantsInput,
            &[Key::plain(K::Down)],
            Action::Participants(ParticipantsAction::Down),
            t::K_DOWN,
            false,
        ),
        row(
            C::ParticipantsInput,
            &[Key::plain(K::Esc)],
            Action::Participants(ParticipantsAction::FocusList),
            t::K_FOCUS_LIST,
            true,
        ),
        // Participants, the list.
        row(
            C::ParticipantsList,
            &[Key::plain(K::Up)],
            Action::Participants(ParticipantsAction::Up),
            t::K_UP,
            false,
        ),
        row(
            C::ParticipantsList,
            &[Key::plain(K::Down)],
            Action::Participants(ParticipantsAction::Down),
            t::K_DOWN,
            false,
        ),
        row(
            C::ParticipantsList,
            &[Key::plain(K::Enter)],
            Action::Participants(ParticipantsAction::FocusInput),
            t::K_FOCUS_INPUT,
            true,
        ),
        row(
            C::ParticipantsList,
            &[Key::ctrl('e')],
            Action::Participants(ParticipantsAction::Edit),
            crate::i18n::plan::K_EDIT_PARTICIPANT,
            true,
        ),
        row(
            C::ParticipantsList,
            &[Key::plain(K::Delete), Key::ctrl('d')],
            Action::Participants(ParticipantsAction::Delete),
            crate::i18n::plan::K_REMOVE_PARTICIPANT,
            true,
        ),
        row(
            C::ParticipantsList,
            &[Key::ctrl('p')],
            Action::Participants(ParticipantsAction::Plan),
            crate::i18n::plan::K_PLAN,
            true,
        ),
    ];
    rows.extend(harvest_rows());
    rows
});

/// The keys of the Synthèse screen. A digit binding passes its digit (the family).
fn harvest_rows() -> Vec<Binding> {
    use Context as C;
    use HarvestAction as S;
    use KeyCode as K;
    let s = Action::Harvest;
    let digits: Vec<Key> = ('1'..='9').map(Key::ch).collect();
    let mut rows = Vec::new();
    // Board and opened condition share the decision keys.
    for context in [C::HarvestBoard, C::HarvestDetail] {
        let detail = context == C::HarvestDetail;
        if detail {
            rows.push(row(context, &[Key::ch('s')], s(S::Split), ts::K_SPLIT, true));
        } else {
            rows.push(row(context, &[Key::plain(K::Enter)], s(S::Open), ts::K_OPEN, true));
            rows.push(row(context, &[Key::ch(' ')], s(S::Mark), ts::K_MARK, true));
            rows.push(row(context, &[Key::ch('f')], s(S::Merge), ts::K_MERGE, true));
            rows.push(row(context, &[Key::ch('s')], s(S::Split), ts::K_SPLIT, false));
        }
        rows.extend([
            row(context, &[Key::ch('m')], s(S::AskFamily), ts::K_FAMILY, true),
            row(context, &digits, s(S::SetFamily(0)), ts::K_FAMILY_DIGIT, false),
            row(context, &[Key::ch('e')], s(S::EditWording), ts::K_WORDING, true),
            row(context, &[Key::ch('x'), Key::plain(K::Delete)], s(S::ToggleExclude), ts::K_EXCLUDE, true),
            row(context, &[Key::ch('+'), Key::ch('=')], s(S::VoteUp), ts::K_VOTE_UP, true),
            row(context, &[Key::ch('-')], s(S::VoteDown), ts::K_VOTE_DOWN, true),
        ]);
        if !detail {
            rows.push(row(
                context,
                &[Key::plain(K::Left), Key::ch('h')],
                s(S::Left),
                ts::K_PREVIOUS_FAMILY,
                false,
            ));
            rows.push(row(
                context,
                &[Key::plain(K::Right), Key::ch('l')],
                s(S::Right),
                ts::K_NEXT_FAMILY,
                false,
            ));
        }
    }
    rows.extend([
        row(
            C::HarvestQueue,
            &[Key::plain(K::Enter), Key::ch('o'), Key::ch('y')],
            s(S::Accept),
            ts::K_ACCEPT,
            true,
        ),
        row(
            C::HarvestQueue,
            &[Key::ch('n'), Key::plain(K::Delete), Key::plain(K::Backspace)],
            s(S::Reject),
            ts::K_REJECT,
            true,
        ),
        row(C::HarvestQueue, &digits, s(S::SetFamily(0)), ts::K_FAMILY_DIGIT, false),
        row(C::HarvestQueue, &[Key::ch('p'), Key::ch(' ')], s(S::Skip), crate::i18n::review::K_SKIP, true),
        // Every view.
        row(C::Harvest, &[Key::plain(K::Up), Key::ch('k')], s(S::Up), t::K_UP, false),
        row(C::Harvest, &[Key::plain(K::Down), Key::ch('j')], s(S::Down), t::K_DOWN, false),
        row(C::Harvest, &[Key::ch('u'), Key::ctrl('z')], s(S::Undo), ts::K_UNDO, true),
        row(C::Harvest, &[Key::plain(K::Tab)], s(S::NextTab), ts::K_NEXT_TAB, true),
        row(C::Harvest, &[Key::plain(K::BackTab)], s(S::PreviousTab), ts::K_PREVIOUS_TAB, false),
        row(C::Harvest, &[Key::ch('v')], s(S::ShowTab(HarvestTab::Queue)), ts::K_QUEUE, true),
        row(C::Harvest, &[Key::ch('g')], s(S::ShowTab(HarvestTab::Chart)), ts::K_CHART, true),
        row(C::Harvest, &[Key::ch('V')], s(S::ToggleVote), crate::i18n::vote::K_VOTE, true),
        row(C::Harvest, &[Key::ch('P')], s(S::PromoteVocabulary), crate::i18n::review::K_PROMOTE, false),
    ]);
    rows
}

/// Every binding, in the order of the `?` list.
pub fn bindings() -> &'static [Binding] {
    &BINDINGS
}

/// Every binding as a Markdown list per context (the README's key list is this text,
/// checked by a test).
pub fn markdown(lang: Lang) -> String {
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for binding in bindings() {
        let heading = binding.context.title().get(lang);
        if last != Some(heading) {
            if last.is_some() {
                out.push('\n');
            }
            out.push_str(&format!("**{heading}**\n\n"));
            last = Some(heading);
        }
        let keys: Vec<String> = binding.keys.iter().map(|k| format!("`{}`", k.label(lang))).collect();
        out.push_str(&format!("- {} — {}\n", keys.join(" / "), binding.description.get(lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in bindings().iter().enumerate() {
            for b in &bindings()[i + 1..] {
                if a.context == b.context {
                    for key in &a.keys {
                        assert!(!b.keys.contains(key), "{key:?} twice in {:?}", a.context);
                    }
                }
            }
        }
    }
}
