//! The voting page in a real browser: headless Chromium driven through WebDriver
//! (chromedriver) opens the voting address, places dots on the synthèse's conditions
//! (the fourth refused by the page itself: no dot left), and the votes are in the
//! session file; reloaded, the page keeps its ballot and its dots. Skipped with a
//! notice when Chromium or chromedriver is missing, unless `CAFE_REQUIRE_CHROMIUM=1`
//! (CI). With `CAFE_VOTE_SCREENSHOT=FILE`, the page is also saved as a PNG (README).

use std::path::Path;

mod browser_support;

use browser_support::{open_browser, wait_until, webdriver_or_skip};
mod serve_support;
use serve_support::start_on_loopback;

use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::serve::token::new_token;
use cafe_savoir::serve::vote::voting_address;
use cafe_savoir::store::families::default_families;
use cafe_savoir::store::{SessionFile, load, save};
use fantoccini::{Client, Locator};

fn total_votes(path: &Path) -> u32 {
    load(path).expect("loads").decisions.votes.iter().map(|v| v.votes).sum()
}

async fn add_buttons(client: &Client) -> Vec<fantoccini::elements::Element> {
    client.find_all(Locator::Css("button.add")).await.expect("buttons")
}

async fn left_text(client: &Client) -> String {
    client.find(Locator::Id("left")).await.expect("left").text().await.expect("text")
}

#[test]
fn dots_placed_on_the_voting_page_are_votes_in_the_session_file() {
    let Some((chromium, chromedriver)) = webdriver_or_skip() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    let mut session = Session::new("Vote", default_families(), 3, 1, 20).expect("valid");
    for (table, text) in [
        (1, "Des objectifs communs clairs dès le départ"),
        (2, "Reconnaître l'expertise de chaque <organisme>"),
        (3, "Un financement récurrent, pas juste par projet"),
    ] {
        session.add_proposal(table, 1, Kind::Condition, text, chrono::Utc::now()).expect("added");
    }
    save(&path, &session).expect("saved");

    let server = start_on_loopback(&path, 0, None);
    let token = new_token().expect("random");
    let mut file = SessionFile::open(&path).expect("opens");
    file.update(|s| s.open_vote(&token, 3)).expect("opened");
    let page = voting_address(file.session(), server.address()).expect("the voting address");

    let browser = open_browser(&chromium, &chromedriver, &["--window-size=412,900"], &page);
    let (runtime, client) = (&browser.runtime, &browser.client);
    wait_until("the conditions are shown", || {
        runtime.block_on(async { add_buttons(client).await.len() == 3 })
    });
    runtime.block_on(async {
        let text = client.find(Locator::Id("list")).await.expect("list").text().await.expect("text");
        assert!(text.contains("Reconnaître l'expertise de chaque <organisme>"), "shown as text: {text}");
        assert_eq!(left_text(client).await, "Points restants : 3 sur 3");
    });

    // Two dots on the first condition, one on the second; each click waits for the
    // server's answer (the buttons come back).
    for (index, left) in [(0usize, 2), (0, 1), (1, 0)] {
        runtime.block_on(async {
            add_buttons(client).await[index].click().await.expect("clicked");
        });
        wait_until("the dot is saved", || {
            runtime.block_on(async { left_text(client).await == format!("Points restants : {left} sur 3") })
        });
    }
    assert_eq!(total_votes(&path), 3);
    runtime.block_on(async {
        for button in add_buttons(client).await {
            assert!(!button.is_enabled().await.expect("state"), "no dot left: every + is off");
        }
    });
    if let Some(file) = std::env::var_os("CAFE_VOTE_SCREENSHOT") {
        let png = runtime.block_on(client.screenshot()).expect("screenshot");
        std::fs::write(file, png).expect("screenshot written");
    }

    // A dot taken back, on disk at once.
    runtime.block_on(async {
        client.find(Locator::Css("button.remove")).await.expect("a − button").click().await.expect("clicked");
    });
    wait_until("the dot is taken back", || total_votes(&path) == 2);

    // Reloaded, the page keeps its ballot and shows its dots.
    runtime.block_on(async { client.refresh().await.expect("reloaded") });
    wait_until("the ballot is read back", || {
        runtime.block_on(async { left_text(client).await == "Points restants : 1 sur 3" })
    });
    let vote = load(&path).expect("loads").vote.expect("vote");
    assert_eq!((vote.ballots.len(), vote.placed()), (1, 2), "one ballot for this phone");
    runtime.block_on(async { client.clone().close().await.expect("browser closed") });
    server.stop();
}
