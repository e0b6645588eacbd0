//! Recursive-descent parser for the text form: `or` over `and` over `not` over tests, with parentheses.

use std::ops::Range;

use super::ast::{Expr, Op};
use super::build::{build_test, RawOperand, Written};
use super::error::{text_location, ConditionError, ErrorKind, Location, ReadsText};
use super::lexer::{tokenize, Spanned, Token};
use super::value::Value;
use super::MAX_NESTING;

/// Parses the text form into a tree; ticket fields are typed, other paths are left for `bind`.
pub(crate) fn parse(source: &str) -> Result<Expr, ConditionError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        source,
        tokens,
        position: 0,
        depth: 0,
    };
    if parser.peek() == &Token::End {
        return Err(parser.error(
            ErrorKind::Empty,
            "empty condition".to_owned(),
            Some("write a condition such as `category == \"billing\"`"),
            0..source.len(),
        ));
    }
    let expr = parser.or_expr()?;
    let next = parser.current();
    if next.token == Token::End {
        return Ok(expr);
    }
    let (kind, message) = if next.token == Token::RightParen {
        (ErrorKind::UnexpectedToken, "unmatched `)`".to_owned())
    } else {
        (
            ErrorKind::TrailingInput,
            format!(
                "expected `and`, `or` or the end, found {}",
                next.token.describe()
            ),
        )
    };
    Err(parser.error(
        kind,
        message,
        Some("join conditions with `and` or `or`"),
        next.span.clone(),
    ))
}

impl ReadsText for Parser<'_> {
    fn source(&self) -> &str {
        self.source
    }
}

struct Parser<'a> {
    source: &'a str,
    tokens: Vec<Spanned>,
    position: usize,
    /// `not` and `(` levels open around the current token, at most `MAX_NESTING`.
    depth: usize,
}

