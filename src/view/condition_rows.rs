//! The condition builder's model: a flat list of test rows joined by `all` or `any`, turned into a condition and back.
//!
//! A row keeps its value as the text the user typed, so half-finished rows survive until they are valid.
//! Rows become a condition by writing each test in the text form and parsing it with the catalog, so the
//! builder reports exactly the errors (and hints) the text form would.

use std::fmt;

use crate::engine::condition::{
    Condition, Expr, FieldCatalog, FieldType, Form, Op, Operand, Test, Value,
};
use crate::engine::ticket::{Channel, Level, Priority};

/// The path prefix of custom ticket attributes; the builder offers it with a free name.
pub const ATTRIBUTE_PREFIX: &str = "attributes.";

/// How the rows combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// Every row must hold (`and`).
    All,
    /// Some row must hold (`or`).
    Any,
}

/// One test in the builder: `[not] path op value`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionRow {
    pub path: String,
    /// The test is wrapped in `not`.
    pub negated: bool,
    pub op: Op,
    /// The value as typed: plain text (no quotes), a number, an enum word, or a comma-separated list for `in`.
    pub value: String,
}

/// A condition the builder can show: flat rows and how they join.
#[derive(Debug, Clone, PartialEq)]
pub struct BuilderForm {
    pub joiner: Joiner,
    pub rows: Vec<ConditionRow>,
}

/// What is wrong with one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Index of the row, from 0.
    pub row: usize,
    pub message: String,
    pub help: Option<String>,
}

/// Why rows do not make a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// The language has no "always" literal, so a condition needs at least one test.
    NoRows,
    /// Rows that are incomplete or do not type-check, in row order.
    InvalidRows(Vec<RowProblem>),
}

