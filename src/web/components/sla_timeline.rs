//! A small SVG timeline of a ticket's SLA due instants, warnings and planned escalations, with out-of-hours time shaded.

use yew::prelude::*;

use crate::engine::calendar::Calendar;
use crate::engine::decision::Decision;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::BreachAction;
use crate::engine::sla::WaitSpan;
use crate::engine::time::{Instant, DAY, HOUR};
use crate::view::time_axis::day_ticks;
use crate::web::format;
use crate::web::policy_handle::PolicyHandle;
use crate::web::shown_zone::use_shown_zone;

#[derive(Properties, PartialEq)]
pub struct SlaTimelineProps {
    pub decision: Decision,
    pub created: Instant,
    /// The policy, for the calendar the SLA counts business time on.
    pub policy: PolicyHandle,
    /// Spans the ticket waited (from its history), drawn across the rows.
    #[prop_or_default]
    pub waiting: Vec<WaitSpan>,
}

const WIDTH: f64 = 1000.0;
const LABEL_WIDTH: f64 = 170.0;
const ROW_HEIGHT: f64 = 34.0;
const AXIS_HEIGHT: f64 = 26.0;

/// Average width of a label character in viewBox units, to keep labels from overlapping.
const CHAR_WIDTH: f64 = 6.2;

struct Marker {
    at: Instant,
    /// Short text beside the dot.
    label: String,
    /// Whether the dot gets a text label (warnings show as dots only).
    labelled: bool,
    /// Full sentence for the agenda under the chart.
    describe: String,
    class: &'static str,
}

struct Row {
    title: String,
    markers: Vec<Marker>,
}

