//! The JSON Lines report: one self-contained object per finding per line (the same object as a
//! finding of the JSON report, with its file and fingerprint), for `grep`, `jq -c` and streaming readers.
//!
//! Each line is written as soon as it is serialized; nothing is collected first.

use std::io::{self, Write};

use crate::run::RunReport;

use super::json::file_findings;

/// Writes one line per finding, in report order; no header, no summary.
pub fn write(run: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    for finding in file_findings(run) {
        serde_json::to_writer(&mut *out, &finding)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
