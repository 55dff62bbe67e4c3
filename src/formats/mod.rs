//! Bilingual input formats: readers that turn a file into [`crate::segment::Segment`]s.

pub mod tmx;
pub mod xliff;
pub mod xml;
