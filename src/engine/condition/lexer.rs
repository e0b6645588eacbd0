//! Splits the text form of a condition into tokens with byte spans, reporting bad characters, strings and literals.

use std::ops::Range;

use crate::engine::duration::Duration;

use super::ast::Op;
use super::error::{ConditionError, ErrorKind, ReadsText};

/// One token of the text form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    /// A field path or a bare word (`signals.abusive`, `high`).
    Path(String),
    Str(String),
    Number(f64),
    Duration(Duration),
    Compare(Op),
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    And,
    Or,
    Not,
    In,
    True,
    False,
    StartsWith,
    Contains,
    Exists,
    End,
}

const KEYWORDS: [(&str, Token); 9] = [
    ("and", Token::And),
    ("or", Token::Or),
    ("not", Token::Not),
    ("in", Token::In),
    ("true", Token::True),
    ("false", Token::False),
    ("starts_with", Token::StartsWith),
    ("contains", Token::Contains),
    ("exists", Token::Exists),
];

/// Whether `word` is reserved in the text form (so it cannot be a one-word field path).
pub(crate) fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|(keyword, _)| *keyword == word)
}

/// Whether `path` can be written in the text form: dot-separated names of letters, digits and `_`.
pub(crate) fn is_valid_path(path: &str) -> bool {
    let well_formed = path.split('.').all(|segment| {
        let mut chars = segment.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    well_formed && !is_keyword(path)
}

impl Token {
    /// The token as named in "found …" messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Token::Path(path) => format!("`{path}`"),
            Token::Str(text) => format!("string {text:?}"),
            Token::Number(n) => format!("number {n}"),
            Token::Duration(d) => format!("duration {d}"),
            Token::Compare(op) => format!("`{}`", op.symbol()),
            Token::LeftParen => "`(`".to_owned(),
            Token::RightParen => "`)`".to_owned(),
            Token::LeftBracket => "`[`".to_owned(),
            Token::RightBracket => "`]`".to_owned(),
            Token::Comma => "`,`".to_owned(),
            Token::End => "end of input".to_owned(),
            keyword => {
                let name = KEYWORDS
                    .iter()
                    .find(|(_, token)| token == keyword)
                    .map_or("?", |(name, _)| name);
                format!("`{name}`")
            }
        }
    }
}

/// A token and the bytes it covers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spanned {
    pub(crate) token: Token,
    pub(crate) span: Range<usize>,
}

/// Splits `source` into tokens, ending with `Token::End` (an empty span at the end).
pub(crate) fn tokenize(source: &str) -> Result<Vec<Spanned>, ConditionError> {
    let mut lexer = Lexer { source, at: 0 };
    let mut tokens = Vec::new();
    loop {
        let next = lexer.next_token()?;
        let done = next.token == Token::End;
        tokens.push(next);
        if done {
            return Ok(tokens);
        }
    }
}

struct Lexer<'a> {
    source: &'a str,
    at: usize,
}

impl ReadsText for Lexer<'_> {
    fn source(&self) -> &str {
        self.source
    }
}

