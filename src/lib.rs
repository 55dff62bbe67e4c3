//! termcheck: checks translations against a terminology list.
//!
//! The data flows one way: inputs are read in bounded blocks and normalized with an offset map;
//! one compiled glossary ([`matcher::TermMatcher`]) finds every rendering; rules turn matches into
//! [`finding::Finding`]s; report adapters write them. Checks never print and never exit.

#![warn(missing_docs)]

pub mod article;
pub mod baseline;
pub mod bilingual_rules;
pub mod check;
pub mod code_text;
pub mod config;
pub mod consistency;
pub mod dictionary;
pub mod error;
pub mod eval;
pub mod excerpt;
pub mod finding;
pub mod findings;
pub mod fingerprint;
pub mod fix;
pub mod formats;
pub mod fuzzy;
pub mod glossary;
pub mod inflection;
pub mod input;
pub mod location;
pub mod markdown;
pub mod matcher;
pub mod mention;
pub mod merge;
pub mod normalize;
pub mod paired;
pub mod pinyin;
pub mod prefix_tree;
pub mod report;
pub mod rules;
pub mod run;
pub mod score;
pub mod segment;
pub mod shard;
pub mod spelling;
pub mod suppress;
pub mod tokens;
pub mod zh;
