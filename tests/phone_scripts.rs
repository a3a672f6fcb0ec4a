//! The phones' scripts: the table page and the voting page each load the script of
//! helpers they share (`/phone.js`) before their own, and every script is served with
//! the same type, Content-Security-Policy and caching headers; the pages' own scripts
//! carry no copy of the shared helpers. (That both pages work with it in a real browser
//! is what `serve_browser` and `vote_browser` check.)

mod serve_support;
use serve_support::{agent, start_on_loopback};

use cafe_savoir::domain::Session;
use cafe_savoir::serve::guard::CONTENT_SECURITY_POLICY;
use cafe_savoir::serve::table_addresses;
use cafe_savoir::serve::token::new_token;
use cafe_savoir::serve::vote::voting_address;
use cafe_savoir::store::{SessionFile, load, save};

/// Status, the headers that matter here, and the body.
fn get(url: &str) -> (u16, [String; 3], String) {
    let agent = agent();
    let mut response = agent.get(url).call().expect("the server answers");
    let header = |name: &str| {
        response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
    };
    let headers = [header("content-type"), header("content-security-policy"), header("cache-control")];
    let status = response.status().as_u16();
    (status, headers, response.body_mut().read_to_string().unwrap_or_default())
}

#[test]
fn both_pages_load_the_shared_helpers_served_as_their_own_scripts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    save(&path, &Session::new("Essai", Vec::new(), 2, 3, 20).expect("valid")).expect("saved");
    let server = start_on_loopback(&path, 0, None);
    let (_, table_page) = table_addresses(&load(&path).expect("loads"), server.address())[0].clone();
    let mut file = SessionFile::open(&path).expect("opens");
    file.update(|s| s.open_vote(&new_token().expect("random"), 3)).expect("opened");
    let vote_page = voting_address(file.session(), server.address()).expect("an open vote");
    let base = format!("http://{}", server.address());

    for (page, own) in [(table_page, "/table.js"), (vote_page, "/vote.js")] {
        let (status, _, html) = get(&page);
        assert_eq!(status, 200);
        let shared_at = html.find("<script src=\"/phone.js\"></script>").expect("loads /phone.js");
        let own_at = html.find(&format!("<script src=\"{own}\"></script>")).expect("loads its own script");
        assert!(shared_at < own_at, "the helpers come first: {html}");
    }

    let (status, shared_headers, shared) = get(&format!("{base}/phone.js"));
    assert_eq!(status, 200);
    assert_eq!(shared_headers[0], "text/javascript; charset=utf-8");
    assert_eq!(shared_headers[1], CONTENT_SECURITY_POLICY);
    assert!(shared.contains("function request(") && shared.contains("function status("), "{shared}");
    for own in ["/table.js", "/vote.js"] {
        let (status, headers, script) = get(&format!("{base}{own}"));
        assert_eq!(status, 200);
        assert_eq!(headers, shared_headers, "{own} is served as /phone.js is");
        for helper in
            ["function request(", "function status(", "function t(", "function fill(", "function el("]
        {
            assert!(!script.contains(helper), "{own} has its own copy of {helper}");
        }
        assert!(script.contains("window.cafePhone"), "{own} takes the shared helpers");
    }
    server.stop();
}
