//! Dot voting from phones on the Synthèse screen: the key that opens the vote (asking
//! how many dots each phone gets) or closes it (after asking), and the panel that shows
//! the room the voting address as one QR code with the ballots and dots so far. The
//! voting secret is made by `perform` (`Effect::VoteToken`); the vote is opened, closed
//! and saved here like any change of the session, and the phone server is turned on
//! when it is off. The dots the phones place reach the synthèse's votes through the
//! session's saves.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::VoteSession;
use crate::domain::vote::{DEFAULT_DOTS, check_dots};
use crate::i18n::vote as t;
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, OpenSession, Popup, Prompt, Status, session_changed};
use crate::tui::effect::Effect;
use crate::tui::phones::PhonesState;
use crate::tui::screens::run::phones::qr_lines;
use crate::tui::widgets::{LineInput, wrap};

/// The vote key: asks the dots per phone to open the vote, or asks before closing it;
/// an open vote that is not served (a session opened again) is served again.
pub fn toggle(app: &mut App, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return };
    if open.session.open_vote_session().is_some() && app.phones.on.is_none() {
        effects.push(Effect::Phones(true));
        return;
    }
    app.popup = Some(match open.session.open_vote_session() {
        Some(vote) => Popup::Confirm {
            message: t::confirm_close(lang, vote.ballots.len(), vote.placed()),
            on_yes: Box::new(Action::Harvest(HarvestAction::CloseVote)),
        },
        None => {
            let dots = open.session.vote.as_ref().map_or(DEFAULT_DOTS, |v| v.dots);
            Popup::Ask {
                prompt: Prompt::VoteDots,
                question: t::ASK_DOTS.get(lang).to_string(),
                input: Box::new(LineInput::new(&dots.to_string())),
            }
        }
    });
}

/// The dots per phone typed in the question: checked (1 to 10), then the voting secret
/// asked of `perform`. A refusal keeps the question open with its message.
pub fn answer_dots(app: &mut App, typed: &str, effects: &mut Vec<Effect>) -> Result<(), String> {
    let lang = app.lang;
    let typed = typed.trim();
    let dots = typed.parse::<u32>().map_err(|_| t::not_a_number(lang, typed))?;
    let dots = check_dots(dots).map_err(|err| t::vote_error(lang, &err))?;
    effects.push(Effect::VoteToken(dots));
    Ok(())
}

/// The voting secret came back: opens the vote (a vote opened before keeps its
/// address and ballots), saves, and turns the phone server on when it is off.
pub fn opened(app: &mut App, dots: u32, token: Result<String, String>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let token = match token {
        Ok(token) => token,
        Err(message) => {
            app.status = Some(Status::Error(message));
            return;
        }
    };
    if let Err(err) = open.session.open_vote(&token, dots) {
        app.status = Some(Status::Error(t::vote_error(lang, &err)));
        return;
    }
    session_changed(open, effects);
    if app.phones.on.is_none() {
        effects.push(Effect::Phones(true));
    }
    let address = voting_url(&app.phones, open.session.vote.as_ref()).unwrap_or_default();
    app.status = Some(Status::Info(t::opened(lang, &address, dots)));
}

/// Closes the vote (confirmed): the dots stay in the synthèse's votes.
pub fn close(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(open) = app.open.as_mut() else { return };
    open.session.close_vote();
    session_changed(open, effects);
    app.status = Some(Status::Info(t::CLOSED.get(app.lang).to_string()));
}

/// The voting page's address while the phone server runs.
fn voting_url(phones: &PhonesState, vote: Option<&VoteSession>) -> Option<String> {
    let on = phones.on.as_ref()?;
    let vote = vote?;
    Some(format!("http://{}/vote/{}", on.address, vote.token))
}

/// Columns the panel takes beside the board when the terminal has room for its code.
pub fn panel_width(open: &OpenSession, area: Rect) -> u16 {
    const WIDTH: u16 = 44;
    let wanted = open.session.open_vote_session().is_some() && area.width >= WIDTH + 60 && area.height >= 24;
    if wanted { WIDTH } else { 0 }
}

/// The panel: title, counts and the voting address's QR code (dark on light so phones
/// read it on any theme); the address to type is on the information line.
pub fn render_panel(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let Some(vote) = open.session.open_vote_session() else { return };
    let url = voting_url(&app.phones, Some(vote));
    let width = usize::from(area.width);
    let counts = t::panel_counts(lang, vote.ballots.len(), vote.placed(), vote.dots);
    let mut lines = vec![Line::styled(t::PANEL_TITLE.get(lang), theme.accent())];
    lines.extend(wrap(&counts, width).into_iter().map(|l| Line::styled(l, theme.base())));
    if url.is_none() {
        lines.extend(
            wrap(t::PANEL_WAITING.get(lang), width).into_iter().map(|l| Line::styled(l, theme.muted())),
        );
    }
    let text_height = (lines.len() as u16).min(area.height);
    Paragraph::new(lines).render(Rect { height: text_height, ..area }, buf);
    let code = url.map(|url| qr_lines(&url)).unwrap_or_default();
    let top = area.y + text_height + 1;
    let fits = top + code.len() as u16 <= area.bottom()
        && code.iter().all(|l| l.chars().count() as u16 <= area.width);
    if fits {
        let quiet = Style::default().fg(Color::Black).bg(Color::White);
        for (offset, line) in code.iter().enumerate() {
            buf.set_string(area.x, top + offset as u16, line, quiet);
        }
    }
}

/// The one-line summary of the vote when the panel does not fit.
pub fn summary(app: &App, open: &OpenSession) -> Option<String> {
    let vote = open.session.open_vote_session()?;
    let counts = t::panel_counts(app.lang, vote.ballots.len(), vote.placed(), vote.dots);
    Some(match voting_url(&app.phones, Some(vote)) {
        Some(url) => format!("{counts} · {url}"),
        None => counts,
    })
}
