//! The condition tree shared by the text and JSON forms: groups (`all`, `any`, `not`) over field tests.

use super::error::Location;
use super::field::{resolve_ticket_path, Field, TicketPath};
use super::value::Value;

/// A condition tree. Groups built by the parsers always have at least two members.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    All(Vec<Expr>),
    Any(Vec<Expr>),
    Not(Box<Expr>),
    Test(Test),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    StartsWith,
    Contains,
    Exists,
}

impl Op {
    pub const ALL: [Op; 11] = [
        Op::Eq,
        Op::Ne,
        Op::Lt,
        Op::Le,
        Op::Gt,
        Op::Ge,
        Op::In,
        Op::NotIn,
        Op::StartsWith,
        Op::Contains,
        Op::Exists,
    ];

    /// How the operator is written, in both forms.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::In => "in",
            Op::NotIn => "not in",
            Op::StartsWith => "starts_with",
            Op::Contains => "contains",
            Op::Exists => "exists",
        }
    }

    pub fn from_symbol(symbol: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.symbol() == symbol)
    }

    /// Advice for an operator borrowed from another language (`=>`, `=`, `&&`…).
    pub fn hint_for(written: &str) -> Option<&'static str> {
        match written {
            "=>" => Some("did you mean `>=`?"),
            "=<" => Some("did you mean `<=`?"),
            "=" => Some("compare with `==`"),
            "<>" => Some("use `!=`"),
            "!" => Some("negate with `not`"),
            "&&" => Some("write `and`"),
            "||" => Some("write `or`"),
            _ => None,
        }
    }

    pub fn is_ordering(self) -> bool {
        matches!(self, Op::Lt | Op::Le | Op::Gt | Op::Ge)
    }
}

/// What an operator compares the field with.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// For `exists`.
    None,
    One(Value),
    /// For `in` and `not in`; never empty.
    List(Vec<Value>),
}

/// Where a test was written, so type errors found later can point at it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Origin {
    pub(crate) field: Location,
    pub(crate) op: Location,
    pub(crate) value: Location,
}

/// One leaf: a field, an operator and an operand.
#[derive(Debug, Clone)]
pub struct Test {
    pub path: String,
    pub field: Field,
    pub op: Op,
    pub operand: Operand,
    pub(crate) origin: Option<Box<Origin>>,
}

/// Tests are equal when they say the same thing; where they were written does not count.
impl PartialEq for Test {
    fn eq(&self, other: &Test) -> bool {
        self.path == other.path
            && self.field == other.field
            && self.op == other.op
            && self.operand == other.operand
    }
}

impl Test {
    /// A test on `path`, resolving ticket paths; other paths stay unbound until checked against a catalog.
    /// The operand is taken as given: run `Condition::bind` to type-check it.
    pub fn new(path: &str, op: Op, operand: Operand) -> Test {
        let field = match resolve_ticket_path(path) {
            TicketPath::Found(field, _) => field,
            _ => Field::Unbound,
        };
        Test {
            path: path.to_owned(),
            field,
            op,
            operand,
            origin: None,
        }
    }
}

impl Expr {
    /// Every test in the tree, left to right.
    pub fn tests(&self) -> Tests<'_> {
        Tests { stack: vec![self] }
    }
}

/// Iterator over the tests of a condition, depth first, left to right.
pub struct Tests<'a> {
    stack: Vec<&'a Expr>,
}

impl<'a> Iterator for Tests<'a> {
    type Item = &'a Test;

    fn next(&mut self) -> Option<&'a Test> {
        while let Some(expr) = self.stack.pop() {
            match expr {
                Expr::Test(test) => return Some(test),
                Expr::Not(inner) => self.stack.push(inner),
                Expr::All(members) | Expr::Any(members) => self.stack.extend(members.iter().rev()),
            }
        }
        None
    }
}
