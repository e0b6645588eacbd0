//! The fields a condition can test, resolved once from their dotted paths, and the sources that supply their values.

use crate::engine::ticket::{Attribute, Channel, Level, Priority, Ticket};

use super::value::{FieldValue, Value};

/// A resolved field: evaluation matches on this enum and never on path strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Category,
    Priority,
    Impact,
    Urgency,
    Channel,
    Segment,
    Amount,
    Signal(Signal),
    /// `attributes.<name>`: a custom ticket attribute of any type.
    Attribute(String),
    /// A context field added by the caller's catalog, by its slot in that catalog.
    Context(usize),
    /// A path that is not a ticket field and has not been bound to a catalog yet (it is always absent).
    Unbound,
}

/// One of the customer signals on a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    DemandsManager,
    Abusive,
    ThreatensToLeave,
    ThreatensReview,
}

impl Signal {
    pub const ALL: [Signal; 4] = [
        Signal::DemandsManager,
        Signal::Abusive,
        Signal::ThreatensToLeave,
        Signal::ThreatensReview,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Signal::DemandsManager => "demands_manager",
            Signal::Abusive => "abusive",
            Signal::ThreatensToLeave => "threatens_to_leave",
            Signal::ThreatensReview => "threatens_review",
        }
    }
}

/// The type of a field, which decides the operators and literals it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldType {
    Bool,
    Number,
    Text,
    Duration,
    /// `critical > high > medium > low`.
    Priority,
    /// Impact or urgency: `high > medium > low`.
    Level,
    Channel,
    /// A custom attribute: true/false, a number or text, known only per ticket.
    Dynamic,
}

impl FieldType {
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Bool => "true/false",
            FieldType::Number => "number",
            FieldType::Text => "text",
            FieldType::Duration => "duration",
            FieldType::Priority => "priority",
            FieldType::Level => "level",
            FieldType::Channel => "channel",
            FieldType::Dynamic => "attribute",
        }
    }
}

/// The plain ticket fields, by path, with their types.
const TICKET_FIELDS: [(&str, Field, FieldType); 7] = [
    ("category", Field::Category, FieldType::Text),
    ("priority", Field::Priority, FieldType::Priority),
    ("impact", Field::Impact, FieldType::Level),
    ("urgency", Field::Urgency, FieldType::Level),
    ("channel", Field::Channel, FieldType::Channel),
    ("segment", Field::Segment, FieldType::Text),
    ("amount", Field::Amount, FieldType::Number),
];

/// How a path resolved against the ticket's own fields.
#[derive(Debug, Clone, PartialEq)]
pub enum TicketPath {
    Found(Field, FieldType),
    /// Under `signals.` but not a known signal.
    UnknownSignal,
    /// `attributes` or `signals` alone, without a name.
    MissingName,
    /// Not a ticket path: a context field, or a mistake the catalog will report.
    NotTicket,
}

/// Resolves a dotted path against the fields every ticket has.
pub fn resolve_ticket_path(path: &str) -> TicketPath {
    if let Some((_, field, field_type)) = TICKET_FIELDS.iter().find(|(name, ..)| *name == path) {
        return TicketPath::Found(field.clone(), *field_type);
    }
    if path == "signals" || path == "attributes" {
        return TicketPath::MissingName;
    }
    if let Some(name) = path.strip_prefix("signals.") {
        return match Signal::ALL.into_iter().find(|s| s.name() == name) {
            Some(signal) => TicketPath::Found(Field::Signal(signal), FieldType::Bool),
            None => TicketPath::UnknownSignal,
        };
    }
    if let Some(name) = path.strip_prefix("attributes.") {
        return TicketPath::Found(Field::Attribute(name.to_owned()), FieldType::Dynamic);
    }
    TicketPath::NotTicket
}

/// The fields conditions may use in one place: the ticket's fields plus context fields the caller supplies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldCatalog {
    context: Vec<(String, FieldType)>,
}

impl FieldCatalog {
    /// Only the ticket's own fields.
    pub fn ticket() -> FieldCatalog {
        FieldCatalog::default()
    }

    /// Adds a context field; its slot is its position among the context fields (0, 1, …).
    /// Ticket paths take precedence, so a context field named like one is never consulted.
    pub fn with(mut self, name: &str, field_type: FieldType) -> FieldCatalog {
        self.context.push((name.to_owned(), field_type));
        self
    }

    /// Slot and type of a context field.
    pub fn context_field(&self, name: &str) -> Option<(usize, FieldType)> {
        self.context
            .iter()
            .position(|(known, _)| known == name)
            .map(|slot| (slot, self.context[slot].1))
    }

