//! `review`: the server's refusals, corrections that last (saved, applied by
//! `build`, reported when their anchor is gone), and the page driven in a
//! real browser (headless Chromium through WebDriver) when one is installed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use briefsmith::cli::{AnalysisArgs, OutputArgs};
use briefsmith::corrections::{
    Corrections, NewRecommendation, RecommendationChanges, ThreatChanges, ThreatEdit,
};
use briefsmith::render::Templates;
use briefsmith::review::Session;

use crate::support::*;

/// A `briefsmith review` process, stopped when dropped.
struct Review {
    child: Child,
    url: String,
    port: u16,
    token: String,
}

impl Review {
    fn start(cwd: &Path, brief: &str) -> Review {
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefsmith"))
            .args(["review", brief, "--no-open"])
            .current_dir(cwd)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("briefsmith review starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line.trim().to_string();
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap_or_else(|| panic!("an address: {url:?}"));
        let (port, token) = rest.split_once('/').unwrap();
        Review { port: port.parse().unwrap(), token: token.trim_end_matches('/').to_string(), url, child }
    }
}

impl Drop for Review {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request to 127.0.0.1:`port`; the status, headers and body.
fn http(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).unwrap();
    // Read the head, then the body by its length (a server may keep the
    // connection open), else to the end.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let head_end = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut buf).unwrap();
        assert!(n > 0, "connection closed before the head ended");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let lower = head.to_ascii_lowercase();
    let length = lower
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    match length {
        Some(length) => {
            while raw.len() < head_end + length {
                let n = stream.read(&mut buf).unwrap();
                assert!(n > 0, "connection closed before the body ended");
                raw.extend_from_slice(&buf[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut raw).unwrap();
        }
    }
    let body = String::from_utf8_lossy(&raw[head_end..]).into_owned();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = if lower.contains("transfer-encoding: chunked") { dechunk(&body) } else { body };
    (status, head.trim_end().to_string(), body)
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

fn seed_copy(dir: &Path) -> PathBuf {
    let path = dir.join("pk.txt");
    std::fs::copy(seed(), &path).unwrap();
    path
}

#[test]
fn the_server_refuses_other_hosts_origins_tokens_and_paths() {
    let dir = tempfile::tempdir().unwrap();
    seed_copy(dir.path());
    let review = Review::start(dir.path(), "pk.txt");
    let (port, token) = (review.port, review.token.as_str());
    assert_eq!(token.len(), 32, "{}", review.url);

    let (status, head, body) = http(port, "GET", &format!("/{token}/"), &[], "");
    assert_eq!(status, 200, "{head}");
    assert!(body.contains("briefsmith review"));
    assert!(head.to_ascii_lowercase().contains("content-security-policy"), "{head}");
    let (status, _, body) =
        http(port, "GET", &format!("/{token}/api/state"), &[("Host", &format!("localhost:{port}"))], "");
    assert_eq!(status, 200);
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["threats"].as_array().unwrap().len(), 3);
    let (status, head, svg) = http(port, "GET", &format!("/{token}/api/preview/summary/1"), &[], "");
    assert_eq!(status, 200);
    assert!(head.contains("image/svg+xml") && svg.starts_with("<svg"), "{head}");

    // No token, a wrong token, paths outside the page: nothing.
    for path in ["/", "/api/state", "/00000000000000000000000000000000/api/state"] {
        assert_eq!(http(port, "GET", path, &[], "").0, 404, "{path}");
    }
    for path in [
        format!("/{token}/../Cargo.toml"),
        format!("/{token}/pk.txt"),
        format!("/{token}/api/preview/../../pk.txt"),
        format!("/{token}/api/preview/summary/9"),
        format!("/{token}/api/preview/model/1"),
    ] {
        assert_eq!(http(port, "GET", &path, &[], "").0, 404, "{path}");
    }
    // DNS rebinding (another Host) and cross-site requests (another Origin).
    let (status, _, body) =
        http(port, "GET", &format!("/{token}/api/state"), &[("Host", "evil.example")], "");
    assert_eq!((status, body.contains("forbidden")), (403, true));
    let (status, ..) =
        http(port, "GET", &format!("/{token}/api/state"), &[("Host", &format!("evil.example:{port}"))], "");
    assert_eq!(status, 403);
    let (status, ..) = http(
        port,
        "PUT",
        &format!("/{token}/api/corrections"),
        &[("Origin", "http://evil.example"), ("Content-Type", "application/json")],
        r#"{"title": "Owned"}"#,
    );
    assert_eq!(status, 403);
    let (status, ..) =
        http(port, "POST", &format!("/{token}/api/save"), &[("Sec-Fetch-Site", "cross-site")], "");
    assert_eq!(status, 403);
    assert!(!dir.path().join("pk.corrections.toml").exists(), "nothing written by refused requests");

    // The page's own requests go through; a malformed body is refused.
    let (status, ..) = http(
        port,
        "PUT",
        &format!("/{token}/api/corrections"),
        &[("Origin", &format!("http://127.0.0.1:{port}")), ("Content-Type", "application/json")],
        r#"{"threats": {"remove": ["TTP"]}}"#,
    );
    assert_eq!(status, 422);
    let (status, _, body) = http(
        port,
        "PUT",
        &format!("/{token}/api/corrections"),
        &[("Origin", &format!("http://127.0.0.1:{port}")), ("Content-Type", "application/json")],
        r#"{"title": "Checked"}"#,
    );
    assert_eq!(status, 200);
    assert!(body.contains("\"dirty\":true"));
    assert_eq!(http(port, "POST", &format!("/{token}/api/save"), &[], "").0, 200);
    let saved = std::fs::read_to_string(dir.path().join("pk.corrections.toml")).unwrap();
    assert!(saved.contains("title = \"Checked\""), "{saved}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "the brief and its corrections only: {leftovers:?}");
}

fn corrections() -> Corrections {
    Corrections {
        threats: ThreatChanges {
            edit: vec![ThreatEdit {
                name: "TTP".into(),
                rename: Some("Tehrik-e-Taliban Pakistan".into()),
                ..ThreatEdit::default()
            }],
            drop: vec!["ISIS-K".into()],
            ..ThreatChanges::default()
        },
        recommendations: RecommendationChanges {
            add: vec![NewRecommendation {
                quote: "deploying advanced surveillance technology".into(),
                title: Some("Deploy surveillance technology on the border".into()),
                ..NewRecommendation::default()
            }],
            ..RecommendationChanges::default()
        },
        ..Corrections::default()
    }
}

#[test]
fn saved_corrections_give_build_exactly_what_the_preview_showed_and_survive_edits() {
    let dir = tempfile::tempdir().unwrap();
    let brief = seed_copy(dir.path());
    let text = std::fs::read_to_string(&brief).unwrap();
    assert!(text.contains("deploying advanced surveillance technology"), "the quote is the seed's");
    let pool = rayon::ThreadPoolBuilder::new().stack_size(16 << 20).build().unwrap();
    let mut session =
        Session::open(&brief, &AnalysisArgs::default(), &OutputArgs::default(), Templates::Builtin, pool)
            .expect("opens");
    session.correct(corrections()).unwrap();
    session.save().unwrap();
    let previewed = session.model().clone();
    let saved = std::fs::read_to_string(dir.path().join("pk.corrections.toml")).unwrap();
    assert!(saved.starts_with("# Corrections to briefsmith's analysis of pk.txt"), "{saved}");
    assert!(saved.contains("drop = [\"ISIS-K\"]"), "{saved}");

    // `build` applies the file: the same model, and the PDFs carry it.
    let out = run(dir.path(), &["build", "pk.txt", "--format", "briefing,summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built: briefsmith::model::Brief =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/pk/model.json")).unwrap())
            .unwrap();
    // The same model, but for the brief's path as each was given it.
    let mut previewed = previewed;
    assert_eq!(
        previewed.meta.source.as_ref().map(|s| &s.sha256),
        built.meta.source.as_ref().map(|s| &s.sha256)
    );
    previewed.meta.source = built.meta.source.clone();
    assert_eq!(built, previewed, "build renders exactly the model the preview showed");
    let summary = Pdf::open(&dir.path().join("out/pk/summary.pdf")).text();
    assert!(summary.contains("Tehrik-e-TalibanPakistan") || summary.contains("TTP"));
    assert!(summary.contains("Deploysurveillancetechnologyontheborder"), "{summary}");
    let labels: Vec<&str> = built.threats.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["TTP", "Al-Qaida"]);
    assert_eq!(built.threats[0].name, "Tehrik-e-Taliban Pakistan");

    // The brief's text changes: the corrections still apply.
    std::fs::write(&brief, format!("{text}\n\nA closing line was added after review.\n")).unwrap();
    let out = run(dir.path(), &["parse", "pk.txt"]);
    assert!(out.status.success());
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["threats"][0]["name"], "Tehrik-e-Taliban Pakistan");
    assert_eq!(model["threats"].as_array().unwrap().len(), 2);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    // The quote is edited away: build and check report it, nothing is lost.
    std::fs::write(
        &brief,
        text.replace("deploying advanced surveillance technology", "deploying more patrols"),
    )
    .unwrap();
    let out = run(dir.path(), &["build", "pk.txt", "--format", "summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("note: correction not applied: pk.corrections.toml:")
            && err.contains(
                "recommendation to add not found in the brief: \"deploying advanced surveillance technology\""
            ),
        "{err}"
    );
    let out = run(dir.path(), &["check", "pk.txt"]);
    assert!(
        stderr(&out).contains("warning: pk.txt: correction not applied: pk.corrections.toml:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("pk.corrections.toml")).unwrap(),
        saved,
        "the file is kept"
    );
    // `--no-corrections` shows the analysis as it is.
    let out = run(dir.path(), &["parse", "pk.txt", "--no-corrections"]);
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["threats"].as_array().unwrap().len(), 3);
}

#[test]
fn a_malformed_corrections_file_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    seed_copy(dir.path());
    std::fs::write(dir.path().join("pk.corrections.toml"), "title = \"A\"\n[threats]\ndrop = \"TTP\"\n")
        .unwrap();
    let out = run(dir.path(), &["build", "pk.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .starts_with("error: failed to read corrections `pk.corrections.toml` (pk.corrections.toml:3:"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out").exists());
}

// ---------------------------------------------------------------------------
// In a real browser

/// A WebDriver session with headless Chromium, ended when dropped.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// None (and a line saying so) when Chromium or ChromeDriver is missing.
    fn start() -> Option<Browser> {
        let chromium =
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| Path::new(p).exists());
        let driver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
            .into_iter()
            .find(|p| Path::new(p).exists());
        let (Some(chromium), Some(driver)) = (chromium, driver) else {
            crate::support::not_run(
                "the browser test of `review` needs Debian's chromium and chromium-driver (.ci/run installs them)",
            );
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().unwrap();
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let capabilities = serde_json::json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--window-size=1400,1000", format!("--user-data-dir={}", profile.path().display())],
            },
        }}});
        let mut browser = Browser { driver, port, session: String::new(), _profile: profile };
        let answer = browser.call("POST", "/session", &capabilities);
        browser.session = answer["sessionId"].as_str().expect("a session").to_string();
        Some(browser)
    }

    fn call(&self, method: &str, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let body = if method == "GET" { String::new() } else { body.to_string() };
        let (status, _, answer) =
            http(self.port, method, path, &[("Content-Type", "application/json")], &body);
        let value: serde_json::Value = serde_json::from_str(&answer).unwrap_or_default();
        assert_eq!(status, 200, "{method} {path}: {answer}");
        value["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", &format!("/session/{}/url", self.session), &serde_json::json!({ "url": url }));
    }

    /// The elements matching `css`, waiting up to 20 s for at least `min`.
    fn find_all(&self, css: &str, min: usize) -> Vec<String> {
        let start = Instant::now();
        loop {
            let found = self.call(
                "POST",
                &format!("/session/{}/elements", self.session),
                &serde_json::json!({"using": "css selector", "value": css}),
            );
            let ids: Vec<String> = found
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|e| e.as_object()?.values().next()?.as_str().map(str::to_string))
                .collect();
            if ids.len() >= min || start.elapsed() > Duration::from_secs(20) {
                assert!(ids.len() >= min, "`{css}`: {} found, {min} expected", ids.len());
                return ids;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, element: &str) {
        self.call(
            "POST",
            &format!("/session/{}/element/{element}/click", self.session),
            &serde_json::json!({}),
        );
    }

    /// Types `text` over what the field holds, as a person would (Ctrl+A,
    /// then the keys; WebDriver's "clear" would fire a change of its own).
    fn type_over(&self, element: &str, text: &str) {
        self.call(
            "POST",
            &format!("/session/{}/element/{element}/value", self.session),
            &serde_json::json!({ "text": format!("\u{E009}a\u{E000}{text}") }),
        );
    }

    fn script(&self, script: &str) -> serde_json::Value {
        self.call(
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            &serde_json::json!({ "script": script, "args": [] }),
        )
    }

    /// Waits up to 20 s for `script` to return true.
    fn wait_for(&self, what: &str, script: &str) {
        let start = Instant::now();
        while self.script(script) != serde_json::Value::Bool(true) {
            assert!(start.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self) -> Vec<u8> {
        let png = self.call("GET", &format!("/session/{}/screenshot", self.session), &serde_json::json!({}));
        base64_decode(png.as_str().unwrap())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), &[], "");
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 (WebDriver's screenshots).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |n, &d| n << 6 | u32::from(d)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

/// What a reviewer does to one brief in the browser, and what the built
/// documents must then show.
struct Plan {
    brief: PathBuf,
    /// Threat label → new name.
    rename: Option<(&'static str, &'static str)>,
    /// Threat label → new label.
    relabel: Option<(&'static str, &'static str)>,
    /// Two threat labels to merge (into the first).
    merge: Option<[&'static str; 2]>,
    /// A threat label to drop.
    drop: &'static str,
    /// Words of the brief to select and add as a recommendation.
    add: &'static str,
    /// The threat labels `build` must then give, in order.
    threats: &'static [&'static str],
}

impl Browser {
    /// The position of the threat whose label is `label` in the list as shown.
    fn threat_at(&self, label: &str) -> usize {
        let script = format!(
            "return [...document.querySelectorAll('#threats li input.label')].findIndex(i => i.value === {})",
            serde_json::to_string(label).unwrap()
        );
        let at = self.script(&script).as_i64().unwrap();
        assert!(at >= 0, "threat `{label}` shown");
        at as usize
    }

    fn threats_shown(&self) -> usize {
        self.script("return document.querySelectorAll('#threats li').length").as_u64().unwrap() as usize
    }
}

/// Reviews `plan.brief` in the browser as a person would (types, clicks,
/// selects), saves, builds, and checks the documents and the model.
fn review_in_browser(browser: &Browser, plan: &Plan) {
    let dir = tempfile::tempdir().unwrap();
    let name = plan.brief.file_name().unwrap().to_str().unwrap().to_string();
    let stem = plan.brief.file_stem().unwrap().to_str().unwrap().to_string();
    std::fs::copy(&plan.brief, dir.path().join(&name)).unwrap();
    let review = Review::start(dir.path(), &name);
    browser.go(&review.url);
    browser.find_all("#threats li input.name", 2);
    browser.wait_for("highlights", "return document.querySelectorAll('#source mark.k-threat').length > 0");
    let first_preview = browser.script("return document.querySelector('#preview img').src");
    let recs_before =
        browser.script("return document.querySelectorAll('#recommendations li').length").as_u64().unwrap();

    if let Some((label, name)) = plan.rename {
        let input = &browser.find_all("#threats li input.name", 1)[browser.threat_at(label)];
        browser.type_over(input, &format!("{name}\u{E007}"));
        let check = format!(
            "return [...document.querySelectorAll('#threats input.name')].some(i => i.value === {}) \
             && document.querySelector('#status').textContent === 'unsaved changes'",
            serde_json::to_string(name).unwrap()
        );
        browser.wait_for("the rename", &check);
    }
    if let Some((label, new)) = plan.relabel {
        let input = &browser.find_all("#threats li input.label", 1)[browser.threat_at(label)];
        browser.type_over(input, &format!("{new}\u{E007}"));
        let check = format!(
            "return [...document.querySelectorAll('#threats input.label')].some(i => i.value === {}) \
             && document.querySelector('#status').textContent === 'unsaved changes'",
            serde_json::to_string(new).unwrap()
        );
        browser.wait_for("the new label", &check);
    }
    if let Some([into, other]) = plan.merge {
        let shown = browser.threats_shown();
        let boxes = browser.find_all("#threats li input.pick", 2);
        browser.click(&boxes[browser.threat_at(into)]);
        browser.click(&boxes[browser.threat_at(other)]);
        browser.click(&browser.find_all("#merge", 1)[0]);
        browser.wait_for(
            "the merge",
            &format!("return document.querySelectorAll('#threats li').length === {}", shown - 1),
        );
    }
    let shown = browser.threats_shown();
    let drops = browser.find_all("#threats li button.drop", 1);
    browser.click(&drops[browser.threat_at(plan.drop)]);
    browser.wait_for(
        "the drop",
        &format!("return document.querySelectorAll('#threats li').length === {}", shown - 1),
    );

    // Select words of the source as a reader would, then add them.
    let select = format!(
        "const want = {};
         const walker = document.createTreeWalker(document.getElementById('source'), NodeFilter.SHOW_TEXT);
         let node; while ((node = walker.nextNode())) {{ const i = node.data.indexOf(want);
           if (i >= 0) {{ const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + want.length);
             const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return true; }} }}
         return false;",
        serde_json::to_string(plan.add).unwrap()
    );
    assert_eq!(browser.script(&select), serde_json::Value::Bool(true), "`{}` selectable in {name}", plan.add);
    browser.wait_for("the selection actions", "return !document.getElementById('selection-actions').hidden");
    browser.click(&browser.find_all("#add-rec", 1)[0]);
    browser.wait_for(
        "the new recommendation",
        &format!("return document.querySelectorAll('#recommendations li').length === {}", recs_before + 1),
    );
    // The preview was laid out again, and the page shows it.
    browser.wait_for(
        "a new preview",
        &format!("return document.querySelector('#preview img').src !== {first_preview}"),
    );
    browser.wait_for(
        "the preview to load",
        "const i = document.querySelector('#preview img'); return i.complete && i.naturalWidth > 0",
    );

    browser.click(&browser.find_all("#save", 1)[0]);
    browser
        .wait_for("the save", "return document.querySelector('#status').textContent.startsWith('saved to')");
    if stem == "pakistan-counterterrorism"
        && let Some(folder) = std::env::var_os("BRIEFSMITH_SCREENSHOT")
    {
        std::fs::write(Path::new(&folder).join("review.png"), browser.screenshot()).unwrap();
    }
    // The brief edited on disk while the page is open: the page follows.
    let text = std::fs::read_to_string(dir.path().join(&name)).unwrap();
    std::fs::write(
        dir.path().join(&name),
        format!("{text}\n\nA paragraph the author added during review.\n"),
    )
    .unwrap();
    browser.wait_for(
        "the page to show the edited brief",
        "return document.getElementById('source').textContent.includes('added during review')",
    );
    std::fs::write(dir.path().join(&name), &text).unwrap();
    browser.wait_for(
        "the page to show the brief as it was",
        "return !document.getElementById('source').textContent.includes('added during review')",
    );
    drop(review);

    // `build` carries the corrections into the documents.
    let out = run(dir.path(), &["build", &name, "--format", "briefing,slides"]);
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    assert!(!stderr(&out).contains("correction not applied"), "{name}: {}", stderr(&out));
    let model: briefsmith::model::Brief = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join(format!("out/{stem}/model.json"))).unwrap(),
    )
    .unwrap();
    let labels: Vec<&str> = model.threats.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, plan.threats, "{name}");
    let briefing = Pdf::open(&dir.path().join(format!("out/{stem}/briefing.pdf"))).text();
    if let Some((_, new)) = plan.rename {
        assert!(briefing.contains(&squash(new)), "{name}: the renamed threat in the briefing");
    }
    let added = model.recommendations.last().expect("a recommendation");
    assert!(
        squash(plan.add).to_lowercase().starts_with(&squash(&added.title).to_lowercase().replace('…', ""))
    );
    assert!(briefing.contains(&squash(&added.title)), "{name}: the added recommendation in the briefing");

    // The brief's text changes afterwards: the corrections still apply.
    let text = std::fs::read_to_string(dir.path().join(&name)).unwrap();
    std::fs::write(
        dir.path().join(&name),
        format!("{text}\n\nOne more paragraph, written after the review.\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["parse", &name]);
    let again: briefsmith::model::Brief = serde_json::from_slice(&out.stdout).unwrap();
    let labels: Vec<&str> = again.threats.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, plan.threats, "{name} after an edit");
    assert!(stderr(&out).is_empty(), "{name}: {}", stderr(&out));
}

