//! Conditions for routing rules, triggers and SLA-policy choice, in a text form and a structured JSON form that round-trip.
//!
//! Text: `category in ["billing", "refund"] and amount > 500 and not signals.abusive`.
//! JSON: `{"all": [{"field": "category", "op": "in", "value": ["billing", "refund"]}, ...]}`.
//! The language is described in `docs/conditions.md`.

mod ast;
mod build;
mod error;
mod eval;
mod field;
mod json;
mod lexer;
mod parser;
mod text;
mod typing;
mod value;

use std::fmt;

/// How deep the text form may nest `not` and `(`. The structured form may nest `all`, `any` and `not` up to
/// `2 × MAX_NESTING + 1` levels, which every text condition within the limit fits in, and which keeps a policy
/// holding the structured form well inside the JSON reader's own nesting limit (128).
pub const MAX_NESTING: usize = 16;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use ast::{Expr, Op, Operand, Test, Tests};
pub use error::{ConditionError, ErrorKind, Location};
pub use eval::{DecidingTest, FailedCheck, Verdict};
pub use field::{Field, FieldCatalog, FieldSource, FieldType, Signal, TicketInContext};
pub use value::{FieldValue, Value};

/// Which form a condition was read in, so it is written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Text,
    Structured,
}

/// A parsed condition. Equality compares meaning, not the form it was written in.
#[derive(Debug, Clone)]
pub struct Condition {
    expr: Expr,
    form: Form,
}

impl PartialEq for Condition {
    fn eq(&self, other: &Condition) -> bool {
        self.expr == other.expr
    }
}

impl Condition {
    /// Parses the text form. Ticket fields are resolved and type-checked; other paths must be
    /// bound to a catalog (`bind`, `parse_checked`) before they can match.
    pub fn parse(text: &str) -> Result<Condition, ConditionError> {
        parser::parse(text).map(|expr| Condition::new(expr, Form::Text))
    }

    /// Parses the text form and binds it to `catalog`.
    pub fn parse_checked(text: &str, catalog: &FieldCatalog) -> Result<Condition, ConditionError> {
        let mut condition = Condition::parse(text)?;
        condition.bind(catalog)?;
        Ok(condition)
    }

    /// Reads the structured form; errors carry a JSON path relative to the condition.
    pub fn from_json(json: &serde_json::Value) -> Result<Condition, ConditionError> {
        json::from_json(json, "", 0).map(|expr| Condition::new(expr, Form::Structured))
    }

    pub fn new(expr: Expr, form: Form) -> Condition {
        Condition { expr, form }
    }

    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    pub fn form(&self) -> Form {
        self.form
    }

    /// The same condition, to be written in `form`.
    pub fn with_form(self, form: Form) -> Condition {
        Condition { form, ..self }
    }

    /// Canonical text form.
    pub fn to_text(&self) -> String {
        self.expr.to_string()
    }

    /// Structured form.
    pub fn to_json(&self) -> serde_json::Value {
        json::to_json(&self.expr)
    }

    /// Type-checks against `catalog` without changing the condition.
    pub fn check(&self, catalog: &FieldCatalog) -> Result<(), ConditionError> {
        let mut expr = self.expr.clone();
        build::bind(&mut expr, catalog)
    }

    /// Resolves every non-ticket path to a context field of `catalog` and type-checks it;
    /// evaluate the result with a source that supplies context values in the catalog's slot order.
    /// On error the condition is left unchanged.
    pub fn bind(&mut self, catalog: &FieldCatalog) -> Result<(), ConditionError> {
        let mut expr = self.expr.clone();
        build::bind(&mut expr, catalog)?;
        self.expr = expr;
        Ok(())
    }

    /// Whether the condition holds for `source`.
    pub fn eval<S: FieldSource + ?Sized>(&self, source: &S) -> bool {
        eval::eval(&self.expr, source)
    }

    /// Whether the condition holds, and for a miss the test that decided it with the value seen.
    pub fn explain<S: FieldSource + ?Sized>(&self, source: &S) -> Verdict {
        eval::explain(&self.expr, source)
    }

    /// For a miss, the test that decided it (as [`Condition::explain`] reports it), without formatting anything;
    /// `None` when the condition holds or no single test decided the miss.
    pub fn deciding_miss<S: FieldSource + ?Sized>(&self, source: &S) -> Option<DecidingTest<'_>> {
        eval::deciding_miss(&self.expr, source)
    }

    /// Every test, left to right (for linting: fields used, values compared).
    pub fn tests(&self) -> Tests<'_> {
        self.expr.tests()
    }

    /// The distinct field paths used, in order of first use.
    pub fn fields(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = Vec::new();
        for test in self.tests() {
            if !paths.contains(&test.path.as_str()) {
                paths.push(&test.path);
            }
        }
        paths
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.expr)
    }
}

impl std::str::FromStr for Condition {
    type Err = ConditionError;

    fn from_str(text: &str) -> Result<Condition, ConditionError> {
        Condition::parse(text)
    }
}

/// Writes the form the condition was read in: a JSON string for text, an object for structured.
impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.form {
            Form::Text => serializer.collect_str(&self.expr),
            Form::Structured => self.to_json().serialize(serializer),
        }
    }
}

/// Accepts either a string in the text form or an object in the structured form.
impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = serde_json::Value::deserialize(deserializer)?;
        let parsed = match &json {
            serde_json::Value::String(text) => Condition::parse(text),
            other => Condition::from_json(other),
        };
        parsed.map_err(serde::de::Error::custom)
    }
}
