//! The CI recipes of docs/ci.md and the pre-commit hooks of .pre-commit-hooks.yaml, run.

mod common;

use std::path::Path;
use std::process::Command;

use common::{repo_root, scratch, TEST_GLOSSARY};
use yaml_rust2::{Yaml, YamlLoader};

/// A project to check: a configuration naming the glossary, and a clean document.
fn project() -> tempfile::TempDir {
    scratch(&[
        ("termcheck.toml", b"glossaries = [\"terms/g.csv\"]\n"),
        ("terms/g.csv", TEST_GLOSSARY.as_bytes()),
        (
            "docs/a.md",
            b"# News\n\nThe Shanghai Federation of Trade Unions met.\n",
        ),
    ])
}

/// The directory of the termcheck binary under test, first on PATH.
fn path_with_termcheck() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_termcheck"));
    let dir = bin.parent().unwrap().display().to_string();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

fn sh(dir: &Path, script: &str) -> (i32, String, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path_with_termcheck())
        .output()
        .expect("sh runs");
    (
        out.status.code().expect("exited"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The shell snippet between the `ci-gate` markers of docs/ci.md, without its fences.
fn documented_gate() -> String {
    let doc = std::fs::read_to_string(repo_root().join("docs/ci.md")).unwrap();
    let start = doc.find("<!-- ci-gate:start -->").expect("start marker");
    let end = doc.find("<!-- ci-gate:end -->").expect("end marker");
    let block = &doc[start..end];
    let body_start = block.find("```sh\n").expect("a sh block") + "```sh\n".len();
    let body_end = block.rfind("```").unwrap();
    block[body_start..body_end].to_string()
}

#[test]
fn the_documented_shell_gate_passes_clean_fails_new_and_breaks_on_errors() {
    let dir = project();
    let gate = documented_gate();
    assert!(
        gate.contains("termcheck check docs/ --baseline termcheck-baseline.tsv"),
        "{gate}"
    );
    std::fs::write(
        dir.path().join("docs/old.md"),
        "The Municipal General Assembly met.\n",
    )
    .unwrap();
    let (code, _, err) = sh(
        dir.path(),
        "termcheck check docs/ --write-baseline termcheck-baseline.tsv",
    );
    assert_eq!(code, 0, "{err}");

    let (code, out, err) = sh(dir.path(), &gate);
    assert_eq!(code, 0, "known findings pass: {out}{err}");
    assert!(out.contains("no new terminology findings"), "{out}");

    std::fs::write(dir.path().join("docs/new.md"), "Ask CAMCE.\n").unwrap();
    let (code, _, err) = sh(dir.path(), &gate);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("new terminology findings"), "{err}");
    let report = std::fs::read_to_string(dir.path().join("termcheck-report.csv")).unwrap();
    assert_eq!(report.lines().count(), 2, "one new finding: {report}");
    assert!(
        report.contains("docs/new.md,1,5,forbidden-term"),
        "{report}"
    );

    std::fs::write(dir.path().join("termcheck-baseline.tsv"), "garbage\n").unwrap();
    let (code, _, err) = sh(dir.path(), &gate);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("could not check (exit 2)"), "{err}");
}

fn hooks() -> Vec<Yaml> {
    let text = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    let docs = YamlLoader::load_from_str(&text).expect(".pre-commit-hooks.yaml is YAML");
    assert_eq!(docs.len(), 1);
    docs[0].as_vec().expect("a list of hooks").clone()
}

#[test]
fn the_pre_commit_hooks_are_well_formed() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["termcheck", "termcheck-fix"]);
    for hook in &hooks {
        let map = hook.as_hash().expect("a hook is a mapping");
        for key in map.keys() {
            let key = key.as_str().unwrap();
            assert!(
                [
                    "id",
                    "name",
                    "description",
                    "entry",
                    "language",
                    "files",
                    "types"
                ]
                .contains(&key),
                "unexpected key {key}"
            );
        }
        for required in ["id", "name", "entry", "language"] {
            assert!(hook[required].as_str().is_some(), "{required} in {hook:?}");
        }
        assert_eq!(hook["language"].as_str(), Some("rust"));
        // The hooks take the files a directory walk takes, and no others.
        let extensions: Vec<&str> = termcheck::input::DEFAULT_INCLUDE
            .iter()
            .map(|glob| glob.strip_prefix("*.").unwrap())
            .collect();
        let walked = format!("\\.({})$", extensions.join("|"));
        assert_eq!(hook["files"].as_str(), Some(walked.as_str()));
        assert!(hook["entry"].as_str().unwrap().starts_with("termcheck "));
    }
}

#[test]
fn each_pre_commit_hook_runs_as_pre_commit_runs_it() {
    for hook in hooks() {
        let id = hook["id"].as_str().unwrap();
        let entry = hook["entry"].as_str().unwrap();
        let dir = project();
        // pre-commit appends the staged file names to the entry.
        let (code, out, err) = sh(dir.path(), &format!("{entry} docs/a.md"));
        assert_eq!(code, 0, "{id} on a clean file: {out}{err}");
        std::fs::write(dir.path().join("docs/b.md"), "Ask CAMCE.\n").unwrap();
        let (code, out, err) = sh(dir.path(), &format!("{entry} docs/a.md docs/b.md"));
        let fixed = std::fs::read_to_string(dir.path().join("docs/b.md")).unwrap();
        match id {
            "termcheck" => {
                assert_eq!(code, 1, "{out}{err}");
                assert!(
                    out.contains("docs/b.md:1:5: error[forbidden-term]"),
                    "{out}"
                );
                assert_eq!(fixed, "Ask CAMCE.\n");
            }
            "termcheck-fix" => {
                assert_eq!(code, 0, "fixed, nothing left: {out}{err}");
                assert_eq!(fixed, "Ask Workercn.\n");
            }
            other => panic!("untested hook {other}"),
        }
    }
}