#[test]
fn reviewers_correct_the_seed_and_real_briefs_in_a_browser_and_build_carries_it() {
    let Some(browser) = Browser::start() else { return };
    let corpus = root().join("tests/corpus/briefs");
    let plans = [
        // The seed: a name spelled otherwise, a group that is not a threat
        // here, a recommendation from the text.
        Plan {
            brief: seed(),
            rename: Some(("TTP", "Tehrik-e-Taliban Pakistan")),
            relabel: None,
            merge: None,
            drop: "ISIS-K",
            add: "deploying advanced surveillance technology",
            threats: &["TTP", "Al-Qaida"],
        },
        // Haiti: the gang coalition's label is wrong ("gangs").
        Plan {
            brief: corpus.join("crs-haiti-gangs-security-mission.txt"),
            rename: None,
            relabel: Some(("gangs", "Gran Grif")),
            merge: None,
            drop: "gang violence",
            add: "restore political stability and security",
            threats: &["Gran Grif", "Viv Ansanm"],
        },
        // BlackCat: one group under two names; a tool that is not an actor.
        Plan {
            brief: corpus.join("fbi-blackcat-alphv-ransomware.txt"),
            rename: None,
            relabel: None,
            merge: Some(["BlackCat", "ALPHV ransomware"]),
            drop: "Cobalt Strike",
            add: "The FBI does not encourage paying ransoms",
            threats: &["BlackCat"],
        },
        // Somalia: a police force taken for a threat.
        Plan {
            brief: corpus.join("state-somalia-2024-human-rights-al-shabaab.txt"),
            rename: None,
            relabel: None,
            merge: None,
            drop: "Somaliland police",
            add: "The government investigated some human rights abuses committed by al-Shabaab",
            threats: &["al-Shabaab", "Clan militias", "unlawful killings"],
        },
    ];
    for plan in &plans {
        review_in_browser(&browser, plan);
    }
}
