//! Hostile XML: external entities, entity bombs, deep nesting, truncated files, lying encoding
//! declarations and huge text nodes, in XLIFF, TMX and TBX. Each case ends with normal output
//! or a clear error with a position, quickly, and never reads a file or the network it is
//! pointed at. Every run goes through [`run_bounded`], which fails the test on a hang.

mod common;

use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

use common::{parse_csv, run_bounded, scratch, Bounded};

/// Small inputs must be handled at once, even in a debug build on a busy machine.
const QUICK: Duration = Duration::from_secs(30);
const EXACT: &[&str] = &["--select", "forbidden-term,deprecated-term"];
const TERM: &str = "Municipal General Assembly";
const SECRET: &str = "TOP-SECRET-3f9c2a-do-not-read";

/// Checks the files of `dir` named in `paths` as a CSV report, with the extra arguments.
fn check_csv(dir: &Path, paths: &[&str], extra: &[&str], limit: Duration) -> Bounded {
    let mut args = vec!["check", "--format", "csv"];
    args.extend_from_slice(paths);
    args.extend_from_slice(extra);
    run_bounded(dir, &args, b"", limit)
}

/// (line, column, found) of every row of a CSV report.
fn positions(report: &str) -> Vec<(u64, u64, String)> {
    parse_csv(report)
        .into_iter()
        .map(|r| (r.line, r.column, r.found))
        .collect()
}

/// An XLIFF 1.2 file with `prolog` before the root and `target` as the one unit's target.
fn xliff(prolog: &str, target: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{prolog}\n\
         <xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body>\n\
         <trans-unit id=\"1\"><source>上海</source>\n<target>{target}</target></trans-unit>\n\
         </body></file></xliff>\n"
    )
}

/// A TMX file with `prolog` before the root and `target` as the English segment.
fn tmx(prolog: &str, target: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{prolog}\n\
         <tmx version=\"1.4\"><header srclang=\"zh\"/><body>\n\
         <tu tuid=\"1\"><tuv xml:lang=\"zh\"><seg>上海</seg></tuv>\n\
         <tuv xml:lang=\"en\"><seg>{target}</seg></tuv></tu>\n</body></tmx>\n"
    )
}

/// A TBX glossary with `prolog` before the root and `term` as the English preferred term.
fn tbx(prolog: &str, term: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{prolog}\n\
         <martif type=\"TBX\" xml:lang=\"en\"><text><body>\n\
         <termEntry id=\"c1\"><langSet xml:lang=\"zh\"><tig><term>上海</term></tig></langSet>\n\
         <langSet xml:lang=\"en\"><tig><term>{term}</term></tig></langSet></termEntry>\n\
         </body></text></martif>\n"
    )
}

/// A listener nothing should connect to, and its URL.
fn trap() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}/evil.dtd", listener.local_addr().unwrap());
    (listener, url)
}

#[track_caller]
fn assert_not_contacted(listener: &TcpListener) {
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Ok((_, peer)) => panic!("termcheck connected to the trap from {peer}"),
        Err(e) => panic!("accept: {e}"),
    }
}

/// The error of a file refused as a whole: exit 2, the message on stderr with `file:line:col`.
#[track_caller]
fn assert_refused(run: &Bounded, file: &str, line_col: &str, words: &str) {
    assert_eq!(
        run.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let wanted = format!("{file}:{line_col}: ");
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains(&wanted))
        .unwrap_or_else(|| panic!("no error at {wanted} in:\n{}", run.stderr));
    assert!(line.contains(words), "{line:?} does not say {words:?}");
}

/// `line:column` of the first `needle` in `text` (ASCII before it on its line).
fn line_col(text: &str, needle: &str) -> String {
    let (line, l) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .expect("needle in text");
    format!(
        "{}:{}",
        line + 1,
        l[..l.find(needle).unwrap()].chars().count() + 1
    )
}

/// `text` with the placeholder characters U+0001… replaced by the bytes given, in order.
fn with_bytes(text: &str, bytes: &[u8]) -> Vec<u8> {
    text.bytes()
        .map(|b| match b {
            1..=8 => bytes[usize::from(b) - 1],
            b => b,
        })
        .collect()
}