/// How a row's value is entered, given its field type and operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueInput {
    /// `exists` takes no value.
    Nothing,
    /// One of a fixed set of words (enum fields, true/false).
    Choice(Vec<&'static str>),
    Number,
    Text,
    /// Comma-separated values for `in` / `not in`; the choices are listed when the field has them.
    List(Vec<&'static str>),
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "condition {}: {}", self.row + 1, self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for RowProblem {}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::NoRows => f.write_str("add at least one condition"),
            BuildError::InvalidRows(problems) => {
                for (index, problem) in problems.iter().enumerate() {
                    if index > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BuildError {}

/// The field paths the builder offers, in order: ticket fields, signals, then the catalog's context fields.
/// Custom attributes are offered separately through `ATTRIBUTE_PREFIX`.
pub fn field_paths(catalog: &FieldCatalog) -> Vec<String> {
    catalog.known_paths()
}

/// Whether `path` names a custom attribute (`attributes.<name>`, the name possibly still empty).
pub fn is_attribute(path: &str) -> bool {
    path.starts_with(ATTRIBUTE_PREFIX)
}

/// The operators that apply to a field of this type; every operator when the type is unknown.
pub fn operators_for(field_type: Option<FieldType>) -> Vec<Op> {
    Op::ALL
        .into_iter()
        .filter(|op| field_type.is_none_or(|field_type| field_type.accepts(*op)))
        .collect()
}

/// The words a field of this type takes, when they form a fixed set.
pub fn value_choices(field_type: Option<FieldType>) -> Vec<&'static str> {
    match field_type {
        Some(FieldType::Bool) => vec!["true", "false"],
        Some(FieldType::Priority) => Priority::ALL.map(Priority::as_str).to_vec(),
        Some(FieldType::Level) => Level::ALL.map(Level::as_str).to_vec(),
        Some(FieldType::Channel) => Channel::ALL.map(Channel::as_str).to_vec(),
        _ => Vec::new(),
    }
}

/// How the value of a test with this field type and operator is entered.
pub fn value_input(field_type: Option<FieldType>, op: Op) -> ValueInput {
    let choices = value_choices(field_type);
    match op {
        Op::Exists => ValueInput::Nothing,
        Op::In | Op::NotIn => ValueInput::List(choices),
        _ if !choices.is_empty() => ValueInput::Choice(choices),
        _ if field_type == Some(FieldType::Number) => ValueInput::Number,
        _ => ValueInput::Text,
    }
}

impl ConditionRow {
    /// A fresh row: `category == ` with no value yet.
    pub fn blank() -> ConditionRow {
        ConditionRow {
            path: "category".to_owned(),
            negated: false,
            op: Op::Eq,
            value: String::new(),
        }
    }

    /// The row with another field: the operator is kept when it still applies, and the value when the type is unchanged.
    pub fn with_path(&self, path: &str, catalog: &FieldCatalog) -> ConditionRow {
        let old_type = catalog.field_type(&self.path);
        let new_type = catalog.field_type(path);
        let op = if operators_for(new_type).contains(&self.op) {
            self.op
        } else {
            Op::Eq
        };
        let value = if old_type == new_type {
            self.value.clone()
        } else {
            default_value(new_type, op)
        };
        ConditionRow {
            path: path.to_owned(),
            negated: self.negated,
            op,
            value,
        }
    }

    /// The row with another operator; a list keeps only its first item when the operator takes one value.
    pub fn with_op(&self, op: Op, catalog: &FieldCatalog) -> ConditionRow {
        let takes_list = |op: Op| matches!(op, Op::In | Op::NotIn);
        let value = if takes_list(self.op) && !takes_list(op) {
            self.value.split(',').next().unwrap_or("").trim().to_owned()
        } else if self.op == Op::Exists {
            default_value(catalog.field_type(&self.path), op)
        } else {
            self.value.clone()
        };
        ConditionRow {
            op,
            value,
            ..self.clone()
        }
    }

    /// The test this row describes, typed against `catalog`; a `not` around it when negated.
    pub fn to_expr(&self, row: usize, catalog: &FieldCatalog) -> Result<Expr, RowProblem> {
        let problem = |message: String, help: Option<String>| RowProblem { row, message, help };
        check_path(&self.path).map_err(|(message, help)| problem(message, help))?;
        let field_type = catalog.field_type(&self.path);
        let operand = operand(field_type, self.op, &self.value)
            .map_err(|(message, help)| problem(message, help))?;
        let text = Test::new(&self.path, self.op, operand).to_string();
        let parsed = Condition::parse_checked(&text, catalog)
            .map_err(|error| problem(error.message, error.help))?;
        let test = parsed.expr().clone();
        Ok(if self.negated {
            Expr::Not(Box::new(test))
        } else {
            test
        })
    }
}

impl BuilderForm {
    /// A form with one blank row, to start a new condition.
    pub fn starter() -> BuilderForm {
        BuilderForm {
            joiner: Joiner::All,
            rows: vec![ConditionRow::blank()],
        }
    }

    /// The rows of a condition that is one test or a flat `all` / `any` of tests (each possibly under `not`).
    /// `None` for anything deeper, or anything the rows could not give back exactly.
    pub fn from_condition(condition: &Condition, catalog: &FieldCatalog) -> Option<BuilderForm> {
        let (joiner, members) = match condition.expr() {
            Expr::All(members) => (Joiner::All, members.as_slice()),
            Expr::Any(members) => (Joiner::Any, members.as_slice()),
            single => (Joiner::All, std::slice::from_ref(single)),
        };
        let rows = members
            .iter()
            .map(|member| row_of(member, catalog))
            .collect::<Option<Vec<_>>>()?;
        let form = BuilderForm { joiner, rows };
        (form.to_condition(catalog).ok().as_ref() == Some(condition)).then_some(form)
    }

    /// The condition the rows describe; a single row stands alone, several join by `all` or `any`.
    pub fn to_condition(&self, catalog: &FieldCatalog) -> Result<Condition, BuildError> {
        let mut members = Vec::with_capacity(self.rows.len());
        let mut problems = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
            match row.to_expr(index, catalog) {
                Ok(expr) => members.push(expr),
                Err(problem) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            return Err(BuildError::InvalidRows(problems));
        }
        let expr = match (members.len(), self.joiner) {
            (0, _) => return Err(BuildError::NoRows),
            (1, _) => members.remove(0),
            (_, Joiner::All) => Expr::All(members),
            (_, Joiner::Any) => Expr::Any(members),
        };
        Ok(Condition::new(expr, Form::Text))
    }
}

/// A row for a test or a negated test; `None` for groups.
fn row_of(expr: &Expr, catalog: &FieldCatalog) -> Option<ConditionRow> {
    let (test, negated) = match expr {
        Expr::Test(test) => (test, false),
        Expr::Not(inner) => match inner.as_ref() {
            Expr::Test(test) => (test, true),
            _ => return None,
        },
        Expr::All(_) | Expr::Any(_) => return None,
    };
    let field_type = catalog.field_type(&test.path);
    let value = match &test.operand {
        Operand::None => String::new(),
        Operand::One(value) => value_text(field_type, value),
        Operand::List(values) => values
            .iter()
            .map(|value| value_text(field_type, value))
            .collect::<Vec<_>>()
            .join(", "),
    };
    Some(ConditionRow {
        path: test.path.clone(),
        negated,
        op: test.op,
        value,
    })
}

/// A value as the builder shows it: text unquoted (except attribute text that would read as a number or true/false).
fn value_text(field_type: Option<FieldType>, value: &Value) -> String {
    match (field_type, value) {
        (Some(FieldType::Dynamic) | None, Value::Text(text)) => {
            if untyped_value(text) == *value {
                text.clone()
            } else {
                format!("\"{text}\"")
            }
        }
        (_, Value::Text(text)) => text.clone(),
        (_, other) => other.to_string(),
    }
}

/// The value a new row (or a row whose field type changed) starts with.
fn default_value(field_type: Option<FieldType>, op: Op) -> String {
    match value_input(field_type, op) {
        ValueInput::Choice(choices) => choices.first().copied().unwrap_or("").to_owned(),
        _ => String::new(),
    }
}

/// Field paths from the builder are fixed choices, except attribute names, which are typed.
fn check_path(path: &str) -> Result<(), (String, Option<String>)> {
    let Some(name) = path.strip_prefix(ATTRIBUTE_PREFIX) else {
        return Ok(());
    };
    if name.is_empty() {
        return Err((
            "name the attribute".to_owned(),
            Some("e.g. plan or seats".to_owned()),
        ));
    }
    let valid_part = |part: &str| {
        let mut chars = part.chars();
        chars
            .next()
            .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if name.split('.').all(valid_part) {
        Ok(())
    } else {
        Err((
            format!("\"{name}\" is not an attribute name"),
            Some("use letters, digits and _, starting with a letter".to_owned()),
        ))
    }
}

/// The operand a row's typed value stands for.
fn operand(
    field_type: Option<FieldType>,
    op: Op,
    typed: &str,
) -> Result<Operand, (String, Option<String>)> {
    match op {
        Op::Exists => Ok(Operand::None),
        Op::In | Op::NotIn => {
            let values = typed
                .split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| single_value(field_type, item))
                .collect::<Result<Vec<_>, _>>()?;
            if values.is_empty() {
                Err((
                    "list at least one value".to_owned(),
                    Some("separate values with commas".to_owned()),
                ))
            } else {
                Ok(Operand::List(values))
            }
        }
        _ => single_value(field_type, typed).map(Operand::One),
    }
}

/// One typed value; enum words and durations go through as text for the parser to check and convert.
fn single_value(
    field_type: Option<FieldType>,
    typed: &str,
) -> Result<Value, (String, Option<String>)> {
    if typed.trim().is_empty() {
        return Err(("enter a value".to_owned(), None));
    }
    match field_type {
        Some(FieldType::Text) => Ok(Value::Text(typed.to_owned())),
        Some(FieldType::Number) => match typed.trim().parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Value::Number(number)),
            _ => Err((
                format!("\"{typed}\" is not a number"),
                Some("write a number such as 500 or 12.5".to_owned()),
            )),
        },
        Some(FieldType::Bool) => match typed.trim() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            other => Err((
                format!("\"{other}\" is not true or false"),
                Some("use true or false".to_owned()),
            )),
        },
        Some(FieldType::Priority | FieldType::Level | FieldType::Channel | FieldType::Duration) => {
            Ok(Value::Text(typed.trim().to_owned()))
        }
        Some(FieldType::Dynamic) | None => Ok(untyped_value(typed)),
    }
}

/// An attribute value: true/false, a number, or text (quotes force text: `"100"`).
fn untyped_value(typed: &str) -> Value {
    let trimmed = typed.trim();
    if let Some(inner) = trimmed
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        return Value::Text(inner.to_owned());
    }
    match trimmed {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => match trimmed.parse::<f64>() {
            Ok(number) if number.is_finite() => Value::Number(number),
            _ => Value::Text(trimmed.to_owned()),
        },
    }
}
