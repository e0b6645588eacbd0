//! Evaluates conditions against a field source, and explains a miss by the first test that decided it.

use std::cmp::Ordering;

use super::ast::{Expr, Op, Operand, Test};
use super::field::FieldSource;
use super::value::{FieldValue, Value};

/// Whether a tree holds for the source.
pub(crate) fn eval<S: FieldSource + ?Sized>(expr: &Expr, source: &S) -> bool {
    match expr {
        Expr::All(members) => members.iter().all(|m| eval(m, source)),
        Expr::Any(members) => members.iter().any(|m| eval(m, source)),
        Expr::Not(inner) => !eval(inner, source),
        Expr::Test(test) => holds(test, source.value(&test.field)),
    }
}

/// Whether a test holds for what the source has; an absent field, or one of another type, fails every
/// comparison (including `!=` and `not in`) and `exists`.
fn holds(test: &Test, seen: Option<FieldValue<'_>>) -> bool {
    let Some(seen) = seen else { return false };
    let compare = |literal: &Value| seen.compare(literal);
    match (&test.op, &test.operand) {
        (Op::Exists, _) => true,
        (Op::Eq, Operand::One(v)) => compare(v) == Some(Ordering::Equal),
        (Op::Ne, Operand::One(v)) => matches!(compare(v), Some(Ordering::Less | Ordering::Greater)),
        (Op::Lt, Operand::One(v)) => compare(v) == Some(Ordering::Less),
        (Op::Le, Operand::One(v)) => matches!(compare(v), Some(Ordering::Less | Ordering::Equal)),
        (Op::Gt, Operand::One(v)) => compare(v) == Some(Ordering::Greater),
        (Op::Ge, Operand::One(v)) => {
            matches!(compare(v), Some(Ordering::Greater | Ordering::Equal))
        }
        (Op::In, Operand::List(values)) => {
            values.iter().any(|v| compare(v) == Some(Ordering::Equal))
        }
        (Op::NotIn, Operand::List(values)) => values
            .iter()
            .all(|v| matches!(compare(v), Some(Ordering::Less | Ordering::Greater))),
        (Op::StartsWith, Operand::One(Value::Text(prefix))) => {
            matches!(seen, FieldValue::Text(text) if text.starts_with(prefix.as_str()))
        }
        (Op::Contains, Operand::One(Value::Text(part))) => {
            matches!(seen, FieldValue::Text(text) if text.contains(part.as_str()))
        }
        _ => false,
    }
}

/// The outcome of a condition, with the test that decided a miss.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub matched: bool,
    /// For a miss: the first test that made it fail.
    pub failed: Option<FailedCheck>,
}

/// The test that decided a miss and what the source had for its field.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedCheck {
    /// The test in text form, prefixed with `not ` when it failed by matching under a `not`.
    pub text: String,
    /// The field's path.
    pub field: String,
    /// What the source had; `None` when the field was absent.
    pub seen: Option<Value>,
}

/// Explains the outcome of a tree: on a miss, the test that decided it.
pub(crate) fn explain<S: FieldSource + ?Sized>(expr: &Expr, source: &S) -> Verdict {
    match holds_or_miss(expr, false, source) {
        Ok(()) => Verdict {
            matched: true,
            failed: None,
        },
        Err(deciding) => Verdict {
            matched: false,
            failed: deciding.map(|(test, negated)| FailedCheck {
                text: if negated {
                    format!("not {test}")
                } else {
                    test.to_string()
                },
                field: test.path.clone(),
                seen: source.value(&test.field).map(FieldValue::to_value),
            }),
        },
    }
}

/// The test that decided a miss, where it sits among the condition's tests, and whether it fails by
/// matching under an odd number of `not`s.
#[derive(Debug, Clone, Copy)]
pub struct DecidingTest<'a> {
    pub test: &'a Test,
    /// Position among the condition's tests, depth first, left to right (the order of `Condition::tests`).
    pub index: usize,
    pub negated: bool,
}

/// `None` when the tree holds or no single test decided the miss; else the test that decided it.
pub(crate) fn deciding_miss<'a, S: FieldSource + ?Sized>(
    expr: &'a Expr,
    source: &S,
) -> Option<DecidingTest<'a>> {
    let (test, negated) = holds_or_miss(expr, false, source).err()??;
    let mut index = 0;
    position_of(expr, test, &mut index).then_some(DecidingTest {
        test,
        index,
        negated,
    })
}

/// Whether `target` is in `expr`; counts into `index` the tests before it, depth first, left to right.
fn position_of(expr: &Expr, target: &Test, index: &mut usize) -> bool {
    match expr {
        Expr::Test(test) => {
            if std::ptr::eq(test, target) {
                return true;
            }
            *index += 1;
            false
        }
        Expr::Not(inner) => position_of(inner, target, index),
        Expr::All(members) | Expr::Any(members) => members
            .iter()
            .any(|member| position_of(member, target, index)),
    }
}

/// A test that decided an outcome, and whether it sits under an odd number of `not`s.
type Deciding<'a> = Option<(&'a Test, bool)>;

/// Evaluates `expr` in one pass: `Ok` when it holds, else the test that made it false. That test is, for
/// `all`, in the first false member; for `any`, in the first member; for `not`, the test that made the
/// inner true.
fn holds_or_miss<'a, S: FieldSource + ?Sized>(
    expr: &'a Expr,
    negated: bool,
    source: &S,
) -> Result<(), Deciding<'a>> {
    match expr {
        Expr::Test(test) if holds(test, source.value(&test.field)) => Ok(()),
        Expr::Test(test) => Err(Some((test, negated))),
        Expr::Not(inner) => match holds_with_reason(inner, !negated, source) {
            Ok(deciding) => Err(deciding),
            Err(()) => Ok(()),
        },
        Expr::All(members) => members
            .iter()
            .try_for_each(|member| holds_or_miss(member, negated, source)),
        Expr::Any(members) => {
            let Some((first, rest)) = members.split_first() else {
                return Err(None);
            };
            let deciding = holds_or_miss(first, negated, source).err();
            match deciding {
                Some(deciding) if !rest.iter().any(|member| eval(member, source)) => Err(deciding),
                _ => Ok(()),
            }
        }
    }
}

/// Evaluates `expr` in one pass: `Err` when it is false, else the test that made it true. That test is, for
/// `any`, in the first true member; for `all`, in the first member; for `not`, the test that made the inner
/// false.
fn holds_with_reason<'a, S: FieldSource + ?Sized>(
    expr: &'a Expr,
    negated: bool,
    source: &S,
) -> Result<Deciding<'a>, ()> {
    match expr {
        Expr::Test(test) if holds(test, source.value(&test.field)) => Ok(Some((test, negated))),
        Expr::Test(_) => Err(()),
        Expr::Not(inner) => match holds_or_miss(inner, !negated, source) {
            Ok(()) => Err(()),
            Err(deciding) => Ok(deciding),
        },
        Expr::All(members) => {
            let Some((first, rest)) = members.split_first() else {
                return Ok(None);
            };
            let deciding = holds_with_reason(first, negated, source)?;
            if rest.iter().all(|member| eval(member, source)) {
                Ok(deciding)
            } else {
                Err(())
            }
        }
        Expr::Any(members) => members
            .iter()
            .find_map(|member| holds_with_reason(member, negated, source).ok())
            .ok_or(()),
    }
}