#[test]
fn external_entities_are_never_resolved_in_xliff_and_tmx() {
    let dir = scratch(&[("secret.txt", SECRET.as_bytes())]);
    let secret = dir.path().join("secret.txt");
    let (listener, url) = trap();
    let file_entity = format!(
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file://{}\">]>",
        secret.display()
    );
    let net_entity = format!("<!DOCTYPE x [<!ENTITY e SYSTEM \"{url}\">]>");
    let param_entity = format!("<!DOCTYPE x [<!ENTITY % p SYSTEM \"{url}\"> %p;]>");
    let files = [
        ("file.xlf", xliff(&file_entity, "Shanghai &e; Union")),
        ("net.xlf", xliff(&net_entity, "Shanghai &e; Union")),
        ("file.tmx", tmx(&file_entity, "Shanghai &e; Union")),
        ("net.tmx", tmx(&net_entity, "&e;")),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
        let run = check_csv(dir.path(), &[name], &[], QUICK);
        assert_refused(&run, name, &line_col(text, "&e;"), "&e;");
        assert!(
            run.stderr.contains("DTD entities are not"),
            "{}",
            run.stderr
        );
        for out in [&run.stdout, &run.stderr] {
            assert!(!out.contains(SECRET), "{name}: the file was read:\n{out}");
        }
    }
    // A parameter entity and an external DTD subset are never fetched: the DOCTYPE is skipped
    // and the file is checked as usual.
    let external_dtd = format!("<!DOCTYPE xliff SYSTEM \"{url}\">");
    for (name, prolog) in [("param.xlf", &param_entity), ("dtd.xlf", &external_dtd)] {
        std::fs::write(dir.path().join(name), xliff(prolog, TERM)).unwrap();
        let run = check_csv(dir.path(), &[name], EXACT, QUICK);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(positions(&run.stdout), vec![(5, 9, TERM.to_string())]);
    }
    // XInclude is an element like any other: never followed.
    let include = format!(
        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://{}\" parse=\"text\"/> {TERM}",
        secret.display()
    );
    std::fs::write(dir.path().join("xinclude.xlf"), xliff("", &include)).unwrap();
    let run = check_csv(dir.path(), &["xinclude.xlf"], EXACT, QUICK);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows = positions(&run.stdout);
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert!(!run.stdout.contains(SECRET) && !run.stderr.contains(SECRET));
    // An entity in an attribute value is refused too.
    let attr = xliff(&file_entity, "x").replace("id=\"1\"", "id=\"&e;\"");
    std::fs::write(dir.path().join("attr.xlf"), &attr).unwrap();
    let run = check_csv(dir.path(), &["attr.xlf"], &[], QUICK);
    assert_refused(&run, "attr.xlf", "4:1", "DTD entities are not expanded");
    assert!(!run.stderr.contains(SECRET) && !run.stdout.contains(SECRET));
    assert_not_contacted(&listener);
}

/// Ten levels of ten references each: 10^10 `lol`s when expanded.
fn billion_laughs() -> String {
    let mut dtd = String::from("<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
    }
    dtd.push_str("]>");
    dtd
}

#[test]
fn entity_bombs_are_refused_at_once() {
    let bomb = billion_laughs();
    // A quadratic blow-up: one huge entity referenced many times.
    let quadratic = format!("<!DOCTYPE q [<!ENTITY a \"{}\">]>", "a".repeat(100_000));
    let dir = scratch(&[
        ("bomb.xlf", xliff(&bomb, "&lol9;").as_bytes()),
        ("bomb.tmx", tmx(&bomb, "x &lol9;").as_bytes()),
        (
            "quadratic.xlf",
            xliff(&quadratic, &"&a;".repeat(10_000)).as_bytes(),
        ),
    ]);
    for (name, entity) in [
        ("bomb.xlf", "&lol9;"),
        ("bomb.tmx", "&lol9;"),
        ("quadratic.xlf", "&a;"),
    ] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let run = check_csv(dir.path(), &[name], &[], QUICK);
        assert_refused(&run, name, &line_col(&text, entity), "DTD entities are not");
        assert!(
            run.elapsed < Duration::from_secs(10),
            "{name}: {:?}",
            run.elapsed
        );
    }
}

