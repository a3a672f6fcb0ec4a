//! What the keys of the participants screen do: add a typed or pasted line (name,
//! organisation, table hosted), edit and remove people, plan the rotation.

use super::state::Focus;
use crate::domain::Participant;
use crate::domain::session::clean_text;
use crate::i18n::Lang;
use crate::i18n::plan as text;
use crate::plan::{self, Effort};
use crate::store::participants::{BadHostTable, parse_host};
use crate::tui::action::{Action, ParticipantsAction};
use crate::tui::app::session_changed;
use crate::tui::app::{App, OpenSession, Popup, Status};
use crate::tui::effect::Effect;

/// One typed line → a participant: `name, organisation, table` (`;` or tab also work).
pub fn parse_line(lang: Lang, line: &str) -> Result<Participant, String> {
    let separator = if line.contains('\t') {
        '\t'
    } else if line.contains(';') {
        ';'
    } else {
        ','
    };
    let mut fields = line.split(separator).map(clean_text);
    let name = fields.next().unwrap_or_default();
    let organisation = fields.next().unwrap_or_default();
    let host_cell = fields.next().unwrap_or_default();
    let host_of = parse_host(&host_cell).map_err(|BadHostTable| text::bad_host_cell(lang, &host_cell))?;
    Ok(Participant { name, organisation, host_of })
}

/// Lines → participants; the first bad line stops everything, with its number.
fn parse_lines(lang: Lang, lines: &str) -> Result<Vec<Participant>, String> {
    lines
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| parse_line(lang, line).map_err(|e| text::on_line(lang, i + 1, &e)))
        .collect()
}

/// Replaces the people if the new list is valid for this session; else says why and
/// changes nothing.
fn apply(
    open: &mut OpenSession,
    lang: Lang,
    people: Vec<Participant>,
    effects: &mut Vec<Effect>,
) -> Result<(), String> {
    let tables: Vec<u32> = open.session.tables.iter().map(|t| t.number).collect();
    let rounds = open.session.schedule.rounds() as usize;
    if !people.is_empty() {
        plan::model::validate(&people, &tables, rounds).map_err(|e| text::plan_error(lang, &e))?;
    }
    plan::set_participants(&mut open.session, people);
    open.participants.report.clear();
    session_changed(open, effects);
    Ok(())
}

/// Applies a key of the participants screen.
pub fn update(app: &mut App, action: ParticipantsAction, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let count = open.session.participants.len();
    let state = &mut open.participants;
    match action {
        ParticipantsAction::Up => state.selected = state.selected.saturating_sub(1),
        ParticipantsAction::Down => state.selected = (state.selected + 1).min(count.saturating_sub(1)),
        ParticipantsAction::Select(row) => {
            state.selected = row.min(count.saturating_sub(1));
            state.focus = Focus::List;
        }
        ParticipantsAction::FocusList => state.focus = Focus::List,
        ParticipantsAction::FocusInput => state.focus = Focus::Input,
        ParticipantsAction::Edit => {
            if let Some(person) = open.session.participants.get(state.selected) {
                let host = person.host_of.map(|t| t.to_string()).unwrap_or_default();
                state.input.set_text(&format!("{}, {}, {host}", person.name, person.organisation));
                state.editing = Some(state.selected);
                state.focus = Focus::Input;
            }
        }
        ParticipantsAction::Submit => {
            let typed = state.input.text();
            if typed.trim().is_empty() {
                return;
            }
            let editing = state.editing;
            let result = parse_line(lang, &typed).and_then(|person| {
                let mut people = open.session.participants.clone();
                let index = match editing {
                    Some(i) if i < people.len() => {
                        people[i] = person;
                        i
                    }
                    _ => {
                        people.push(person);
                        people.len() - 1
                    }
                };
                apply(open, lang, people, effects).map(|()| index)
            });
            match result {
                Ok(index) => {
                    let state = &mut open.participants;
                    state.input.clear();
                    state.editing = None;
                    state.selected = index;
                    app.status = None;
                }
                Err(message) => app.status = Some(Status::Error(message)),
            }
        }
        ParticipantsAction::Delete => {
            if let Some(person) = open.session.participants.get(state.selected) {
                app.popup = Some(Popup::Confirm {
                    message: text::confirm_remove(lang, &person.name),
                    on_yes: Box::new(Action::Participants(ParticipantsAction::Remove(state.selected))),
                });
            }
        }
        ParticipantsAction::Remove(index) => {
            if index < count {
                let mut people = open.session.participants.clone();
                let removed = people.remove(index);
                if let Err(message) = apply(open, lang, people, effects) {
                    app.status = Some(Status::Error(message));
                    return;
                }
                let state = &mut open.participants;
                state.selected = state.selected.min(count.saturating_sub(2));
                if state.editing.is_some() {
                    state.editing = None;
                    state.input.clear();
                }
                app.status = Some(Status::Info(text::removed(lang, &removed.name)));
            }
        }
        ParticipantsAction::Plan => {
            match plan::plan_session(&open.session, plan::DEFAULT_SEED, Effort::default()) {
                Ok(planned) => {
                    let names: Vec<String> =
                        crate::i18n::plan::people(lang, &open.session).into_iter().map(|p| p.name).collect();
                    open.participants.report = text::report_lines(lang, &planned.report, &names);
                    open.session.rotation = Some(planned.plan);
                    session_changed(open, effects);
                    app.status = Some(Status::Info(text::PLANNED.get(lang).to_string()));
                }
                Err(err) => app.status = Some(Status::Error(text::plan_error(lang, &err))),
            }
        }
    }
}

/// Pasted text: several lines add several people at once (all or nothing); a single
/// line goes into the text field.
pub fn paste(app: &mut App, pasted: &str, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    if pasted.lines().filter(|l| !l.trim().is_empty()).count() <= 1 {
        open.participants.focus = Focus::Input;
        open.participants.input.paste(pasted.trim());
        return;
    }
    let result = parse_lines(lang, pasted).and_then(|added| {
        let count = added.len();
        let mut people = open.session.participants.clone();
        people.extend(added);
        apply(open, lang, people, effects).map(|()| count)
    });
    app.status = Some(match result {
        Ok(count) => {
            open.participants.selected = open.session.participants.len().saturating_sub(1);
            Status::Info(text::added(lang, count))
        }
        Err(message) => Status::Error(message),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lines_become_participants() {
        let person = parse_line(Lang::Fr, " Marie  Tremblay , Maison des jeunes , 3 ").expect("valid");
        assert_eq!(
            person,
            Participant {
                name: "Marie Tremblay".into(),
                organisation: "Maison des jeunes".into(),
                host_of: Some(3)
            }
        );
        assert_eq!(parse_line(Lang::Fr, "Luc Roy").expect("valid").organisation, "");
        assert_eq!(parse_line(Lang::Fr, "Roy, Luc; CDC; T2").expect("valid").name, "Roy, Luc");
        assert_eq!(parse_line(Lang::Fr, "Anne\tEntraide\t").expect("valid").host_of, None);
        assert!(parse_line(Lang::En, "Anne, Entraide, trois").unwrap_err().contains("trois"));
        let lines = parse_lines(Lang::En, "A, x\n\nB, y, 9x\n").unwrap_err();
        assert!(lines.starts_with("line 3"), "{lines}");
    }
}
