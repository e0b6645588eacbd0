//! The seam between the policy and the condition, duration and calendar modules: the few calls the policy needs.

pub use crate::engine::calendar::{Calendar, CalendarError, CalendarSpec, NamedZone};
pub use crate::engine::condition::Condition;
pub use crate::engine::duration::Duration;
pub use crate::engine::sla::{Pauses, WaitState};

use std::fmt::Write;

use crate::engine::condition::{
    Expr, Field, FieldCatalog, FieldSource, FieldValue, Form, Op, Operand, Test, TicketInContext,
    Value,
};
use crate::engine::shared_text::SharedText;
use crate::engine::ticket::Priority;

/// A condition checked against the ticket's fields, with its canonical text, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CheckedCondition {
    condition: Condition,
    text: SharedText,
    /// Per test, in the order of `Condition::tests`: its text, and its text with `not ` before it.
    test_texts: Vec<[SharedText; 2]>,
}

/// Why a condition failed: the first test that decided it, and the value the ticket had there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub condition: SharedText,
    pub saw: SharedText,
}

/// The texts of the values a ticket holds, each formatted once however many failures show it.
#[derive(Debug, Default)]
pub struct SeenTexts<'p> {
    texts: Vec<(&'p Field, SharedText)>,
    /// Where values are formatted before they are shared.
    buffer: String,
}

impl<'p> SeenTexts<'p> {
    fn text(&mut self, ticket: &TicketInContext, field: &'p Field) -> SharedText {
        if let Some((_, text)) = self.texts.iter().find(|(known, _)| *known == field) {
            return text.clone();
        }
        let text = ticket
            .value(field)
            .map_or(NO_VALUE, |value| seen_text(value, &mut self.buffer));
        self.texts.push((field, text.clone()));
        text
    }
}

const NO_VALUE: SharedText = SharedText::from_static("no value");

/// A value as the trace shows it; enum values and booleans without allocating, others formatted in `buffer`.
fn seen_text(value: FieldValue<'_>, buffer: &mut String) -> SharedText {
    match value {
        FieldValue::Bool(true) => SharedText::from_static("true"),
        FieldValue::Bool(false) => SharedText::from_static("false"),
        FieldValue::Priority(priority) => SharedText::from_static(priority.as_str()),
        FieldValue::Level(level) => SharedText::from_static(level.as_str()),
        FieldValue::Channel(channel) => SharedText::from_static(channel.as_str()),
        other => {
            buffer.clear();
            match write!(buffer, "{other}") {
                Ok(()) => SharedText::from(buffer.as_str()),
                Err(_) => SharedText::from(other.to_string()),
            }
        }
    }
}

/// Type-checks a condition against the ticket's fields; the error message carries the line and column.
pub fn check_condition(condition: &Condition) -> Result<CheckedCondition, String> {
    condition
        .check(&FieldCatalog::ticket())
        .map_err(|error| error.to_string())?;
    Ok(CheckedCondition::new(condition.clone()))
}

impl CheckedCondition {
    /// A checked condition with its texts prepared.
    fn new(condition: Condition) -> CheckedCondition {
        CheckedCondition {
            text: SharedText::from(condition.to_text()),
            test_texts: condition
                .tests()
                .map(|test| {
                    let text = test.to_string();
                    [
                        SharedText::from(format!("not {text}")),
                        SharedText::from(text),
                    ]
                })
                .collect(),
            condition,
        }
    }

    /// Canonical text form.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Canonical text form, shared.
    pub fn shared_text(&self) -> &SharedText {
        &self.text
    }

    pub fn matches(&self, ticket: &TicketInContext) -> bool {
        self.condition.eval(ticket)
    }

