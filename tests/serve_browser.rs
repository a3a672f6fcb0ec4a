//! The table page in a real browser: headless Chromium driven through WebDriver
//! (chromedriver) opens table 3's page, types a proposal and sends it; with the server
//! stopped, what is typed stays on the page and is sent once the server is back.
//! Skipped with a notice when Chromium or chromedriver is missing, unless
//! `CAFE_REQUIRE_CHROMIUM=1` (CI).

use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

mod browser_support;

use browser_support::{Driver, free_port, on_path, wait_until};
use cafe_savoir::domain::Session;
use cafe_savoir::serve::{ServeConfig, Server, table_addresses};
use cafe_savoir::store::{load, save};
use fantoccini::{Client, ClientBuilder, Locator};

fn serve(path: &Path, port: u16) -> Server {
    Server::start(ServeConfig {
        session: path.to_path_buf(),
        bind: Some("127.0.0.1".parse().expect("address")),
        port,
        stop_on_signal: false,
        events: None,
    })
    .expect("server started")
}

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
    let (Some(chromium), Some(chromedriver)) =
        (on_path(&["chromium", "chromium-browser", "google-chrome"]), on_path(&["chromedriver"]))
    else {
        assert!(
            std::env::var("CAFE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "CAFE_REQUIRE_CHROMIUM=1 but chromium or chromedriver is missing"
        );
        eprintln!("notice: chromium or chromedriver not found; the browser test is skipped");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    let mut session = Session::new("Essai", Vec::new(), 4, 3, 20).expect("valid");
    session.table_mut(3).expect("table 3").question = "Qu'est-ce qui aide <b>à apprendre</b> ?".into();
    save(&path, &session).expect("saved");

    let driver_port = free_port();
    let _driver = Driver(
        Command::new(chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let driver_address = SocketAddr::from(([127, 0, 0, 1], driver_port));
    wait_until("chromedriver listens", || TcpStream::connect(driver_address).is_ok());

    let server = serve(&path, 0);
    let port = server.address().port();
    let page = table_addresses(&load(&path).expect("loads"), server.address())
        .into_iter()
        .find(|(table, _)| *table == 3)
        .map(|(_, url)| url)
        .expect("table 3's address");

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr"],
            "prefs": { "intl.accept_languages": "fr-FR,fr" },
        }),
    );
    let client = runtime.block_on(async {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://{driver_address}"))
            .await
            .expect("a browser session");
        client.goto(&page).await.expect("page opens");
        client
    });
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

    runtime.block_on(type_and_send(&client, "Un lieu calme pour apprendre"));
    wait_until("the proposal is on disk", || table_3_texts(&path) == ["Un lieu calme pour apprendre"]);

    // The server goes away: what is typed and sent stays on the page.
    server.stop();
    runtime.block_on(type_and_send(&client, "Envoyée pendant la coupure"));
    wait_until("the text is shown as waiting", || {
        runtime.block_on(async {
            let list = client.find(Locator::Id("list")).await.expect("list");
            list.text().await.expect("text").contains("Envoyée pendant la coupure")
        })
    });
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(table_3_texts(&path), ["Un lieu calme pour apprendre"], "nothing reached the file yet");

    // Back on the same address: the waiting proposal is sent by itself.
    let server = serve(&path, port);
    wait_until("the waiting proposal is on disk", || table_3_texts(&path).len() == 2);
    assert_eq!(table_3_texts(&path), ["Un lieu calme pour apprendre", "Envoyée pendant la coupure"]);
    runtime.block_on(async {
        let status = client.find(Locator::Id("status")).await.expect("status").text().await.expect("text");
        assert_eq!(status, "Envoyée ✓", "the page speaks the phone's language");
        client.close().await.expect("browser closed");
    });
    server.stop();
}
