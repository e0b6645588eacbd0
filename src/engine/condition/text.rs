//! Writes a condition tree in canonical text form, with only the parentheses the structure needs.

use std::fmt;

use super::ast::{Expr, Op, Operand, Test};
use super::value::Value;

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::All(members) => write_members(f, members, " and ", |m| {
                matches!(m, Expr::All(_) | Expr::Any(_))
            }),
            Expr::Any(members) => write_members(f, members, " or ", |m| matches!(m, Expr::Any(_))),
            Expr::Not(inner) => {
                f.write_str("not ")?;
                write_member(f, inner, matches!(**inner, Expr::All(_) | Expr::Any(_)))
            }
            Expr::Test(test) => write!(f, "{test}"),
        }
    }
}

fn write_members(
    f: &mut fmt::Formatter<'_>,
    members: &[Expr],
    separator: &str,
    needs_parentheses: fn(&Expr) -> bool,
) -> fmt::Result {
    for (index, member) in members.iter().enumerate() {
        if index > 0 {
            f.write_str(separator)?;
        }
        write_member(f, member, needs_parentheses(member))?;
    }
    Ok(())
}

fn write_member(f: &mut fmt::Formatter<'_>, member: &Expr, parenthesised: bool) -> fmt::Result {
    if parenthesised {
        write!(f, "({member})")
    } else {
        write!(f, "{member}")
    }
}

impl fmt::Display for Test {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        match (&self.op, &self.operand) {
            (Op::Eq, Operand::One(Value::Bool(true))) => Ok(()),
            (Op::Exists, _) => f.write_str(" exists"),
            (op, Operand::One(value)) => write!(f, " {} {value}", op.symbol()),
            (op, Operand::List(values)) => {
                write!(f, " {} [", op.symbol())?;
                for (index, value) in values.iter().enumerate() {
                    if index > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{value}")?;
                }
                f.write_str("]")
            }
            (op, Operand::None) => write!(f, " {}", op.symbol()),
        }
    }
}
