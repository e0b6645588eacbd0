//! One ticket's journey as a timeline: who received it when and why, escalations, SLA warnings and breaches.

use yew::prelude::*;

use crate::engine::journey::{EventKind, Journey};
use crate::web::format;
use crate::web::shown_zone::use_shown_zone;

#[derive(Properties, PartialEq)]
pub struct JourneyViewProps {
    pub journey: Journey,
    pub on_close: Callback<()>,
}

#[component]
pub fn JourneyView(props: &JourneyViewProps) -> Html {
    let zone = use_shown_zone();
    let journey = &props.journey;
    let created = journey.created_at;
    let on_close = props.on_close.clone();
    let ticket = &journey.ticket;
    html! {
        <section class="panel journey" data-testid="journey">
            <div class="panel-head">
                <h2>{ format!("Journey of {}", ticket.id) }</h2>
                <p>{ format!("{} · {} · {}", ticket.category, ticket.priority.map(|p| p.as_str()).unwrap_or("no priority"), ticket.channel.as_str()) }</p>
                <button class="icon-button close" onclick={Callback::from(move |_: MouseEvent| on_close.emit(()))} aria-label="Close the journey">{ "×" }</button>
            </div>
            <ol class="journey-events">
                { for journey.events.iter().map(|event| {
                    let (class, text) = describe(&event.kind);
                    html! {
                        <li class={class}>
                            <span class="when">{ format::instant(event.at, &zone) }</span>
                            <span class="offset">{ format!("+{}", crate::format::seconds(event.at.seconds_since(created))) }</span>
                            <span class="what">{ text }</span>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

fn describe(kind: &EventKind) -> (&'static str, String) {
    match kind {
        EventKind::Created => ("created", "Created".to_owned()),
        EventKind::Assigned { team, reason } => {
            ("assigned", format!("Queued for {team} — {reason}"))
        }
        EventKind::Started { team, agent } => (
            "started",
            match agent {
                Some(agent) => format!("{agent} of {team} picks it up"),
                None => format!("An agent of {team} picks it up"),
            },
        ),
        EventKind::Returned { team, agent } => (
            "returned",
            format!("{agent} of {team} did not start it in time: it goes back"),
        ),
        EventKind::FirstResponse { team } => ("response", format!("First response by {team}")),
        EventKind::Update { team } => ("response", format!("Update from {team}")),
        EventKind::Escalated {
            kind,
            from,
            to,
            reason,
        } => (
            "escalated",
            format!(
                "{} escalation {from} → {to} — {reason}",
                format::capitalise(kind.as_str())
            ),
        ),
        EventKind::WaitingOnCustomer => (
            "waiting",
            "Waiting on the customer (clocks may pause)".to_owned(),
        ),
        EventKind::CustomerReplied => ("waiting", "Customer replied".to_owned()),
        EventKind::OnHold => ("waiting", "On hold (clocks may pause)".to_owned()),
        EventKind::WaitingOnThirdParty => (
            "waiting",
            "Waiting on a third party (clocks may pause)".to_owned(),
        ),
        EventKind::Resumed => ("waiting", "Back in the queue after the wait".to_owned()),
        EventKind::Approved { team } => (
            "escalated",
            format!("Approved by {team}; back to its owner to finish"),
        ),
        EventKind::SlaWarning { target, percent } => (
            "warning",
            format!(
                "SLA warning: {percent}% of {}",
                target.as_str().replace('_', " ")
            ),
        ),
        EventKind::SlaBreach { target } => (
            "breach",
            format!("SLA breached: {}", target.as_str().replace('_', " ")),
        ),
        EventKind::SlaNeverDue { target } => (
            "breach",
            format!(
                "Never due: the calendar does not count the {} target (lint names the calendar)",
                target.as_str().replace('_', " ")
            ),
        ),
        EventKind::SlaLevel { target, level, to } => (
            "breach",
            format!(
                "Breach ladder level {level} ({}) → {to}",
                target.as_str().replace('_', " ")
            ),
        ),
        EventKind::Resolved { team } => ("resolved", format!("Resolved by {team}")),
        EventKind::Reopened => ("escalated", "Reopened".to_owned()),
        EventKind::Abandoned => ("breach", "The customer gave up".to_owned()),
    }
}