impl Parser<'_> {
    fn current(&self) -> &Spanned {
        let last = self.tokens.len() - 1;
        &self.tokens[self.position.min(last)]
    }

    fn peek(&self) -> &Token {
        &self.current().token
    }

    fn advance(&mut self) -> Spanned {
        let spanned = self.current().clone();
        if spanned.token != Token::End {
            self.position += 1;
        }
        spanned
    }

    fn location(&self, span: Range<usize>) -> Location {
        text_location(self.source, span)
    }

    fn unexpected(&self, expected: &str, help: Option<&str>) -> ConditionError {
        let found = self.current();
        self.error(
            ErrorKind::UnexpectedToken,
            format!("expected {expected}, found {}", found.token.describe()),
            help,
            found.span.clone(),
        )
    }

    fn or_expr(&mut self) -> Result<Expr, ConditionError> {
        let mut members = vec![self.and_expr()?];
        while self.peek() == &Token::Or {
            self.advance();
            members.push(self.and_expr()?);
        }
        Ok(group(members, Expr::Any))
    }

    fn and_expr(&mut self) -> Result<Expr, ConditionError> {
        let mut members = vec![self.unary()?];
        while self.peek() == &Token::And {
            self.advance();
            members.push(self.unary()?);
        }
        Ok(group(members, Expr::All))
    }

    /// Opens one more `not` or `(` level, refusing to go deeper than `MAX_NESTING`.
    fn nest(&mut self, opening: &Spanned) -> Result<(), ConditionError> {
        if self.depth >= MAX_NESTING {
            return Err(self.error(
                ErrorKind::InvalidStructure,
                format!("the condition nests more than {MAX_NESTING} levels of `not` and `(`"),
                Some("flatten it: `a and b and c` needs no parentheses, and `not not x` is `x`"),
                opening.span.clone(),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    fn unary(&mut self) -> Result<Expr, ConditionError> {
        let previous = self
            .position
            .checked_sub(1)
            .map(|at| self.tokens[at].token.clone());
        match self.peek().clone() {
            Token::Not => {
                let not = self.advance();
                self.nest(&not)?;
                let inner = self.unary()?;
                self.depth -= 1;
                Ok(Expr::Not(Box::new(inner)))
            }
            Token::LeftParen => {
                let open = self.advance();
                self.nest(&open)?;
                let inner = self.or_expr()?;
                self.depth -= 1;
                match self.peek() {
                    Token::RightParen => {
                        self.advance();
                        Ok(inner)
                    }
                    Token::End => Err(self.error(
                        ErrorKind::UnclosedParenthesis,
                        "unclosed `(`".to_owned(),
                        Some("close it with `)`"),
                        open.span,
                    )),
                    _ => Err(self.unexpected("`and`, `or` or `)`", None)),
                }
            }
            Token::Path(path) => {
                let spanned = self.advance();
                self.test(path, spanned.span)
            }
            _ => {
                let expected = match previous {
                    Some(token @ (Token::And | Token::Or | Token::Not)) => {
                        format!("a condition after {}", token.describe())
                    }
                    _ => "a condition".to_owned(),
                };
                Err(self.unexpected(
                    &expected,
                    Some("a condition starts with a field, `not` or `(`"),
                ))
            }
        }
    }

    fn test(&mut self, path: String, path_span: Range<usize>) -> Result<Expr, ConditionError> {
        let op_token = self.current().clone();
        let op = match op_token.token {
            Token::Compare(op) => op,
            Token::In => Op::In,
            Token::StartsWith => Op::StartsWith,
            Token::Contains => Op::Contains,
            Token::Exists => Op::Exists,
            Token::Not => {
                self.advance();
                if self.peek() != &Token::In {
                    return Err(self.unexpected(
                        "`in` after `not`",
                        Some("write `not in [...]`, or put `not` before the field"),
                    ));
                }
                Op::NotIn
            }
            Token::And | Token::Or | Token::RightParen | Token::End => {
                let location = self.location(path_span.clone());
                let written = Written {
                    field: location.clone(),
                    op: location.clone(),
                    value: location.clone(),
                    bare: true,
                };
                let operand = RawOperand::One(Value::Bool(true), location);
                return build_test(path, Op::Eq, operand, written).map(Expr::Test);
            }
            _ => {
                return Err(self.unexpected(
                    &format!("an operator after `{path}`"),
                    Some("use ==, !=, <, <=, >, >=, in, not in, starts_with, contains or exists"),
                ))
            }
        };
        let op_span = op_token.span.start..self.advance().span.end;
        let value_start = self.current().span.start;
        let operand = match op {
            Op::Exists => RawOperand::None,
            Op::In | Op::NotIn => RawOperand::List(self.list()?),
            _ => {
                let (value, span) = self.scalar(op)?;
                RawOperand::One(value, self.location(span))
            }
        };
        let value_end = self.tokens[self.position - 1].span.end;
        let value_span = if op == Op::Exists {
            op_span.clone()
        } else {
            value_start..value_end
        };
        let written = Written {
            field: self.location(path_span),
            op: self.location(op_span),
            value: self.location(value_span),
            bare: false,
        };
        build_test(path, op, operand, written).map(Expr::Test)
    }

    fn scalar(&mut self, op: Op) -> Result<(Value, Range<usize>), ConditionError> {
        let spanned = self.current().clone();
        let value = match spanned.token {
            Token::Str(text) => Value::Text(text),
            Token::Number(n) => Value::Number(n),
            Token::Duration(d) => Value::Duration(d),
            Token::True => Value::Bool(true),
            Token::False => Value::Bool(false),
            Token::Path(word) if !word.contains('.') => Value::Text(word),
            Token::Path(path) => return Err(self.error(
                ErrorKind::UnexpectedToken,
                format!(
                    "expected a value after `{}`, found field `{path}`",
                    op.symbol()
                ),
                Some("a condition compares a field with a value such as \"text\", 500, 4h or true"),
                spanned.span,
            )),
            Token::LeftBracket => {
                return Err(self.error(
                    ErrorKind::UnexpectedToken,
                    format!("a list needs `in`, not `{}`", op.symbol()),
                    Some("write `field in [\"a\", \"b\"]`"),
                    spanned.span,
                ))
            }
            _ => {
                return Err(self.unexpected(
                    &format!("a value after `{}`", op.symbol()),
                    Some(
                        "values are \"text\", numbers, durations (4h), true, false or words (high)",
                    ),
                ))
            }
        };
        self.advance();
        Ok((value, spanned.span))
    }

    fn list(&mut self) -> Result<Vec<(Value, Location)>, ConditionError> {
        if self.peek() != &Token::LeftBracket {
            return Err(self.unexpected("`[` after `in`", Some("write a list: in [\"a\", \"b\"]")));
        }
        let open = self.advance();
        if self.peek() == &Token::RightBracket {
            let close = self.advance();
            return Err(self.error(
                ErrorKind::EmptyList,
                "empty list".to_owned(),
                Some("a test against an empty list never matches; list at least one value"),
                open.span.start..close.span.end,
            ));
        }
        let mut values = Vec::new();
        loop {
            if self.peek() == &Token::End {
                return Err(self.error(
                    ErrorKind::UnclosedList,
                    "unclosed `[`".to_owned(),
                    Some("close the list with `]`"),
                    open.span,
                ));
            }
            let (value, span) = self.scalar(Op::In)?;
            values.push((value, self.location(span)));
            match self.peek() {
                Token::Comma => {
                    self.advance();
                    if self.peek() == &Token::RightBracket {
                        self.advance();
                        return Ok(values);
                    }
                }
                Token::RightBracket => {
                    self.advance();
                    return Ok(values);
                }
                Token::End => {
                    return Err(self.error(
                        ErrorKind::UnclosedList,
                        "unclosed `[`".to_owned(),
                        Some("close the list with `]`"),
                        open.span,
                    ))
                }
                _ => return Err(self.unexpected("`,` or `]` in the list", None)),
            }
        }
    }
}

/// One member stands alone; several form a group.
fn group(mut members: Vec<Expr>, make: fn(Vec<Expr>) -> Expr) -> Expr {
    if members.len() == 1 {
        members.remove(0)
    } else {
        make(members)
    }
}
