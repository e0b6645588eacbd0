//! Values a condition compares: literals in the condition and what a ticket holds, with their ordering rules.

use std::cmp::Ordering;
use std::fmt;

use crate::engine::duration::Duration;
use crate::engine::ticket::{Channel, Level, Priority};

/// An owned value: a literal written in a condition, or a copy of what a ticket held (for explanations).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
    Duration(Duration),
    Priority(Priority),
    Level(Level),
    Channel(Channel),
}

/// A value as a ticket (or its context) holds it, borrowed so evaluation never allocates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldValue<'a> {
    Bool(bool),
    Number(f64),
    Text(&'a str),
    Duration(Duration),
    Priority(Priority),
    Level(Level),
    Channel(Channel),
}

impl Value {
    pub fn as_field_value(&self) -> FieldValue<'_> {
        match self {
            Value::Bool(b) => FieldValue::Bool(*b),
            Value::Number(n) => FieldValue::Number(*n),
            Value::Text(t) => FieldValue::Text(t),
            Value::Duration(d) => FieldValue::Duration(*d),
            Value::Priority(p) => FieldValue::Priority(*p),
            Value::Level(l) => FieldValue::Level(*l),
            Value::Channel(c) => FieldValue::Channel(*c),
        }
    }

    /// What kind of value this is, in words, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::Text(_) => "text",
            Value::Duration(_) => "a duration",
            Value::Priority(_) => "a priority",
            Value::Level(_) => "a level",
            Value::Channel(_) => "a channel",
        }
    }
}

impl FieldValue<'_> {
    pub fn to_value(self) -> Value {
        match self {
            FieldValue::Bool(b) => Value::Bool(b),
            FieldValue::Number(n) => Value::Number(n),
            FieldValue::Text(t) => Value::Text(t.to_owned()),
            FieldValue::Duration(d) => Value::Duration(d),
            FieldValue::Priority(p) => Value::Priority(p),
            FieldValue::Level(l) => Value::Level(l),
            FieldValue::Channel(c) => Value::Channel(c),
        }
    }

    /// How `self` (what the ticket holds) orders against a literal; `None` when the types differ.
    /// Priorities and levels order by urgency: `critical > high > medium > low`.
    pub fn compare(self, literal: &Value) -> Option<Ordering> {
        match (self, literal) {
            (FieldValue::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
            (FieldValue::Number(a), Value::Number(b)) => a.partial_cmp(b),
            (FieldValue::Text(a), Value::Text(b)) => Some(a.cmp(b.as_str())),
            (FieldValue::Duration(a), Value::Duration(b)) => Some(a.cmp(b)),
            (FieldValue::Priority(a), Value::Priority(b)) => Some(b.cmp(&a)),
            (FieldValue::Level(a), Value::Level(b)) => Some(b.cmp(&a)),
            (FieldValue::Channel(a), Value::Channel(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }
}

/// Writes a string literal in condition syntax: double quotes, with `"`, `\`, newline, tab and CR escaped.
pub fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    let mut plain_from = 0;
    for (index, c) in text.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            _ => continue,
        };
        f.write_str(&text[plain_from..index])?;
        f.write_str(escaped)?;
        plain_from = index + c.len_utf8();
    }
    f.write_str(&text[plain_from..])?;
    f.write_str("\"")
}

/// Text form of a value as written in a condition: text quoted, enum values as bare words.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_field_value(), f)
    }
}

/// The same text form as [`Value`], for a value a ticket holds.
impl fmt::Display for FieldValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FieldValue::Bool(b) => write!(f, "{b}"),
            FieldValue::Number(0.0) => f.write_str("0"),
            FieldValue::Number(n) => write!(f, "{n}"),
            FieldValue::Text(t) => write_quoted(f, t),
            FieldValue::Duration(d) => write!(f, "{d}"),
            FieldValue::Priority(p) => f.write_str(p.as_str()),
            FieldValue::Level(l) => f.write_str(l.as_str()),
            FieldValue::Channel(c) => f.write_str(c.as_str()),
        }
    }
}