    /// `None` when the condition holds; `seen` keeps the texts of values already shown for this ticket.
    pub fn explain<'p>(
        &'p self,
        ticket: &TicketInContext,
        seen: &mut SeenTexts<'p>,
    ) -> Option<Failure> {
        match self.condition.deciding_miss(ticket) {
            Some(miss) => Some(Failure {
                condition: self.test_texts.get(miss.index).map_or_else(
                    || SharedText::from(miss.test.to_string()),
                    |texts| texts[usize::from(!miss.negated)].clone(),
                ),
                saw: seen.text(ticket, &miss.test.field),
            }),
            None if self.condition.eval(ticket) => None,
            None => Some(Failure {
                condition: self.text.clone(),
                saw: NO_VALUE,
            }),
        }
    }

    /// Whether the condition holds for every ticket: an `exists` test on a field every ticket has.
    pub fn is_always_true(&self) -> bool {
        conjuncts(self.condition.expr())
            .iter()
            .all(|expr| always_true(expr))
    }

    /// Every category a test of the condition compares with (`category == "x"`, `category in [...]`).
    pub fn category_values(&self) -> Vec<&str> {
        self.condition
            .tests()
            .filter(|test| test.field == Field::Category)
            .flat_map(|test| texts(&test.operand))
            .collect()
    }

    /// The categories a matching ticket must have, when a top-level `and` member pins them down.
    pub fn required_categories(&self) -> Option<Vec<&str>> {
        conjuncts(self.condition.expr())
            .into_iter()
            .find_map(|expr| match expr {
                Expr::Test(test)
                    if test.field == Field::Category && matches!(test.op, Op::Eq | Op::In) =>
                {
                    Some(texts(&test.operand))
                }
                _ => None,
            })
    }

    /// Whether every ticket `later` matches is also matched by `self`: each of `self`'s conjuncts is implied
    /// by one of `later`'s (equal tests, `in` lists that contain the other's values, `any` groups).
    pub fn covers(&self, later: &CheckedCondition) -> bool {
        let later = conjuncts(later.condition.expr());
        conjuncts(self.condition.expr())
            .iter()
            .all(|needed| always_true(needed) || later.iter().any(|had| implies(had, needed)))
    }
}

