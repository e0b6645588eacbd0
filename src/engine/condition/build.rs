//! Builds typed tests from what either form wrote, and binds context fields to a catalog; shared by both parsers.

use super::ast::{Expr, Op, Operand, Origin, Test};
use super::error::{closest, ConditionError, ErrorKind, Location};
use super::field::{resolve_ticket_path, Field, FieldCatalog, FieldType, Signal, TicketPath};
use super::typing::{check_operator, convert_value, Part, TypeProblem};
use super::value::Value;

/// An operand as written, each value with its location.
pub(crate) enum RawOperand {
    None,
    One(Value, Location),
    List(Vec<(Value, Location)>),
}

/// Where each part of a written test is.
pub(crate) struct Written {
    pub(crate) field: Location,
    pub(crate) op: Location,
    pub(crate) value: Location,
    /// Written as a bare field (`signals.abusive`), meaning `== true`.
    pub(crate) bare: bool,
}

fn located(problem: TypeProblem, op: &Location, value: &Location) -> ConditionError {
    let location = match problem.part {
        Part::Op => op.clone(),
        Part::Value => value.clone(),
    };
    ConditionError {
        kind: problem.kind,
        message: problem.message,
        help: problem.help,
        location,
    }
}

fn unknown_field(message: String, help: Option<String>, location: Location) -> ConditionError {
    ConditionError {
        kind: ErrorKind::UnknownField,
        message,
        help,
        location,
    }
}

/// Types an operand for a field type, pointing errors at the right value.
fn type_operand(
    path: &str,
    field_type: FieldType,
    op: Op,
    operand: RawOperand,
    written: &Written,
) -> Result<Operand, ConditionError> {
    check_operator(path, field_type, op).map_err(|p| located(p, &written.op, &written.value))?;
    let convert = |value, location: &Location| {
        convert_value(path, field_type, op, value, written.bare)
            .map_err(|p| located(p, &written.op, location))
    };
    Ok(match operand {
        RawOperand::None => Operand::None,
        RawOperand::One(value, location) => Operand::One(convert(value, &location)?),
        RawOperand::List(values) => Operand::List(
            values
                .into_iter()
                .map(|(value, location)| convert(value, &location))
                .collect::<Result<_, _>>()?,
        ),
    })
}

/// Resolves a written test: ticket fields are typed now, other paths stay unbound for `bind`.
pub(crate) fn build_test(
    path: String,
    op: Op,
    operand: RawOperand,
    written: Written,
) -> Result<Test, ConditionError> {
    let (field, operand) = match resolve_ticket_path(&path) {
        TicketPath::Found(field, field_type) => {
            let typed = type_operand(&path, field_type, op, operand, &written)?;
            (field, typed)
        }
        TicketPath::UnknownSignal => {
            let names = Signal::ALL.map(Signal::name);
            let wrong = path.trim_start_matches("signals.");
            let help = match closest(wrong, names) {
                Some(near) => format!("did you mean \"signals.{near}\"?"),
                None => format!("signals are {}", names.join(", ")),
            };
            return Err(unknown_field(
                format!("unknown signal \"{path}\""),
                Some(help),
                written.field,
            ));
        }
        TicketPath::MissingName => {
            return Err(unknown_field(
                format!("\"{path}\" needs a name after it"),
                Some(format!("write {path}.<name>")),
                written.field,
            ))
        }
        TicketPath::NotTicket => {
            let untyped = match operand {
                RawOperand::None => Operand::None,
                RawOperand::One(value, _) => Operand::One(value),
                RawOperand::List(values) => {
                    Operand::List(values.into_iter().map(|(v, _)| v).collect())
                }
            };
            (Field::Unbound, untyped)
        }
    };
    Ok(Test {
        path,
        field,
        op,
        operand,
        origin: Some(Box::new(Origin {
            field: written.field,
            op: written.op,
            value: written.value,
        })),
    })
}

/// Binds every non-ticket path to a context field of `catalog`, type-checking its operand.
pub(crate) fn bind(expr: &mut Expr, catalog: &FieldCatalog) -> Result<(), ConditionError> {
    match expr {
        Expr::All(members) | Expr::Any(members) => members
            .iter_mut()
            .try_for_each(|member| bind(member, catalog)),
        Expr::Not(inner) => bind(inner, catalog),
        Expr::Test(test) => bind_test(test, catalog),
    }
}

fn bind_test(test: &mut Test, catalog: &FieldCatalog) -> Result<(), ConditionError> {
    if !matches!(test.field, Field::Unbound | Field::Context(_)) {
        return Ok(());
    }
    let unknown = || Location::Json(String::new());
    let (field_location, op_location, value_location) = match &test.origin {
        Some(origin) => (
            origin.field.clone(),
            origin.op.clone(),
            origin.value.clone(),
        ),
        None => (unknown(), unknown(), unknown()),
    };
    let Some((slot, field_type)) = catalog.context_field(&test.path) else {
        let known = catalog.known_paths();
        let help = match closest(&test.path, known.iter().map(String::as_str)) {
            Some(near) => format!("did you mean \"{near}\"?"),
            None => "fields are category, priority, impact, urgency, channel, segment, amount, signals.<name>, attributes.<name>".to_owned(),
        };
        return Err(unknown_field(
            format!("unknown field \"{}\"", test.path),
            Some(help),
            field_location,
        ));
    };
    let bare = test.op == Op::Eq && test.operand == Operand::One(Value::Bool(true));
    let operand = match test.operand.clone() {
        Operand::None => RawOperand::None,
        Operand::One(value) => RawOperand::One(value, value_location.clone()),
        Operand::List(values) => RawOperand::List(
            values
                .into_iter()
                .map(|value| (value, value_location.clone()))
                .collect(),
        ),
    };
    let written = Written {
        field: field_location,
        op: op_location,
        value: value_location,
        bare,
    };
    test.operand = type_operand(&test.path, field_type, test.op, operand, &written)?;
    test.field = Field::Context(slot);
    Ok(())
}
