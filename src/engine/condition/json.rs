//! The structured JSON form: `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}` and `{"field", "op", "value"}`.

use serde_json::{json, Map, Value as Json};

use super::ast::{Expr, Op, Operand, Test};
use super::build::{build_test, RawOperand, Written};
use super::error::{closest, ConditionError, ErrorKind, Location};
use super::lexer::is_valid_path;
use super::value::Value;
use super::MAX_NESTING;

/// Writes a tree in the structured form.
pub(crate) fn to_json(expr: &Expr) -> Json {
    match expr {
        Expr::All(members) => json!({ "all": members.iter().map(to_json).collect::<Vec<_>>() }),
        Expr::Any(members) => json!({ "any": members.iter().map(to_json).collect::<Vec<_>>() }),
        Expr::Not(inner) => json!({ "not": to_json(inner) }),
        Expr::Test(test) => test_to_json(test),
    }
}

fn test_to_json(test: &Test) -> Json {
    let mut object = Map::new();
    object.insert("field".to_owned(), Json::from(test.path.as_str()));
    object.insert("op".to_owned(), Json::from(test.op.symbol()));
    match &test.operand {
        Operand::None => {}
        Operand::One(value) => {
            object.insert("value".to_owned(), value_to_json(value));
        }
        Operand::List(values) => {
            object.insert(
                "value".to_owned(),
                values.iter().map(value_to_json).collect(),
            );
        }
    }
    Json::Object(object)
}

/// Largest integer that a JSON reader keeps exact.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

fn value_to_json(value: &Value) -> Json {
    match value {
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < EXACT_INTEGER => Json::from(*n as i64),
        Value::Number(n) => Json::from(*n),
        Value::Text(text) => Json::from(text.as_str()),
        Value::Duration(d) => Json::from(d.to_string()),
        Value::Priority(p) => Json::from(p.as_str()),
        Value::Level(l) => Json::from(l.as_str()),
        Value::Channel(c) => Json::from(c.as_str()),
    }
}

