//! A five-team flow shared by the native view tests and the Wasm chart tests.

use escalator::view::flow_layout::{FlowKind, FlowLink, FlowNode};

/// Five teams over three columns, with each kind of link and one to a team that is not shown.
pub fn flow_sample() -> (Vec<FlowNode>, Vec<FlowLink>) {
    let node = |id: &str, column, count| FlowNode {
        id: id.to_owned(),
        label: id.to_uppercase(),
        column,
        count,
    };
    let link = |from: &str, to: &str, kind, count| FlowLink {
        from: from.to_owned(),
        to: to.to_owned(),
        kind,
        count,
    };
    (
        vec![
            node("arrivals", 0, 100),
            node("general", 1, 80),
            node("billing", 1, 20),
            node("technical", 2, 30),
            node("supervisors", 4, 5),
        ],
        vec![
            link("arrivals", "general", FlowKind::Arrival, 80),
            link("arrivals", "billing", FlowKind::Arrival, 20),
            link("general", "technical", FlowKind::Functional, 30),
            link("general", "supervisors", FlowKind::Hierarchical, 4),
            link("billing", "supervisors", FlowKind::Automatic, 1),
            link("general", "nowhere", FlowKind::Functional, 3),
        ],
    )
}