#[test]
fn ten_thousand_nested_elements_are_refused_at_the_depth_limit() {
    let deep = |open: &str, close: &str| format!("{}{}", open.repeat(10_000), close.repeat(10_000));
    let g = deep("<g>", "</g>");
    let dir = scratch(&[
        ("deep.xlf", xliff("", &g).as_bytes()),
        ("deep.tmx", tmx("", &g).as_bytes()),
        (
            "groups.xlf",
            xliff("", "x")
                .replace("<body>", &format!("<body>{}", "<group>".repeat(10_000)))
                .as_bytes(),
        ),
        ("deep.tbx", tbx("", &g).as_bytes()),
    ]);
    // The 256th open element is the first one refused; its column depends on what is around.
    for name in ["deep.xlf", "deep.tmx", "groups.xlf"] {
        let run = check_csv(dir.path(), &[name], &[], QUICK);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("{name}:"))
                && run
                    .stderr
                    .contains("elements nested deeper than 256 levels"),
            "{name}: {}",
            run.stderr
        );
    }
    let run = run_bounded(
        dir.path(),
        &["check", "-g", "deep.tbx", "deep.xlf"],
        b"",
        QUICK,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("deep.tbx:5:") && run.stderr.contains("nested deeper than 256 levels"),
        "{}",
        run.stderr
    );
}

#[test]
fn unclosed_tags_are_errors_with_line_and_column() {
    let cut = |text: String, at: &str| text[..text.rfind(at).unwrap()].to_string();
    let dir = scratch(&[
        (
            "open-target.xlf",
            cut(xliff("", TERM), "</target>").as_bytes(),
        ),
        ("open-seg.tmx", cut(tmx("", TERM), "</seg>").as_bytes()),
        (
            "mismatch.xlf",
            xliff("", "a <g id=\"1\">b</x> c").as_bytes(),
        ),
        (
            "open-term.tbx",
            cut(tbx("", "Shanghai"), "</term></tig></langSet></termEntry>").as_bytes(),
        ),
    ]);
    let run = check_csv(dir.path(), &["open-target.xlf"], &[], QUICK);
    assert_refused(
        &run,
        "open-target.xlf",
        "5:35",
        "ends inside <target> (opened at 5:1)",
    );
    let run = check_csv(dir.path(), &["open-seg.tmx"], &[], QUICK);
    assert_refused(
        &run,
        "open-seg.tmx",
        "5:51",
        "ends inside <seg> (opened at 5:20)",
    );
    let run = check_csv(dir.path(), &["mismatch.xlf"], &[], QUICK);
    assert_refused(&run, "mismatch.xlf", "5:22", "malformed XML");
    let run = run_bounded(
        dir.path(),
        &["check", "-g", "open-term.tbx", "mismatch.xlf"],
        b"",
        QUICK,
    );
    assert_refused(&run, "open-term.tbx", "5:43", "ends inside <term>");
}

#[test]
fn a_false_encoding_declaration_is_an_error_and_a_true_legacy_one_is_decoded() {
    // Declared UTF-8, written in Latin-1: `café` with a raw 0xE9.
    let lying = with_bytes(&xliff("", "caf\u{1} x"), &[0xE9]);
    // Declared windows-1252 and written so: “café” is one byte a character, before the term.
    let legacy = xliff("", &format!("\u{1}caf\u{2}\u{3} {TERM}"))
        .replace("UTF-8", "windows-1252")
        .replace("上海", "x");
    let legacy = with_bytes(&legacy, &[0x93, 0xE9, 0x94]);
    let dir = scratch(&[("lying.xlf", &lying), ("legacy.xlf", &legacy)]);
    let run = check_csv(dir.path(), &["lying.xlf"], &[], QUICK);
    assert_refused(&run, "lying.xlf", "5:12", "0xE9");
    let run = run_bounded(
        dir.path(),
        &[&["check", "--format", "json", "legacy.xlf"], EXACT].concat(),
        b"",
        QUICK,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{}", run.stdout);
    let f = &findings[0];
    assert_eq!(f["found"], TERM);
    assert_eq!(
        f["context"],
        format!("“café” {TERM}"),
        "decoded as windows-1252"
    );
    // `<target>` is 8 characters, then “café” and a space: the term starts at column 16, and
    // 15 bytes into the line (one byte a character in windows-1252).
    assert_eq!(
        (&f["start"]["line"], &f["start"]["column"]),
        (&5.into(), &16.into())
    );
    let line_start = legacy
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(3)
        .unwrap()
        .0
        + 1;
    assert_eq!(f["start"]["byte_offset"], line_start + 15);
    assert_eq!(f["end"]["byte_offset"], line_start + 15 + TERM.len());
    assert!(legacy[line_start + 15..].starts_with(TERM.as_bytes()));
}

/// 200 MB of text in one node, then the term: streamed through the reader with the column of
/// the term right. Exact rules only (the garbled-term rule is far slower in a debug build).
fn huge_node_finds_the_term_at_the_end(name: &str, wrap: fn(&str, &str) -> String) {
    const SIZE: usize = 200 << 20;
    let filler = "workers and staff met at the hall to talk about rest stations ";
    let mut target = String::with_capacity(SIZE + 100);
    while target.len() < SIZE {
        target.push_str(filler);
    }
    let column_in_node = target.chars().count();
    target.push_str(TERM);
    let text = wrap("", &target);
    drop(target);
    let line = text.lines().position(|l| l.len() > SIZE).unwrap() + 1;
    let line_text = text.lines().nth(line - 1).unwrap();
    let node_column = line_text.find(filler).unwrap() + 1;
    let dir = scratch(&[(name, text.as_bytes())]);
    drop(text);
    let run = check_csv(dir.path(), &[name], EXACT, Duration::from_secs(600));
    eprintln!("{name}: 200 MB text node checked in {:?}", run.elapsed);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        positions(&run.stdout),
        vec![(
            line as u64,
            (node_column + column_in_node) as u64,
            TERM.to_string()
        )]
    );
}