fn structure_error(message: String, help: Option<&str>, path: &str) -> ConditionError {
    ConditionError::in_json(
        ErrorKind::InvalidStructure,
        message,
        help.map(str::to_owned),
        path.to_owned(),
    )
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

const NODE_HELP: &str = "a condition is {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or {\"field\": ..., \"op\": ..., \"value\": ...}";

/// Levels of `all`, `any` and `not` the structured form may nest.
const MAX_STRUCTURED_NESTING: usize = 2 * MAX_NESTING + 1;

/// Reads the structured form; `path` is where this node is, relative to the condition, and `depth` how many
/// `all`, `any` and `not` levels are open around it.
pub(crate) fn from_json(json: &Json, path: &str, depth: usize) -> Result<Expr, ConditionError> {
    if depth > MAX_STRUCTURED_NESTING {
        return Err(structure_error(
            format!("the condition nests more than {MAX_STRUCTURED_NESTING} levels of `all`, `any` and `not`"),
            Some("flatten it: an `all` inside an `all` can be one `all`, and `not` of `not` is the condition itself"),
            path,
        ));
    }
    let Json::Object(object) = json else {
        return Err(structure_error(
            format!("expected an object, found {}", describe(json)),
            Some(NODE_HELP),
            path,
        ));
    };
    let kinds: Vec<&str> = ["all", "any", "not", "field"]
        .into_iter()
        .filter(|key| object.contains_key(*key))
        .collect();
    let allowed: &[&str] = match kinds.as_slice() {
        [] => {
            return Err(structure_error(
                "expected one of `all`, `any`, `not` or `field`".to_owned(),
                Some(NODE_HELP),
                path,
            ))
        }
        ["field"] => &["field", "op", "value"],
        [group] => std::slice::from_ref(group),
        [first, second, ..] => {
            return Err(structure_error(
                format!("`{first}` and `{second}` cannot be used together"),
                Some("nest them: {\"all\": [{...}, {...}]}"),
                path,
            ))
        }
    };
    if let Some(unknown) = object.keys().find(|key| !allowed.contains(&key.as_str())) {
        let help =
            closest(unknown, allowed.iter().copied()).map(|near| format!("did you mean `{near}`?"));
        return Err(ConditionError::in_json(
            ErrorKind::InvalidStructure,
            format!("unknown key `{unknown}`"),
            help.or_else(|| Some(format!("allowed here: {}", allowed.join(", ")))),
            child(path, unknown),
        ));
    }
    match kinds[0] {
        "not" => Ok(Expr::Not(Box::new(from_json(
            &object["not"],
            &child(path, "not"),
            depth + 1,
        )?))),
        "field" => read_test(object, path).map(Expr::Test),
        group => read_group(group, &object[group], path, depth + 1),
    }
}

fn read_group(key: &str, members: &Json, path: &str, depth: usize) -> Result<Expr, ConditionError> {
    let path = child(path, key);
    let Json::Array(members) = members else {
        return Err(structure_error(
            format!("expected a list of conditions, found {}", describe(members)),
            None,
            &path,
        ));
    };
    let mut exprs = members
        .iter()
        .enumerate()
        .map(|(index, member)| from_json(member, &format!("{path}[{index}]"), depth))
        .collect::<Result<Vec<_>, _>>()?;
    match exprs.len() {
        0 => Err(structure_error(
            format!("`{key}` needs at least one condition"),
            Some("remove the empty group"),
            &path,
        )),
        1 => Ok(exprs.remove(0)),
        _ if key == "all" => Ok(Expr::All(exprs)),
        _ => Ok(Expr::Any(exprs)),
    }
}

fn read_test(object: &Map<String, Json>, path: &str) -> Result<Test, ConditionError> {
    let field_path = child(path, "field");
    let op_path = child(path, "op");
    let value_path = child(path, "value");
    let Json::String(field) = &object["field"] else {
        return Err(structure_error(
            format!(
                "expected a field name, found {}",
                describe(&object["field"])
            ),
            None,
            &field_path,
        ));
    };
    if !is_valid_path(field) {
        return Err(ConditionError::in_json(
            ErrorKind::UnknownField,
            format!("invalid field name \"{field}\""),
            Some("names are letters, digits and `_`, joined by dots".to_owned()),
            field_path,
        ));
    }
    let op = match object.get("op") {
        None => {
            return Err(structure_error(
                "missing `op`".to_owned(),
                Some("add e.g. \"op\": \"==\""),
                path,
            ))
        }
        Some(Json::String(symbol)) => Op::from_symbol(symbol).ok_or_else(|| {
            let symbols = Op::ALL.map(Op::symbol);
            let help = match (Op::hint_for(symbol), closest(symbol, symbols)) {
                (Some(hint), _) => hint.to_owned(),
                (None, Some(near)) => format!("did you mean `{near}`?"),
                (None, None) => format!("operators are {}", symbols.join(", ")),
            };
            ConditionError::in_json(
                ErrorKind::UnknownOperator,
                format!("unknown operator `{symbol}`"),
                Some(help),
                op_path.clone(),
            )
        })?,
        Some(other) => {
            return Err(structure_error(
                format!("expected an operator, found {}", describe(other)),
                None,
                &op_path,
            ))
        }
    };
    let location = |path: String| Location::Json(path);
    let operand = match (op, object.get("value")) {
        (Op::Exists, None) => RawOperand::None,
        (Op::Exists, Some(_)) => {
            return Err(structure_error(
                "`exists` takes no value".to_owned(),
                Some("remove `value`"),
                &value_path,
            ))
        }
        (_, None) => {
            return Err(structure_error(
                format!("missing `value` for `{}`", op.symbol()),
                None,
                path,
            ))
        }
        (Op::In | Op::NotIn, Some(Json::Array(items))) => {
            if items.is_empty() {
                return Err(ConditionError::in_json(
                    ErrorKind::EmptyList,
                    "empty list".to_owned(),
                    Some(
                        "a test against an empty list never matches; list at least one value"
                            .to_owned(),
                    ),
                    value_path,
                ));
            }
            RawOperand::List(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| {
                        let item_path = format!("{value_path}[{index}]");
                        read_value(item, &item_path).map(|value| (value, location(item_path)))
                    })
                    .collect::<Result<_, _>>()?,
            )
        }
        (Op::In | Op::NotIn, Some(other)) => {
            return Err(structure_error(
                format!("`{}` needs a list, found {}", op.symbol(), describe(other)),
                Some("write \"value\": [\"a\", \"b\"]"),
                &value_path,
            ))
        }
        (_, Some(value)) => RawOperand::One(
            read_value(value, &value_path)?,
            location(value_path.clone()),
        ),
    };
    let written = Written {
        field: location(field_path),
        op: location(op_path),
        value: location(value_path),
        bare: false,
    };
    build_test(field.clone(), op, operand, written)
}

fn read_value(json: &Json, path: &str) -> Result<Value, ConditionError> {
    match json {
        Json::Bool(b) => Ok(Value::Bool(*b)),
        Json::Number(n) => n
            .as_f64()
            .map(Value::Number)
            .ok_or_else(|| structure_error(format!("number {n} is out of range"), None, path)),
        Json::String(text) => Ok(Value::Text(text.clone())),
        other => Err(structure_error(
            format!(
                "expected true/false, a number or a string, found {}",
                describe(other)
            ),
            None,
            path,
        )),
    }
}

fn describe(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "true/false",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}
