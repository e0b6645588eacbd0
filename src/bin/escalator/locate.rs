//! From a JSON path such as `teams[2].agents` to the 1-based line and column of that value in the file.

use jsonc_parser::ast::Value;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};

/// One step of a path: an object key or an array index.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let (key, mut rest) = match part.find('[') {
            Some(at) => part.split_at(at),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            steps.push(Step::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
    }
    Some(steps)
}

/// The line and column of the value at `path` in `text`, or of the deepest part of the path that exists.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let parsed = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok()?;
    let mut value = parsed.value.as_ref()?;
    let mut offset = value_start(value);
    for step in steps(path)? {
        let next = match (step, value) {
            (Step::Key(key), Value::Object(object)) => object
                .properties
                .iter()
                .find(|property| property.name.as_str() == key)
                .map(|property| &property.value),
            (Step::Index(index), Value::Array(array)) => array.elements.get(index),
            _ => None,
        };
        match next {
            Some(found) => {
                value = found;
                offset = value_start(value);
            }
            None => break,
        }
    }
    Some(line_column(text, offset))
}

fn value_start(value: &Value<'_>) -> usize {
    use jsonc_parser::common::Ranged;
    value.range().start
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "{\n  \"teams\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"agents\": -1}\n  ]\n}\n";

    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(TEXT, "teams[1].agents"), Some((4, 27)));
        assert_eq!(locate(TEXT, "teams[0]"), Some((3, 5)));
        assert_eq!(locate(TEXT, "."), Some((1, 1)));
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_existing_value() {
        assert_eq!(locate(TEXT, "teams[1].calendar"), Some((4, 5)));
        assert_eq!(locate(TEXT, "teams[9]"), Some((2, 12)));
    }

    #[test]
    fn unreadable_text_has_no_position() {
        assert_eq!(locate("{", "teams"), None);
    }
}
