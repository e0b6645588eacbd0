//! The crate's one way of reading typed JSON: every document goes through the same deserializer type
//! (serde_json's string reader), so each type's parsing code is compiled once into the Wasm, and every error
//! names its JSON path, found from the error's position (`json_path`) rather than by wrapping the
//! deserializer, which would copy every type's parsing code once more.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::json_path::path_of;

/// A JSON document that did not read as the wanted type.
#[derive(Debug)]
pub struct JsonError {
    /// Where the problem is, e.g. `tiers[0].level`; `.` for the document as a whole.
    pub path: String,
    /// serde_json's error, with line and column.
    pub inner: serde_json::Error,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.inner)
    }
}

impl std::error::Error for JsonError {}

/// The `schema_version` a document declares, read alone and leniently (every other field ignored), so that a
/// document from a newer version can be told apart from a broken one.
pub fn declared_version(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        schema_version: Option<u64>,
    }
    serde_json::from_str::<VersionOnly>(text)
        .ok()?
        .schema_version
}

/// serde's words for what it expected, as a support lead would say them.
const PLAIN_TYPES: [(&str, &str); 12] = [
    ("expected u32", "expected a whole number (0 or more)"),
    ("expected u64", "expected a whole number (0 or more)"),
    ("expected u16", "expected a whole number (0 or more)"),
    ("expected u8", "expected a whole number (0 or more)"),
    ("expected i64", "expected a whole number"),
    ("expected i32", "expected a whole number"),
    ("expected f64", "expected a number"),
    ("expected a boolean", "expected true or false"),
    ("expected a sequence", "expected a list `[...]`"),
    ("expected a string", "expected text in quotes"),
    ("invalid type: map,", "invalid type: an object `{...}`,"),
    ("invalid type: sequence,", "invalid type: a list `[...]`,"),
];

/// A serde_json message in plain words (`expected u32` → `expected a whole number (0 or more)`).
pub fn plain_words(message: &str) -> String {
    PLAIN_TYPES
        .iter()
        .fold(message.to_owned(), |text, (rust, plain)| {
            text.replace(rust, plain)
        })
}

/// How to fix the input, for the messages serde_json gives most often; `None` when there is nothing
/// better to say than the message.
pub fn fix_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("invalid type: string \"") {
        let quoted = rest.split('"').next().unwrap_or_default();
        if quoted.parse::<f64>().is_ok() && message.contains("number") {
            return Some(format!("write the number without quotes: {quoted}"));
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return Some(format!("add the field \"{field}\" here"));
    }
    let fix = if message.starts_with("trailing comma") {
        "remove the comma after the last item"
    } else if message.starts_with("expected `,` or `}`") {
        "put a comma between two fields, or close the object with `}`"
    } else if message.starts_with("expected `,` or `]`") {
        "put a comma between two items, or close the list with `]`"
    } else if message.starts_with("EOF while parsing") {
        "the document ends too early: a closing `}` or `]` (or a quote) is missing"
    } else if message.starts_with("key must be a string") {
        "field names need double quotes, e.g. \"name\""
    } else if message.starts_with("expected value") {
        "a value is missing or misspelt here: text needs double quotes, and true, false and null are lower case"
    } else {
        return None;
    };
    Some(fix.to_owned())
}

/// Reads `text` as a `T`; only whitespace may follow the value.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut deserializer).map_err(|inner| JsonError {
        path: path_of(text, &inner),
        inner,
    })?;
    deserializer.end().map_err(|inner| JsonError {
        path: ".".to_owned(),
        inner,
    })?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Team {
        name: String,
        agents: Vec<u32>,
    }

    #[test]
    fn reads_a_document() {
        let team: Team = from_json(r#" {"name": "L1", "agents": [1, 2]} "#).expect("valid");
        assert_eq!(
            team,
            Team {
                name: "L1".to_owned(),
                agents: vec![1, 2]
            }
        );
    }

    #[test]
    fn errors_name_the_path_line_and_column() {
        let error = from_json::<Team>("{\"name\": \"L1\",\n \"agents\": [1, -2]}").unwrap_err();
        assert_eq!(error.path, "agents[1]");
        assert_eq!((error.inner.line(), error.inner.column()), (2, 17));
        assert!(error
            .to_string()
            .starts_with("agents[1]: invalid value: integer `-2`"));
    }

    #[test]
    fn trailing_text_is_a_syntax_error_of_the_whole_document() {
        let error = from_json::<Team>(r#"{"name": "L1", "agents": []} x"#).unwrap_err();
        assert_eq!(error.path, ".");
        assert!(error.inner.is_syntax());
    }
}
