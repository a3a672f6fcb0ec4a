//! The table page in a real browser: headless Chromium driven through WebDriver
//! (chromedriver) opens table 3's page, types a proposal and sends it; with the server
//! stopped, what is typed stays on the page and is sent once the server is back.
//! Skipped with a notice when Chromium or chromedriver is missing, unless
//! `CAFE_REQUIRE_CHROMIUM=1` (CI).

use std::path::Path;
use std::time::Duration;

mod browser_support;

use browser_support::{open_browser, wait_until, webdriver_or_skip};
mod serve_support;
use serve_support::start_on_loopback;

use cafe_savoir::domain::Session;
use cafe_savoir::serve::table_addresses;
use cafe_savoir::store::{load, save};
use fantoccini::{Client, Locator};

fn table_3_texts(path: &Path) -> Vec<String> {
    load(path).expect("loads").proposals.into_iter().filter(|p| p.table == 3).map(|p| p.text).collect()
}

async fn type_and_send(client: &Client, text: &str) {
    let field = client.find(Locator::Id("text")).await.expect("text box");
    field.send_keys(text).await.expect("typed");
    client.find(Locator::Id("send")).await.expect("send button").click().await.expect("clicked");
}

#[test]
fn a_proposal_typed_on_table_3s_page_lands_at_table_3_even_through_an_outage() {
    let Some((chromium, chromedriver)) = webdriver_or_skip() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    let mut session = Session::new("Essai", Vec::new(), 4, 3, 20).expect("valid");
    session.table_mut(3).expect("table 3").question = "Qu'est-ce qui aide <b>à apprendre</b> ?".into();
    save(&path, &session).expect("saved");

    let server = start_on_loopback(&path, 0, None);
    let port = server.address().port();
    let page = table_addresses(&load(&path).expect("loads"), server.address())
        .into_iter()
        .find(|(table, _)| *table == 3)
        .map(|(_, url)| url)
        .expect("table 3's address");

    let browser = open_browser(&chromium, &chromedriver, &[], &page);
    let (runtime, client) = (&browser.runtime, &browser.client);
    // The page shows the table and its question as text.
    runtime.block_on(async {
        let title = client.find(Locator::Id("title")).await.expect("title").text().await.expect("text");
        assert_eq!(title, "Table 3");
    });
    wait_until("the question is shown", || {
        runtime.block_on(async {
            let question = client.find(Locator::Id("question")).await.expect("question");
            question.text().await.expect("text") == "Qu'est-ce qui aide <b>à apprendre</b> ?"
        })
    });

    runtime.block_on(type_and_send(client, "Un lieu calme pour apprendre"));
    wait_until("the proposal is on disk", || table_3_texts(&path) == ["Un lieu calme pour apprendre"]);

    // The server goes away: what is typed and sent stays on the page.
    server.stop();
    runtime.block_on(type_and_send(client, "Envoyée pendant la coupure"));
    wait_until("the text is shown as waiting", || {
        runtime.block_on(async {
            let list = client.find(Locator::Id("list")).await.expect("list");
            list.text().await.expect("text").contains("Envoyée pendant la coupure")
        })
    });
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(table_3_texts(&path), ["Un lieu calme pour apprendre"], "nothing reached the file yet");

    // Back on the same address: the waiting proposal is sent by itself.
    let server = start_on_loopback(&path, port, None);
    wait_until("the waiting proposal is on disk", || table_3_texts(&path).len() == 2);
    assert_eq!(table_3_texts(&path), ["Un lieu calme pour apprendre", "Envoyée pendant la coupure"]);
    runtime.block_on(async {
        let status = client.find(Locator::Id("status")).await.expect("status").text().await.expect("text");
        assert_eq!(status, "Envoyée ✓", "the page speaks the phone's language");
        client.clone().close().await.expect("browser closed");
    });
    server.stop();
}
