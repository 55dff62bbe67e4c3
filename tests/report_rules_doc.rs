//! docs/rules.md is generated from the rule table and must not drift from it.

mod common;

use common::{repo_root, termcheck};

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = repo_root().join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = termcheck::report::rules_doc::markdown();
    assert!(
        on_disk == generated,
        "docs/rules.md is out of sync with the rule table (src/rules.rs); regenerate it with\n\n    \
         cargo run -- rules --format markdown > docs/rules.md\n"
    );
}

#[test]
fn rules_markdown_is_printed_by_the_binary_and_names_every_rule() {
    let run = termcheck(&["rules", "--format", "markdown"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, termcheck::report::rules_doc::markdown());
    for info in termcheck::rules::RULES {
        assert!(
            run.stdout.contains(&format!("\n## {}\n", info.id)),
            "{}",
            info.id
        );
        assert!(run.stdout.contains(info.summary));
        assert!(run
            .stdout
            .contains(&format!("**What to do:** {}", info.fix)));
        assert!(run.stdout.contains(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |",
            info.id,
            info.severity.as_str(),
            info.title
        )));
    }
}
