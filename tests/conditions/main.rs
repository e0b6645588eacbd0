//! Tests of the condition language: error table, round trips, evaluation and the language reference.

mod catalog;
mod doc;
mod errors;
mod evaluation;
mod nesting;
mod round_trip;