    /// The type of the field at `path`: a ticket field (any `attributes.<name>` included) or a context field.
    pub fn field_type(&self, path: &str) -> Option<FieldType> {
        match resolve_ticket_path(path) {
            TicketPath::Found(_, field_type) => Some(field_type),
            TicketPath::NotTicket => self.context_field(path).map(|(_, field_type)| field_type),
            TicketPath::UnknownSignal | TicketPath::MissingName => None,
        }
    }

    /// Every complete path this catalog knows, for "did you mean" hints.
    pub fn known_paths(&self) -> Vec<String> {
        let ticket = TICKET_FIELDS.iter().map(|(name, ..)| (*name).to_owned());
        let signals = Signal::ALL.iter().map(|s| format!("signals.{}", s.name()));
        let context = self.context.iter().map(|(name, _)| name.clone());
        ticket.chain(signals).chain(context).collect()
    }
}

/// Anything conditions can be evaluated against.
pub trait FieldSource {
    /// The value of a field, or `None` when it is absent.
    fn value(&self, field: &Field) -> Option<FieldValue<'_>>;
}

impl FieldSource for Ticket {
    fn value(&self, field: &Field) -> Option<FieldValue<'_>> {
        match field {
            Field::Category => Some(FieldValue::Text(&self.category)),
            Field::Priority => self.priority.map(FieldValue::Priority),
            Field::Impact => self.impact.map(FieldValue::Level),
            Field::Urgency => self.urgency.map(FieldValue::Level),
            Field::Channel => Some(FieldValue::Channel(self.channel)),
            Field::Segment => Some(FieldValue::Text(&self.segment)),
            Field::Amount => self.amount.map(FieldValue::Number),
            Field::Signal(signal) => Some(FieldValue::Bool(match signal {
                Signal::DemandsManager => self.signals.demands_manager,
                Signal::Abusive => self.signals.abusive,
                Signal::ThreatensToLeave => self.signals.threatens_to_leave,
                Signal::ThreatensReview => self.signals.threatens_review,
            })),
            Field::Attribute(name) => self.attributes.get(name).map(|attribute| match attribute {
                Attribute::Bool(b) => FieldValue::Bool(*b),
                Attribute::Number(n) => FieldValue::Number(*n),
                Attribute::Text(t) => FieldValue::Text(t),
            }),
            Field::Context(_) | Field::Unbound => None,
        }
    }
}

/// A ticket plus the values of the catalog's context fields (in slot order), and optionally
/// the priority the policy derived for it (from impact × urgency) when the ticket has none.
#[derive(Debug, Clone, Copy)]
pub struct TicketInContext<'a> {
    ticket: &'a Ticket,
    priority: Option<Priority>,
    context: &'a [Option<Value>],
}

impl<'a> TicketInContext<'a> {
    pub fn new(ticket: &'a Ticket, context: &'a [Option<Value>]) -> TicketInContext<'a> {
        TicketInContext {
            ticket,
            priority: ticket.priority,
            context,
        }
    }

    /// Uses this priority for the `priority` field instead of the ticket's own.
    /// The ticket itself.
    pub fn ticket(&self) -> &'a Ticket {
        self.ticket
    }

    pub fn with_priority(mut self, priority: Priority) -> TicketInContext<'a> {
        self.priority = Some(priority);
        self
    }
}

impl FieldSource for TicketInContext<'_> {
    fn value(&self, field: &Field) -> Option<FieldValue<'_>> {
        match field {
            Field::Priority => self.priority.map(FieldValue::Priority),
            Field::Context(slot) => self
                .context
                .get(*slot)
                .and_then(|value| value.as_ref().map(Value::as_field_value)),
            other => self.ticket.value(other),
        }
    }
}

/// Parses an enum word (`high`, `email`) for a field type that has them.
pub fn parse_word(field_type: FieldType, word: &str) -> Option<Value> {
    match field_type {
        FieldType::Priority => Priority::parse(word).map(Value::Priority),
        FieldType::Level => Level::ALL
            .into_iter()
            .find(|l| l.as_str() == word)
            .map(Value::Level),
        FieldType::Channel => Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == word)
            .map(Value::Channel),
        _ => None,
    }
}

/// The words an enum field type accepts, for help hints.
pub fn word_choices(field_type: FieldType) -> &'static str {
    match field_type {
        FieldType::Priority => "critical, high, medium or low",
        FieldType::Level => "high, medium or low",
        FieldType::Channel => "email, chat, phone, web or social",
        _ => "",
    }
}
