//! The JSON Lines report: one self-contained object per finding per line (the same object as a
//! finding of the JSON report, with its file), for `grep`, `jq -c` and streaming readers.
//!
//! Each line is written as soon as it is serialized; nothing is collected first.

use std::io::{self, Write};

use crate::run::RunReport;

use super::json::FileFinding;

/// Writes one line per finding, in report order; no header, no summary.
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    for (file, finding) in run.findings() {
        serde_json::to_writer(&mut *out, &FileFinding { file, finding })?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