impl Lexer<'_> {
    fn peek_at(&self, offset: usize) -> Option<char> {
        self.source.get(self.at + offset..)?.chars().next()
    }

    fn next_token(&mut self) -> Result<Spanned, ConditionError> {
        let rest = &self.source[self.at..];
        let trimmed = rest.trim_start();
        self.at += rest.len() - trimmed.len();
        let start = self.at;
        let Some(c) = trimmed.chars().next() else {
            return Ok(Spanned {
                token: Token::End,
                span: start..start,
            });
        };
        let next = trimmed[c.len_utf8()..].chars().next();
        let single = |token| (token, 1);
        let (token, length) = match (c, next) {
            ('(', _) => single(Token::LeftParen),
            (')', _) => single(Token::RightParen),
            ('[', _) => single(Token::LeftBracket),
            (']', _) => single(Token::RightBracket),
            (',', _) => single(Token::Comma),
            ('=', Some('=')) => (Token::Compare(Op::Eq), 2),
            ('!', Some('=')) => (Token::Compare(Op::Ne), 2),
            ('<', Some('=')) => (Token::Compare(Op::Le), 2),
            ('>', Some('=')) => (Token::Compare(Op::Ge), 2),
            ('<', Some('>')) => return Err(self.unknown_operator("<>")),
            ('<', _) => single(Token::Compare(Op::Lt)),
            ('>', _) => single(Token::Compare(Op::Gt)),
            ('=', Some('>')) => return Err(self.unknown_operator("=>")),
            ('=', Some('<')) => return Err(self.unknown_operator("=<")),
            ('=', _) => return Err(self.unknown_operator("=")),
            ('!', _) => return Err(self.unknown_operator("!")),
            ('&', Some('&')) => return Err(self.unknown_operator("&&")),
            ('|', Some('|')) => return Err(self.unknown_operator("||")),
            ('"', _) => return self.string(),
            ('\'', _) => {
                return Err(self.error(
                    ErrorKind::UnexpectedCharacter,
                    "unexpected character `'`".to_owned(),
                    Some("strings use double quotes: \"text\""),
                    start..start + 1,
                ))
            }
            (c, _) if c.is_ascii_digit() => return self.number_or_duration(),
            ('-', Some(d)) if d.is_ascii_digit() => return self.number_or_duration(),
            (c, _) if c.is_ascii_alphabetic() || c == '_' => return self.word(),
            (c, _) => {
                return Err(self.error(
                    ErrorKind::UnexpectedCharacter,
                    format!("unexpected character `{c}`"),
                    None,
                    start..start + c.len_utf8(),
                ))
            }
        };
        self.at += length;
        Ok(Spanned {
            token,
            span: start..self.at,
        })
    }

    fn unknown_operator(&self, written: &str) -> ConditionError {
        self.error(
            ErrorKind::UnknownOperator,
            format!("unknown operator `{written}`"),
            Op::hint_for(written),
            self.at..self.at + written.len(),
        )
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &str {
        let start = self.at;
        let rest = &self.source[start..];
        let length = rest.find(|c| !keep(c)).unwrap_or(rest.len());
        self.at += length;
        &self.source[start..self.at]
    }

    /// A keyword or a field path. A path is the same in both forms: names joined by single dots, so `a.`,
    /// `x..y` and `.b` are errors here as they are in the JSON form.
    fn word(&mut self) -> Result<Spanned, ConditionError> {
        let start = self.at;
        self.take_while(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        let source = self.source;
        let word = &source[start..self.at];
        let token = KEYWORDS
            .iter()
            .find(|(keyword, _)| *keyword == word)
            .map_or_else(|| Token::Path(word.to_owned()), |(_, token)| token.clone());
        if matches!(&token, Token::Path(path) if !is_valid_path(path)) {
            return Err(self.error(
                ErrorKind::UnknownField,
                format!("invalid field name `{word}`"),
                Some("names are letters, digits and `_`, joined by single dots, e.g. `signals.abusive`"),
                start..self.at,
            ));
        }
        Ok(Spanned {
            token,
            span: start..self.at,
        })
    }

    fn number_or_duration(&mut self) -> Result<Spanned, ConditionError> {
        let start = self.at;
        self.at += usize::from(self.peek_at(0) == Some('-'));
        self.take_while(|c| c.is_ascii_alphanumeric() || c == '.');
        let text = &self.source[start..self.at];
        let span = start..self.at;
        if text.chars().any(|c| c.is_ascii_alphabetic()) {
            return match text.parse::<Duration>() {
                Ok(duration) => Ok(Spanned {
                    token: Token::Duration(duration),
                    span,
                }),
                Err(err) => Err(self.error(
                    ErrorKind::InvalidDuration,
                    format!("invalid duration `{text}`: {err}"),
                    Some("write a duration such as 45s, 30m, 4h, 1h30m, 2d or 1w"),
                    span,
                )),
            };
        }
        match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Spanned {
                token: Token::Number(number),
                span,
            }),
            _ => Err(self.error(
                ErrorKind::InvalidNumber,
                format!("invalid number `{text}`"),
                None,
                span,
            )),
        }
    }

    fn string(&mut self) -> Result<Spanned, ConditionError> {
        let start = self.at;
        let mut text = String::new();
        let mut chars = self.source[start + 1..].char_indices();
        while let Some((offset, c)) = chars.next() {
            let at = start + 1 + offset;
            match c {
                '"' => {
                    self.at = at + 1;
                    return Ok(Spanned {
                        token: Token::Str(text),
                        span: start..self.at,
                    });
                }
                '\n' => break,
                '\\' => {
                    let escaped = match chars.next() {
                        Some((_, '"')) => '"',
                        Some((_, '\\')) => '\\',
                        Some((_, 'n')) => '\n',
                        Some((_, 't')) => '\t',
                        Some((_, 'r')) => '\r',
                        other => {
                            let end = other.map_or(at + 1, |(o, e)| start + 1 + o + e.len_utf8());
                            return Err(self.error(
                                ErrorKind::InvalidEscape,
                                format!("invalid escape `{}`", &self.source[at..end]),
                                Some("strings may use \\\", \\\\, \\n, \\t and \\r"),
                                at..end,
                            ));
                        }
                    };
                    text.push(escaped);
                }
                other => text.push(other),
            }
        }
        let line_end = self.source[start..]
            .find('\n')
            .map_or(self.source.len(), |offset| start + offset);
        Err(self.error(
            ErrorKind::UnterminatedString,
            "unterminated string".to_owned(),
            Some("close the string with `\"` on the same line"),
            start..line_end,
        ))
    }
}
