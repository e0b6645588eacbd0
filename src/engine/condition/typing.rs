//! Type rules: which operators each field type takes, and turning literals into typed values for a field.

use super::ast::Op;
use super::error::{closest, ErrorKind};
use super::field::{parse_word, word_choices, FieldType};
use super::value::Value;

/// Which part of a test a type problem concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Op,
    Value,
}

/// A type problem, before it is given a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeProblem {
    pub(crate) kind: ErrorKind,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    pub(crate) part: Part,
}

fn problem(kind: ErrorKind, part: Part, message: String, help: Option<String>) -> TypeProblem {
    TypeProblem {
        kind,
        message,
        help,
        part,
    }
}

impl FieldType {
    /// Whether `op` applies to a field of this type (the rule `check_operator` enforces).
    pub fn accepts(self, op: Op) -> bool {
        match self {
            FieldType::Bool => matches!(op, Op::Eq | Op::Ne | Op::Exists),
            FieldType::Number | FieldType::Duration | FieldType::Priority | FieldType::Level => {
                !matches!(op, Op::StartsWith | Op::Contains)
            }
            FieldType::Text => !op.is_ordering(),
            FieldType::Channel => matches!(op, Op::Eq | Op::Ne | Op::In | Op::NotIn | Op::Exists),
            FieldType::Dynamic => true,
        }
    }
}

/// Checks that `op` applies to a field of this type.
pub(crate) fn check_operator(path: &str, field_type: FieldType, op: Op) -> Result<(), TypeProblem> {
    if field_type.accepts(op) {
        return Ok(());
    }
    let help = match field_type {
        FieldType::Bool => format!("write `{path}` or `not {path}`"),
        FieldType::Text => {
            "text fields take ==, !=, in, not in, starts_with, contains or exists".to_owned()
        }
        FieldType::Channel => "channels have no order; use ==, !=, in or not in".to_owned(),
        _ => "use ==, !=, <, <=, >, >=, in, not in or exists".to_owned(),
    };
    Err(problem(
        ErrorKind::OperatorNotAllowed,
        Part::Op,
        format!(
            "`{}` does not apply to {} field \"{path}\"",
            op.symbol(),
            field_type.name()
        ),
        Some(help),
    ))
}

/// Turns a literal into the value a field of this type compares with (a word into a priority, text into a duration…).
/// `bare` says the test was written as a bare field (`signals.abusive`), meaning `== true`.
pub(crate) fn convert_value(
    path: &str,
    field_type: FieldType,
    op: Op,
    value: Value,
    bare: bool,
) -> Result<Value, TypeProblem> {
    if bare && field_type != FieldType::Bool && field_type != FieldType::Dynamic {
        return Err(problem(
            ErrorKind::TypeMismatch,
            Part::Value,
            format!(
                "\"{path}\" is a {} field, not true/false",
                field_type.name()
            ),
            Some(format!("compare it, e.g. `{path} == ...`")),
        ));
    }
    let mismatch = |value: &Value, help: Option<String>| {
        problem(
            ErrorKind::TypeMismatch,
            Part::Value,
            format!(
                "cannot compare {} field \"{path}\" with {} {value}",
                field_type.name(),
                value.kind_name()
            ),
            help,
        )
    };
    match (field_type, value) {
        (FieldType::Bool, value @ Value::Bool(_))
        | (FieldType::Number, value @ Value::Number(_))
        | (FieldType::Text, value @ Value::Text(_))
        | (FieldType::Duration, value @ Value::Duration(_))
        | (FieldType::Priority, value @ Value::Priority(_))
        | (FieldType::Level, value @ Value::Level(_))
        | (FieldType::Channel, value @ Value::Channel(_)) => Ok(value),
        (FieldType::Duration, Value::Text(text)) => {
            text.parse().map(Value::Duration).map_err(|err| {
                problem(
                    ErrorKind::InvalidDuration,
                    Part::Value,
                    format!("invalid duration \"{text}\": {err}"),
                    Some("write a duration such as 30m, 4h or 1h30m".to_owned()),
                )
            })
        }
        (FieldType::Priority | FieldType::Level | FieldType::Channel, Value::Text(word)) => {
            parse_word(field_type, &word).ok_or_else(|| {
                let choices = word_choices(field_type);
                let suggestion = choices
                    .split([',', ' '])
                    .filter(|w| !w.is_empty() && *w != "or");
                let help = match closest(&word, suggestion) {
                    Some(near) => format!("did you mean `{near}`? ({choices})"),
                    None => format!("use {choices}"),
                };
                problem(
                    ErrorKind::UnknownValue,
                    Part::Value,
                    format!("unknown {} \"{word}\"", field_type.name()),
                    Some(help),
                )
            })
        }
        (FieldType::Dynamic, value @ (Value::Bool(_) | Value::Number(_) | Value::Text(_))) => {
            let fits = match op {
                Op::Lt | Op::Le | Op::Gt | Op::Ge => matches!(value, Value::Number(_)),
                Op::StartsWith | Op::Contains => matches!(value, Value::Text(_)),
                _ => true,
            };
            if fits {
                Ok(value)
            } else {
                let help = if op.is_ordering() {
                    "only numbers can be ordered on attributes"
                } else {
                    "starts_with and contains take text"
                };
                Err(mismatch(&value, Some(help.to_owned())))
            }
        }
        (FieldType::Dynamic, value) => Err(mismatch(
            &value,
            Some("attributes hold true/false, numbers or text".to_owned()),
        )),
        (FieldType::Text, value) => {
            let help = format!("quote it: \"{value}\"");
            Err(mismatch(&value, Some(help)))
        }
        (FieldType::Number, Value::Text(text)) if text.parse::<f64>().is_ok() => Err(mismatch(
            &Value::Text(text.clone()),
            Some(format!("write the number without quotes: {text}")),
        )),
        (FieldType::Duration, value) => Err(mismatch(
            &value,
            Some("write a duration such as 30m, 4h or 1h30m".to_owned()),
        )),
        (FieldType::Bool, value) => Err(mismatch(&value, Some("use true or false".to_owned()))),
        (FieldType::Priority | FieldType::Level | FieldType::Channel, value) => {
            let help = format!("use {}", word_choices(field_type));
            Err(mismatch(&value, Some(help)))
        }
        (FieldType::Number, value) => Err(mismatch(&value, None)),
    }
}
