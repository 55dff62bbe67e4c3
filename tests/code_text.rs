//! Code written in running text (paths, file names, options, identifiers, placeholders) is
//! neither checked nor fixed; the prose around it is.

mod common;

use common::{parse_csv, scratch, termcheck_in};

const GLOSSARY: &str = "id,preferred,deprecated\n\
    settings,Settings,Preferences\n\
    sign-in,Sign in,Log on\n\
    dark-mode,Dark Mode,Night Mode\n\
    home-screen,Home Screen,\n";

const TEXT: &str = "Delete ~/Library/Preferences/com.example.app.plist to reset the app.\n\
    Open Preferences.plist or com.example.Preferences by hand.\n\
    Edit C:\\ProgramData\\App\\Preferences\\user.ini if needed.\n\
    Start it with --dark-mode, call signIn() and read home-screen.tsx.\n\
    Show {preferences}, %(preferences)s and {{ preferences }} here.\n\
    Open the Preferences window, then turn on Night Mode.\n";

#[test]
fn code_in_text_is_not_checked_and_the_prose_is() {
    let dir = scratch(&[("g.csv", GLOSSARY.as_bytes()), ("ui.txt", TEXT.as_bytes())]);
    let run = termcheck_in(
        dir.path(),
        &[
            "check",
            "ui.txt",
            "-g",
            "g.csv",
            "--no-config",
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found: Vec<(u64, String)> = parse_csv(&run.stdout)
        .into_iter()
        .map(|row| (row.line, row.found))
        .collect();
    assert_eq!(
        found,
        vec![
            (6, "Preferences".to_string()),
            (6, "Night Mode".to_string())
        ]
    );
}

#[test]
fn fix_leaves_code_alone_and_fixes_the_prose() {
    let po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
        msgid \"打开 {preferences} 页面\"\nmsgstr \"Open the {preferences} page\"\n\n\
        msgid \"<a href=\\\"/help/preferences\\\">帮助</a>\"\n\
        msgstr \"<a href=\\\"/help/preferences\\\">Help</a>\"\n\n\
        msgid \"打开设置\"\nmsgstr \"Open Preferences\"\n";
    let dir = scratch(&[
        ("g.csv", GLOSSARY.as_bytes()),
        ("ui.txt", TEXT.as_bytes()),
        ("ui.po", po.as_bytes()),
    ]);
    let run = termcheck_in(
        dir.path(),
        &["fix", "ui.txt", "ui.po", "-g", "g.csv", "--no-config"],
        b"",
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let text = std::fs::read_to_string(dir.path().join("ui.txt")).unwrap();
    let expected = TEXT.replace(
        "Open the Preferences window, then turn on Night Mode.",
        "Open the Settings window, then turn on Dark Mode.",
    );
    assert_eq!(text, expected);
    let fixed_po = std::fs::read_to_string(dir.path().join("ui.po")).unwrap();
    assert_eq!(
        fixed_po,
        po.replace("msgstr \"Open Preferences\"", "msgstr \"Open Settings\"")
    );
}

/// A path whose file name ends in an extension that is also an English word or abbreviation
/// (".md", ".pdf") is code: neither a garbled nor a deprecated rendering in it is reported, and
/// fix leaves the path alone while fixing the prose beside it.
#[test]
fn a_path_ending_in_a_file_name_is_code_whatever_its_extension() {
    let glossary = "id,preferred,deprecated\n\
        wechat-pay,WeChat Pay,\n\
        settings,Settings,Preferences\n";
    let text = "See docs/wechat-pay/refund.md for the refund API.\n\
        Read docs/Preferences/guide.pdf first.\n\
        Open Preferences and pay with Wechat-Pay.\n";
    let dir = scratch(&[("g.csv", glossary.as_bytes()), ("api.txt", text.as_bytes())]);
    let args = ["api.txt", "-g", "g.csv", "--no-config"];
    let check = termcheck_in(
        dir.path(),
        &[&["check"], &args[..], &["--format", "csv"]].concat(),
        b"",
    );
    assert_eq!(check.code, 1, "{}", check.stderr);
    let found: Vec<(u64, String)> = parse_csv(&check.stdout)
        .into_iter()
        .map(|row| (row.line, row.found))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "Preferences".to_string()),
            (3, "Wechat-Pay".to_string())
        ]
    );
    let fix = termcheck_in(dir.path(), &[&["fix"], &args[..]].concat(), b"");
    assert_eq!(fix.code, 0, "{}{}", fix.stdout, fix.stderr);
    let fixed = std::fs::read_to_string(dir.path().join("api.txt")).unwrap();
    assert_eq!(
        fixed,
        text.replace(
            "Open Preferences and pay with Wechat-Pay.",
            "Open Settings and pay with WeChat Pay."
        )
    );
}
