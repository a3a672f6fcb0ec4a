//! Shared helpers of the tests that use a real browser: finding headless Chromium (a
//! missing one skips the test with a notice, unless `CAFE_REQUIRE_CHROMIUM=1`), taking
//! a screenshot of an HTML page, and a headless Chromium driven through chromedriver
//! for the WebDriver tests.
#![allow(dead_code)]

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The browsers tried, in order.
pub const CHROMIUM_NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// The first of `names` found on the `PATH`.
pub fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |n| dir.join(n))).find(|p| p.is_file())
}

/// The Chromium that runs here; `None` (with a notice that `what` was not rendered)
/// when there is none, which fails the test under `CAFE_REQUIRE_CHROMIUM=1`.
pub fn chromium_or_skip(what: &str) -> Option<&'static str> {
    let chromium = CHROMIUM_NAMES.into_iter().find(|name| {
        Command::new(name).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
    });
    if chromium.is_none() {
        assert!(
            std::env::var("CAFE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "CAFE_REQUIRE_CHROMIUM=1 but no chromium on PATH"
        );
        eprintln!("notice: chromium is not installed; {what} not rendered");
    }
    chromium
}

/// Renders `html` in headless `chromium` at `width`×`height` pixels and checks that a
/// real picture of `what` came out; kept at the path in the environment variable
/// `keep_in` when it is set.
pub fn screenshot(chromium: &str, html: &str, (width, height): (u32, u32), what: &str, keep_in: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).expect("written");
    let png = dir.path().join("page.png");
    let status = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"])
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success(), "chromium renders {what}");
    let image = std::fs::read(&png).expect("a screenshot");
    assert!(image.starts_with(b"\x89PNG") && image.len() > 10_000, "a real picture of {what}");
    if let Ok(keep) = std::env::var(keep_in) {
        std::fs::copy(&png, keep).expect("screenshot kept");
    }
}

/// Chromium and chromedriver for a WebDriver test; `None` (with a notice that the test
/// is skipped) when either is missing, which fails the test under
/// `CAFE_REQUIRE_CHROMIUM=1`.
pub fn webdriver_or_skip() -> Option<(PathBuf, PathBuf)> {
    match (on_path(&CHROMIUM_NAMES), on_path(&["chromedriver"])) {
        (Some(chromium), Some(chromedriver)) => Some((chromium, chromedriver)),
        _ => {
            assert!(
                std::env::var("CAFE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
                "CAFE_REQUIRE_CHROMIUM=1 but chromium or chromedriver is missing"
            );
            eprintln!("notice: chromium or chromedriver not found; the browser test is skipped");
            None
        }
    }
}

/// A headless Chromium (French first) on `page`, driven through a chromedriver of its
/// own, which stops with it.
pub struct Browser {
    pub runtime: tokio::runtime::Runtime,
    pub client: fantoccini::Client,
    _driver: Driver,
}

/// Starts chromedriver and opens `page` in headless `chromium`, with `extra_args`
/// (a window size, say).
pub fn open_browser(chromium: &Path, chromedriver: &Path, extra_args: &[&str], page: &str) -> Browser {
    let driver_port = free_port();
    let driver = Driver(
        Command::new(chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let driver_address = SocketAddr::from(([127, 0, 0, 1], driver_port));
    wait_until("chromedriver listens", || TcpStream::connect(driver_address).is_ok());
    let mut args =
        vec!["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=fr"];
    args.extend_from_slice(extra_args);
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": args,
            "prefs": { "intl.accept_languages": "fr-FR,fr" },
        }),
    );
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let client = runtime.block_on(async {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = fantoccini::ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://{driver_address}"))
            .await
            .expect("a browser session");
        client.goto(page).await.expect("page opens");
        client
    });
    Browser { runtime, client, _driver: driver }
}

/// chromedriver, stopped when dropped.
pub struct Driver(pub Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// Waits up to 30 s for `done`, failing with `what`.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(30), "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}