/// Keys that narrow down which earlier conditions can cover a later one (`cover_index`): `covers` holds only
/// when each conjunct of the earlier condition that is not always true is implied by a conjunct of the later
/// one, and a conjunct implies another only through an equal expression or a test of the same field with a
/// value the other lists.
impl CheckedCondition {
    /// Per conjunct that is not always true, the keys a later condition must offer one of for that conjunct
    /// to be implied; `None` when every conjunct is always true (the condition matches every ticket).
    pub(crate) fn needed_keys(&self) -> Option<Vec<Vec<String>>> {
        let sets: Vec<Vec<String>> = conjuncts(self.condition.expr())
            .into_iter()
            .filter(|expr| !always_true(expr))
            .map(|needed| {
                let mut keys = Vec::new();
                needed_keys_of(needed, &mut keys);
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .collect();
        (!sets.is_empty()).then_some(sets)
    }

    /// The keys each conjunct of this condition offers: its exact text, and for equality and `in` tests
    /// the field with the (first) value.
    pub(crate) fn offered_keys(&self) -> Vec<String> {
        conjuncts(self.condition.expr())
            .into_iter()
            .flat_map(|expr| {
                let value = match expr {
                    Expr::Test(test) => match (test.op, &test.operand) {
                        (Op::Eq, Operand::One(value)) => Some(value_key(&test.path, Some(value))),
                        (Op::In, Operand::List(values)) => {
                            Some(value_key(&test.path, values.first()))
                        }
                        _ => None,
                    },
                    _ => None,
                };
                std::iter::once(exact_key(expr)).chain(value)
            })
            .collect()
    }
}

fn needed_keys_of(needed: &Expr, keys: &mut Vec<String>) {
    keys.push(exact_key(needed));
    match needed {
        Expr::Any(members) => {
            for member in members {
                needed_keys_of(member, keys);
            }
        }
        Expr::Test(test) => {
            if let (Op::In, Operand::List(values)) = (test.op, &test.operand) {
                keys.push(value_key(&test.path, None));
                keys.extend(
                    values
                        .iter()
                        .map(|value| value_key(&test.path, Some(value))),
                );
            }
        }
        Expr::All(_) | Expr::Not(_) => {}
    }
}

fn exact_key(expr: &Expr) -> String {
    format!("={expr}")
}

/// `field` with `value` (`None`: an empty `in` list); numbers are normalised so `0` and `-0` meet.
fn value_key(path: &str, value: Option<&Value>) -> String {
    match value {
        Some(Value::Number(number)) if *number == 0.0 => format!("{path}\u{0}0"),
        Some(value) => format!("{path}\u{0}{value:?}"),
        None => format!("{path}\u{0}"),
    }
}

/// The condition an escalation-matrix row stands for (`None` = wildcard): `category == "outage" and
/// priority == critical`; `None` when both are wildcards and the row matches every ticket.
pub fn matrix_row_condition(
    category: Option<&str>,
    priority: Option<Priority>,
) -> Option<CheckedCondition> {
    let mut tests: Vec<Expr> = Vec::with_capacity(2);
    if let Some(category) = category {
        tests.push(Expr::Test(Test::new(
            "category",
            Op::Eq,
            Operand::One(Value::Text(category.to_owned())),
        )));
    }
    if let Some(priority) = priority {
        tests.push(Expr::Test(Test::new(
            "priority",
            Op::Eq,
            Operand::One(Value::Priority(priority)),
        )));
    }
    let expr = match tests.len() {
        0 => return None,
        1 => tests.remove(0),
        _ => Expr::All(tests),
    };
    Some(CheckedCondition::new(Condition::new(expr, Form::Text)))
}

fn texts(operand: &Operand) -> Vec<&str> {
    let values: &[Value] = match operand {
        Operand::One(value) => std::slice::from_ref(value),
        Operand::List(values) => values,
        Operand::None => &[],
    };
    values
        .iter()
        .filter_map(|value| match value {
            Value::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn conjuncts(expr: &Expr) -> Vec<&Expr> {
    match expr {
        Expr::All(members) => members.iter().flat_map(conjuncts).collect(),
        other => vec![other],
    }
}

fn always_true(expr: &Expr) -> bool {
    match expr {
        Expr::Test(test) => {
            test.op == Op::Exists
                && matches!(
                    test.field,
                    Field::Category
                        | Field::Priority
                        | Field::Channel
                        | Field::Segment
                        | Field::Signal(_)
                )
        }
        Expr::Any(members) => members.iter().any(always_true),
        Expr::All(members) => members.iter().all(always_true),
        Expr::Not(_) => false,
    }
}

/// Whether `had` holding guarantees `needed` holds.
fn implies(had: &Expr, needed: &Expr) -> bool {
    if had == needed {
        return true;
    }
    match (had, needed) {
        (_, Expr::Any(members)) => members.iter().any(|member| implies(had, member)),
        (Expr::Test(had), Expr::Test(needed)) => test_implies(had, needed),
        _ => false,
    }
}

fn test_implies(had: &Test, needed: &Test) -> bool {
    if had.path != needed.path {
        return false;
    }
    let allowed = match (needed.op, &needed.operand) {
        (Op::In, Operand::List(values)) => values,
        _ => return false,
    };
    match (had.op, &had.operand) {
        (Op::Eq, Operand::One(value)) => allowed.contains(value),
        (Op::In, Operand::List(values)) => values.iter().all(|value| allowed.contains(value)),
        _ => false,
    }
}

pub fn duration_seconds(duration: &Duration) -> i64 {
    duration.seconds()
}

pub fn duration_text(duration: &Duration) -> String {
    duration.to_string()
}

pub fn calendar_id(spec: &CalendarSpec) -> &str {
    &spec.id
}

pub fn compile_calendar(spec: &CalendarSpec) -> Result<Calendar, CalendarError> {
    Calendar::compile(spec)
}
