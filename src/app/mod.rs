//! The binary's commands that are more than a few lines: planning a run and fixing files.
//! They print and pick exit codes; the checks themselves live in the library.

pub(crate) mod fix;
pub(crate) mod interrupt;
pub(crate) mod plan;
