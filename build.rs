//! Embeds every `glossaries/*.csv` into the binary as the default glossary.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=glossaries");
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("glossaries");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("glossaries/ exists")
        .map(|e| e.expect("readable glossaries/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    let mut code = String::from("/// Bundled glossaries: (file name, CSV text).\npub(crate) static BUNDLED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_str().expect("UTF-8 file name");
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_glossaries.rs");
    std::fs::write(out, code).expect("write bundled_glossaries.rs");
}