#[test]
fn a_200_mb_text_node_in_an_xliff_target_is_streamed() {
    huge_node_finds_the_term_at_the_end("huge.xlf", xliff);
}

#[test]
fn a_200_mb_text_node_in_a_tmx_segment_is_streamed() {
    huge_node_finds_the_term_at_the_end("huge.tmx", tmx);
}

#[test]
fn tbx_glossaries_refuse_external_entities_and_bombs() {
    let dir = scratch(&[("secret.txt", SECRET.as_bytes())]);
    let secret = dir.path().join("secret.txt");
    let (listener, url) = trap();
    let file_entity = format!(
        "<!DOCTYPE martif [<!ENTITY e SYSTEM \"file://{}\">]>",
        secret.display()
    );
    let net_entity = format!("<!DOCTYPE martif [<!ENTITY e SYSTEM \"{url}\">]>");
    let files = [
        ("file.tbx", tbx(&file_entity, "Shanghai &e;")),
        ("net.tbx", tbx(&net_entity, "&e;")),
        ("bomb.tbx", tbx(&billion_laughs(), "&lol9;")),
    ];
    std::fs::write(dir.path().join("doc.txt"), format!("{TERM}\n")).unwrap();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
        let run = run_bounded(dir.path(), &["check", "-g", name, "doc.txt"], b"", QUICK);
        let entity = if name == &"bomb.tbx" { "&lol9;" } else { "&e;" };
        assert_refused(&run, name, &line_col(text, entity), entity);
        assert!(
            run.stderr.contains("DTD entities are not"),
            "{}",
            run.stderr
        );
        assert!(
            run.elapsed < Duration::from_secs(10),
            "{name}: {:?}",
            run.elapsed
        );
        for out in [&run.stdout, &run.stderr] {
            assert!(!out.contains(SECRET), "{name}: the file was read:\n{out}");
        }
    }
    assert_not_contacted(&listener);
}

#[test]
fn thousands_of_findings_in_one_long_text_node_are_mapped_in_linear_time() {
    // Each finding used to walk its text node from the start: 4 MB × 4,000 findings took over
    // five minutes (2.6 s now, debug build).
    let chunk = format!(
        "{}{TERM} ",
        "workers met at the hall to talk about rest ".repeat(24)
    );
    let target = chunk.repeat((4 << 20) / chunk.len());
    let count = target.matches(TERM).count();
    let last = target.rfind(TERM).unwrap() + "<target>".len() + 1;
    let dir = scratch(&[("many.xlf", xliff("", &target).as_bytes())]);
    let run = check_csv(dir.path(), &["many.xlf"], EXACT, Duration::from_secs(120));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = positions(&run.stdout);
    assert_eq!(found.len(), count);
    assert_eq!(found.last(), Some(&(5, last as u64, TERM.to_string())));
    assert!(run.elapsed < Duration::from_secs(60), "{:?}", run.elapsed);
}

/// Found by the `tmx` fuzz target: a U+FEFF right after the byte-order mark was skipped by
/// quick-xml as a second BOM, so every later position was 3 bytes short. Now refused.
#[test]
fn a_second_byte_order_mark_is_refused_not_shifting_positions() {
    let mut text = b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec();
    text.extend_from_slice(tmx("", TERM).split_once('\n').unwrap().1.as_bytes());
    let dir = scratch(&[("bom2.tmx", &text)]);
    let run = check_csv(dir.path(), &["bom2.tmx"], EXACT, QUICK);
    assert_refused(&run, "bom2.tmx", "1:1", "second byte-order mark");
}