#[component]
pub fn SlaTimeline(props: &SlaTimelineProps) -> Html {
    let zone = use_shown_zone();
    let rows = timeline_rows(&props.decision);
    let Some(sla) = &props.decision.sla else {
        return html! { <section class="panel"><p class="empty">{ "No SLA policy applies to this ticket." }</p></section> };
    };
    let start = props.created;
    let last = rows
        .iter()
        .flat_map(|row| row.markers.iter().map(|m| m.at))
        .chain(props.waiting.iter().map(|span| span.to))
        .max()
        .unwrap_or(start.plus(DAY));
    let span = (last.seconds_since(start) as f64 * 1.08).max(4.0 * HOUR as f64);
    let end = start.plus(span as i64);
    let x = |at: Instant| {
        LABEL_WIDTH + (at.seconds_since(start) as f64 / span) * (WIDTH - LABEL_WIDTH - 10.0)
    };
    let height = AXIS_HEIGHT + ROW_HEIGHT * rows.len() as f64 + 6.0;
    let plot_bottom = height - 4.0;

    let closed = sla
        .calendar
        .as_deref()
        .and_then(|id| props.policy.calendar(id))
        .map(|calendar| closed_intervals(calendar, start, end))
        .unwrap_or_default();
    let shading = closed.iter().map(|(from, to)| {
        html! { <rect class="closed" x={fmt(x(*from))} y={fmt(AXIS_HEIGHT - 4.0)} width={fmt(x(*to) - x(*from))} height={fmt(plot_bottom - AXIS_HEIGHT + 4.0)} /> }
    });
    let waiting = props.waiting.iter().map(|span| {
        let (from, to) = (span.from, span.to);
        html! {
            <rect class="waiting" data-testid="waiting-span" data-state={span.state.as_str()} x={fmt(x(from))} y={fmt(AXIS_HEIGHT - 4.0)}
                width={fmt((x(to) - x(from)).max(1.0))} height={fmt(plot_bottom - AXIS_HEIGHT + 4.0)}>
                <title>{ format!("{}, {} to {}", span.state.label(), format::instant(from, &zone), format::instant(to, &zone)) }</title>
            </rect>
        }
    });
    let ticks = day_ticks(start.0, end.0, 8, &zone).into_iter().filter(|&at| at > start.0).map(Instant).map(|at| {
        html! {
            <g class="tick">
                <line x1={fmt(x(at))} x2={fmt(x(at))} y1={fmt(AXIS_HEIGHT - 8.0)} y2={fmt(plot_bottom)} />
                <text x={fmt(x(at) + 3.0)} y="14">{ zone.local(at.0).format("%a %-d %b").to_string() }</text>
            </g>
        }
    });
    let row_views = rows.iter().enumerate().map(|(index, row)| {
        let y = AXIS_HEIGHT + ROW_HEIGHT * index as f64 + ROW_HEIGHT / 2.0;
        let mut last_label_end = f64::MIN;
        let markers = row.markers.iter().map(|marker| {
            let cx = x(marker.at);
            let text = format!("{} {}", marker.label, format::instant_near(marker.at, start, &zone));
            let text_width = text.chars().count() as f64 * CHAR_WIDTH;
            let right_aligned = cx + 8.0 + text_width > WIDTH;
            let (text_x, anchor, from, to) = if right_aligned {
                (cx - 8.0, "end", cx - 8.0 - text_width, cx)
            } else {
                (cx + 8.0, "start", cx, cx + 8.0 + text_width)
            };
            let labelled = marker.labelled && from > last_label_end;
            if labelled {
                last_label_end = to + 6.0;
            }
            html! {
                <g class={classes!("marker", marker.class)}>
                    <title>{ format!("{} — {}", marker.label, format::instant(marker.at, &zone)) }</title>
                    <circle cx={fmt(cx)} cy={fmt(y)} r="5" />
                    if labelled {
                        <text x={fmt(text_x)} y={fmt(y + 4.0)} text-anchor={anchor}>{ text }</text>
                    }
                </g>
            }
        });
        html! {
            <g class="row">
                <line class="row-line" x1={fmt(LABEL_WIDTH)} x2={fmt(WIDTH - 10.0)} y1={fmt(y)} y2={fmt(y)} />
                <text class="row-title" x="0" y={fmt(y + 4.0)}>{ row.title.clone() }</text>
                { for markers }
            </g>
        }
    });
    let mut agenda: Vec<(Instant, String, &'static str)> = rows
        .iter()
        .flat_map(|row| {
            row.markers.iter().map(move |marker| {
                (
                    marker.at,
                    format!("{}: {}", row.title, marker.describe),
                    marker.class,
                )
            })
        })
        .collect();
    agenda.sort_by_key(|(at, _, _)| *at);
    let basis = match &sla.calendar {
        Some(calendar) => format!("business time on calendar {calendar}; shaded = closed"),
        None => "calendar time (around the clock)".to_owned(),
    };
    html! {
        <section class="panel">
            <div class="panel-head">
                <h2>{ "SLA timeline" }</h2>
                <p>{ format!("{} — {basis}; times in {}", sla.name, zone.name()) }</p>
            </div>
            <div class="panel-body">
                <svg class="timeline" data-testid="sla-timeline" viewBox={format!("0 0 {WIDTH} {}", fmt(height))} role="img"
                    aria-label="SLA due instants and planned escalations">
                    { for shading }
                    { for waiting }
                    { for ticks }
                    <line class="now" x1={fmt(x(start))} x2={fmt(x(start))} y1={fmt(AXIS_HEIGHT - 8.0)} y2={fmt(plot_bottom)} />
                    { for row_views }
                </svg>
                <ol class="agenda" data-testid="sla-agenda">
                    { for agenda.iter().map(|(at, text, class)| html! {
                        <li class={*class}><span class="when">{ format::instant(*at, &zone) }</span>{ text.clone() }</li>
                    }) }
                </ol>
                <ul class="due-list" data-testid="due-list">
                    { for sla.targets.iter().map(|target| html! {
                        <li data-target={target.target.as_str()}>
                            <strong>{ format::capitalise(target.target.as_str()) }</strong>
                            { format!(" within {}", crate::format::seconds(target.seconds)) }
                            { match target.due {
                                Some(due) => html! { <>{ " — due " }<span class="due">{ format::instant(due, &zone) }</span></> },
                                None if target.target == SlaTarget::NextUpdate => html! { <span class="hint">{ " — counted from each reply" }</span> },
                                None => html! { <span class="never-due" data-testid="never-due">{ " — never due: its calendar does not count this target (see the policy's findings)" }</span> },
                            } }
                        </li>
                    }) }
                </ul>
            </div>
        </section>
    }
}

fn timeline_rows(decision: &Decision) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(sla) = &decision.sla {
        for target in &sla.targets {
            let Some(due) = target.due else { continue };
            let mut markers: Vec<Marker> = target
                .warnings
                .iter()
                .map(|warning| Marker {
                    at: warning.at,
                    label: format!("{}%", warning.percent),
                    labelled: false,
                    describe: format!("warning at {}% of the target", warning.percent),
                    class: "warning",
                })
                .collect();
            markers.push(Marker {
                at: due,
                label: "due".to_owned(),
                labelled: true,
                describe: "due (breached if not met by then)".to_owned(),
                class: "due",
            });
            rows.push(Row {
                title: format::capitalise(target.target.as_str()),
                markers,
            });
        }
        if !sla.breach_ladder.is_empty() {
            rows.push(Row {
                title: "On breach".to_owned(),
                markers: sla
                    .breach_ladder
                    .iter()
                    .map(|level| Marker {
                        at: level.at,
                        label: format!("→ {}", level.team),
                        labelled: true,
                        describe: format!(
                            "{} missed → {} {}",
                            format::capitalise(level.target.as_str()).to_lowercase(),
                            match level.action {
                                BreachAction::Escalate => "escalate to",
                                BreachAction::Notify => "notify",
                            },
                            level.team
                        ),
                        class: "breach",
                    })
                    .collect(),
            });
        }
    }
    if !decision.ladder.is_empty() {
        rows.push(Row {
            title: "If still open".to_owned(),
            markers: decision
                .ladder
                .iter()
                .map(|level| Marker {
                    at: level.at,
                    label: format!("→ {}", level.team_name),
                    labelled: true,
                    describe: format!(
                        "level {} → {} ({} escalation)",
                        level.level,
                        level.team_name,
                        level.direction.as_str()
                    ),
                    class: "ladder",
                })
                .collect(),
        });
    }
    rows
}

/// The gaps between the calendar's open intervals within [start, end).
fn closed_intervals(calendar: &Calendar, start: Instant, end: Instant) -> Vec<(Instant, Instant)> {
    let mut closed = Vec::new();
    let mut cursor = start;
    for (open_from, open_to) in calendar.open_intervals(start, end) {
        if open_from > cursor {
            closed.push((cursor, open_from));
        }
        cursor = cursor.max(open_to);
    }
    if cursor < end {
        closed.push((cursor, end));
    }
    closed
}

fn fmt(value: f64) -> String {
    format!("{value:.1}")
}
