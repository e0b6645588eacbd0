//! The calendars editor: id, name, time zone, 24/7, a weekly hours grid painted by click or drag, breaks, and
//! holidays.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::engine::calendar::weekly_open_minutes;
use crate::engine::calendar::{weekday_index, CalendarSpec, HolidaySpec, WeeklyHoursSpec, Zone};
use crate::engine::lint::Diagnostic;
use crate::view::week_grid::{GridUnfit, WeekGrid, DAY_KEYS, DAY_NAMES};
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{Checkbox, TextInput};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::{CalendarField, Edit, IntervalField};

#[component]
pub fn CalendarsSection(props: &SectionProps) -> Html {
    let policy = &props.workspace.policy;
    let on_add = props
        .dispatch
        .reform(|_: MouseEvent| Action::Edit(Edit::AddCalendar));
    html! {
        <section class="panel" id="section-calendars">
            <div class="panel-head"><h2>{ "Calendars" }</h2>
                <p>{ "When teams work: business-time SLAs only run while their calendar is open." }</p></div>
            <div class="panel-body cal-list">
                if policy.calendars.is_empty() {
                    <p class="hint">{ "No calendars: every team works around the clock." }</p>
                }
                { for policy.calendars.iter().enumerate().map(|(index, spec)| {
                    let used_by: Vec<String> = policy.teams.iter()
                        .filter(|team| team.calendar.as_deref() == Some(spec.id.as_str()))
                        .map(|team| team.name.clone())
                        .collect();
                    html! {
                        <CalendarCard key={index} {index} spec={spec.clone()} {used_by}
                            diagnostics={props.diagnostics.clone()} dispatch={props.dispatch.clone()} />
                    }
                }) }
                <button type="button" class="cal-add" onclick={on_add} data-testid="calendar-add">{ "Add calendar" }</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CalendarCardProps {
    index: usize,
    spec: CalendarSpec,
    /// Names of the teams that work on this calendar.
    used_by: Vec<String>,
    diagnostics: Rc<Vec<Diagnostic>>,
    dispatch: Callback<Action>,
}

/// Dispatches an edit of calendar `index`'s own fields; consecutive edits of one field are one undo step.
fn edit_calendar(dispatch: &Callback<Action>, index: usize, field: CalendarField) {
    dispatch.emit(Action::Edit(Edit::SetCalendar {
        calendar: index,
        field,
    }));
}

#[component]
fn CalendarCard(props: &CalendarCardProps) -> Html {
    let index = props.index;
    let spec = &props.spec;
    let path = format!("calendars[{index}]");
    // Typed zone text that does not parse yet, with the reason; the policy keeps its last valid zone.
    let zone_draft = use_state(|| None::<(String, String)>);
    // Hours set aside while the calendar is 24/7, restored when it is switched off again.
    let stashed_hours = use_state(Vec::<WeeklyHoursSpec>::new);

    let on_id = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |text: String| edit_calendar(&dispatch, index, CalendarField::Id(text)))
    };
    let on_name = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |text: String| {
            edit_calendar(&dispatch, index, CalendarField::Name(text))
        })
    };
    let on_zone = {
        let dispatch = props.dispatch.clone();
        let zone_draft = zone_draft.clone();
        Callback::from(move |text: String| match Zone::parse(&text) {
            Ok(_) => {
                zone_draft.set(None);
                edit_calendar(&dispatch, index, CalendarField::TimeZone(text));
            }
            Err(error) => zone_draft.set(Some((text, error.to_string()))),
        })
    };
    let on_always_open = {
        let dispatch = props.dispatch.clone();
        let stashed_hours = stashed_hours.clone();
        let hours = spec.hours.clone();
        Callback::from(move |always_open: bool| {
            let restored = if always_open {
                stashed_hours.set(hours.clone());
                Vec::new()
            } else {
                (*stashed_hours).clone()
            };
            edit_calendar(
                &dispatch,
                index,
                CalendarField::AlwaysOpen {
                    open: always_open,
                    hours: restored,
                },
            );
        })
    };
    let on_remove = props
        .dispatch
        .reform(move |_: MouseEvent| Action::Edit(Edit::RemoveCalendar(index)));

    let (zone_text, zone_error) = match &*zone_draft {
        Some((text, error)) => (text.clone(), Some(error.clone())),
        None => (spec.time_zone.clone(), None),
    };
    let title = if spec.name.is_empty() {
        spec.id.clone()
    } else {
        spec.name.clone()
    };
    html! {
        <article class="cal-card" data-testid={format!("calendar-{index}")} aria-label={format!("Calendar {title}")}>
            <div class="cal-fields">
                <label class="cal-field">{ "Id" }
                    <TextInput value={spec.id.clone()} on_change={on_id} label="Calendar id"
                        invalid={spec.id.trim().is_empty()} testid={format!("calendar-id-{index}")} />
                </label>
                <label class="cal-field">{ "Name" }
                    <TextInput value={spec.name.clone()} on_change={on_name} label="Calendar name"
                        placeholder="e.g. Berlin office" testid={format!("calendar-name-{index}")} />
                </label>
                <label class="cal-field">{ "Time zone" }
                    <TextInput value={zone_text} on_change={on_zone} label="Time zone"
                        placeholder="UTC, +02:00 or Europe/Berlin" invalid={zone_error.is_some()}
                        testid={format!("calendar-zone-{index}")} />
                </label>
                <Checkbox checked={spec.always_open} on_change={on_always_open} label="Open 24/7"
                    testid={format!("calendar-always-open-{index}")} />
                <button type="button" class="cal-remove" onclick={on_remove}
                    aria-label={format!("Remove calendar {title}")} data-testid={format!("calendar-remove-{index}")}>{ "Remove" }</button>
            </div>
            if let Some(error) = zone_error {
                <p class="cal-error" role="alert" data-testid={format!("calendar-zone-error-{index}")}>{ error }</p>
            }
            { diagnostics::inline_exact(&props.diagnostics, &path) }
            { diagnostics::inline(&props.diagnostics, &format!("{path}.id")) }
            { diagnostics::inline(&props.diagnostics, &format!("{path}.time_zone")) }
            if !props.used_by.is_empty() {
                <p class="hint">{ format!("Used by {}", props.used_by.join(", ")) }</p>
            }
            <WeeklyHours {index} spec={spec.clone()} dispatch={props.dispatch.clone()} />
            { diagnostics::inline(&props.diagnostics, &format!("{path}.always_open")) }
            { diagnostics::inline(&props.diagnostics, &format!("{path}.hours")) }
            <div class="cal-breaks">
                <h3>{ "Breaks" }</h3>
                if spec.breaks.is_empty() {
                    <p class="hint">{ "No breaks. A break, such as lunch, is taken out of the hours above." }</p>
                }
                <IntervalRows {index} hours={spec.breaks.clone()} breaks=true dispatch={props.dispatch.clone()} />
            </div>
            { diagnostics::inline(&props.diagnostics, &format!("{path}.breaks")) }
            <Holidays {index} holidays={spec.holidays.clone()} dispatch={props.dispatch.clone()} />
            { diagnostics::inline(&props.diagnostics, &format!("{path}.holidays")) }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct WeeklyHoursProps {
    index: usize,
    spec: CalendarSpec,
    dispatch: Callback<Action>,
}

/// `"40 h"` or `"41 h 15 min"`.
fn hours_text(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest} min", minutes / 60),
    }
}

#[component]
fn WeeklyHours(props: &WeeklyHoursProps) -> Html {
    let index = props.index;
    let spec = &props.spec;
    // Whether the person chose the interval rows although the grid could show these hours.
    let prefer_rows = use_state(|| false);
    let total = if spec.always_open {
        Some(7 * 24 * 60)
    } else {
        weekly_open_minutes(spec).ok()
    };
    let total = html! {
        <p class="cal-total" data-testid={format!("calendar-total-{index}")}>
            { match total {
                Some(minutes) => format!("Open {} per week", hours_text(minutes)),
                None => "Weekly hours cannot be counted until the intervals are valid".to_owned(),
            } }
        </p>
    };
    if spec.always_open {
        return html! {
            <div class="cal-hours">
                <p class="hint">{ "Open around the clock; holidays still close their whole day. Switch off 24/7 to set hours." }</p>
                { total }
            </div>
        };
    }
    let rows = html! { <IntervalRows {index} hours={spec.hours.clone()} dispatch={props.dispatch.clone()} /> };
    let body = match WeekGrid::from_hours(&spec.hours) {
        Ok(grid) => {
            let toggle = {
                let prefer_rows = prefer_rows.clone();
                Callback::from(move |_: MouseEvent| prefer_rows.set(!*prefer_rows))
            };
            html! {
                <>
                    <button type="button" class="cal-view-switch" onclick={toggle}
                        data-testid={format!("calendar-view-{index}")}>
                        { if *prefer_rows { "Edit on the grid" } else { "Edit as intervals" } }
                    </button>
                    if *prefer_rows { { rows } } else {
                        <HoursGrid {index} {grid} dispatch={props.dispatch.clone()} />
                    }
                </>
            }
        }
        Err(GridUnfit::NotWholeHours { .. }) => {
            let dispatch = props.dispatch.clone();
            let prefer_rows = prefer_rows.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                prefer_rows.set(false);
                dispatch.emit(Action::Edit(Edit::RoundHoursToGrid(index)));
            });
            html! {
                <>
                    <p class="cal-notice" data-testid={format!("calendar-part-hours-{index}")}>
                        { "Some hours start or end between whole hours, so they are edited as intervals here. " }
                        <button type="button" {onclick} data-testid={format!("calendar-round-{index}")}>
                            { "Use the hourly grid (rounds part-hours outwards)" }
                        </button>
                    </p>
                    { rows }
                </>
            }
        }
        Err(GridUnfit::Invalid(_)) => html! {
            <>
                <p class="cal-notice">{ "These intervals are not valid yet (see the finding below); fix them here to use the grid." }</p>
                { rows }
            </>
        },
    };
    html! {
        <div class="cal-hours">
            <h3>{ "Weekly hours" }</h3>
            { body }
            { total }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct IntervalRowsProps {
    index: usize,
    hours: Vec<WeeklyHoursSpec>,
    /// The rows are the calendar's breaks rather than its opening hours.
    #[prop_or_default]
    breaks: bool,
    dispatch: Callback<Action>,
}

/// Dispatches an edit of `hours[interval]` (or `breaks[interval]`) of calendar `index`.
fn edit_interval(
    dispatch: &Callback<Action>,
    index: usize,
    (interval, breaks): (usize, bool),
    field: IntervalField,
) {
    let calendar = index;
    dispatch.emit(Action::Edit(if breaks {
        Edit::SetBreak {
            calendar,
            interval,
            field,
        }
    } else {
        Edit::SetInterval {
            calendar,
            interval,
            field,
        }
    }));
}

#[component]
fn IntervalRows(props: &IntervalRowsProps) -> Html {
    let index = props.index;
    let dispatch = &props.dispatch;
    let breaks = props.breaks;
    let (noun, kind) = if breaks {
        ("Break", "break")
    } else {
        ("Interval", "interval")
    };
    let row = |interval: usize, hours: &WeeklyHoursSpec| -> Html {
        let listed: Vec<Option<usize>> = hours.days.iter().map(|day| weekday_index(day)).collect();
        let day_button = |day: usize| -> Html {
            let on = listed.contains(&Some(day));
            let dispatch = dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                edit_interval(
                    &dispatch,
                    index,
                    (interval, breaks),
                    IntervalField::Day { day, listed: !on },
                )
            });
            html! {
                <button type="button" class={classes!("cal-day", on.then_some("cal-open"))} aria-pressed={on.to_string()}
                    aria-label={format!("{} in {kind} {}", DAY_NAMES[day], interval + 1)} {onclick}
                    data-testid={format!("calendar-{kind}-{index}-{interval}-{}", DAY_KEYS[day])}>
                    { &DAY_NAMES[day][..2] }
                </button>
            }
        };
        let time_input = |field: &'static str, value: &str| -> Html {
            let dispatch = dispatch.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let text = input.value();
                if !text.is_empty() {
                    let field = if field == "from" {
                        IntervalField::From(text)
                    } else {
                        IntervalField::To(text)
                    };
                    edit_interval(&dispatch, index, (interval, breaks), field);
                }
            });
            let label = match (field == "from", breaks) {
                (true, false) => "Opens at",
                (false, false) => "Closes at",
                (true, true) => "Starts at",
                (false, true) => "Ends at",
            };
            html! {
                <input type="time" class="cal-time" value={value.to_owned()} {oninput}
                    aria-label={format!("{noun} {}: {label}", interval + 1)}
                    data-testid={format!("calendar-{kind}-{index}-{interval}-{field}")} />
            }
        };
        let unknown: Vec<&str> = hours
            .days
            .iter()
            .zip(&listed)
            .filter(|(_, parsed)| parsed.is_none())
            .map(|(text, _)| text.as_str())
            .collect();
        let on_remove = dispatch.reform(move |_: MouseEvent| {
            Action::Edit(if breaks {
                Edit::RemoveBreak {
                    calendar: index,
                    interval,
                }
            } else {
                Edit::RemoveInterval {
                    calendar: index,
                    interval,
                }
            })
        });
        html! {
            <li class="cal-interval" data-testid={format!("calendar-{kind}-{index}-{interval}")}>
                <span class="cal-days" role="group" aria-label={format!("Days of {kind} {}", interval + 1)}>
                    { for (0..7).map(day_button) }
                </span>
                { time_input("from", &hours.from) }
                <span aria-hidden="true">{ "→" }</span>
                { time_input("to", &hours.to) }
                if !unknown.is_empty() {
                    <span class="cal-error">{ format!("unknown days: {}", unknown.join(", ")) }</span>
                }
                <button type="button" class="cal-remove" onclick={on_remove}
                    aria-label={format!("Remove {kind} {}", interval + 1)}
                    data-testid={format!("calendar-{kind}-remove-{index}-{interval}")}>{ "×" }</button>
            </li>
        }
    };
    let on_add = dispatch.reform(move |_: MouseEvent| {
        Action::Edit(if breaks {
            Edit::AddBreak(index)
        } else {
            Edit::AddInterval(index)
        })
    });
    html! {
        <>
            if !breaks {
                <p class="hint">{ "An interval whose closing time is not after its opening time runs overnight into the next day." }</p>
            }
            <ul class="cal-intervals" data-testid={format!("calendar-{kind}s-{index}")}>
                { for props.hours.iter().enumerate().map(|(interval, hours)| row(interval, hours)) }
            </ul>
            <button type="button" onclick={on_add} data-testid={format!("calendar-{kind}-add-{index}")}>{ format!("Add {kind}") }</button>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct HoursGridProps {
    index: usize,
    grid: WeekGrid,
    dispatch: Callback<Action>,
}

fn cell_id(index: usize, day: usize, hour: usize) -> String {
    format!("cal-{index}-cell-{day}-{hour}")
}

fn focus_element(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    {
        // Focus failing only means the cell is not focusable right now; nothing to recover.
        let _ = element.focus();
    }
}

/// Sets one hour of the latest workspace's calendar (not the rendered snapshot, so a drag builds on itself).
fn set_hour(
    dispatch: &Callback<Action>,
    index: usize,
    stroke: u32,
    day: usize,
    hour: usize,
    open: bool,
) {
    dispatch.emit(Action::Edit(Edit::PaintHour {
        calendar: index,
        stroke,
        day,
        hour,
        open,
    }));
}

/// 7 × 24 toggle buttons. A pointer stroke paints the state opposite to the cell where it started and is
/// one undo step; the keyboard moves with the arrow keys (one tab stop) and toggles with Space or Enter.
#[component]
fn HoursGrid(props: &HoursGridProps) -> Html {
    let index = props.index;
    let grid = props.grid;
    // The value being painted while a pointer button is held.
    let painting: Rc<RefCell<Option<bool>>> = use_mut_ref(|| None);
    // Counts strokes so that each stroke (or keyboard toggle) is its own undo step.
    let strokes: Rc<RefCell<u32>> = use_mut_ref(|| 0);
    let focused = use_state(|| (0usize, 9usize));

    let next_stroke = {
        let strokes = strokes.clone();
        move || {
            let mut count = strokes.borrow_mut();
            *count += 1;
            *count
        }
    };
    let on_pointer_up = {
        let painting = painting.clone();
        Callback::from(move |_: PointerEvent| *painting.borrow_mut() = None)
    };
    let cell = |day: usize, hour: usize| -> Html {
        let open = grid.is_open(day, hour);
        let onpointerdown = {
            let painting = painting.clone();
            let dispatch = props.dispatch.clone();
            let next_stroke = next_stroke.clone();
            Callback::from(move |event: PointerEvent| {
                if event.button() != 0 {
                    return;
                }
                if let Some(target) = event.target_dyn_into::<Element>() {
                    // Touch and pen capture the pointer implicitly; release it so the stroke reaches other cells.
                    let _ = target.release_pointer_capture(event.pointer_id());
                }
                *painting.borrow_mut() = Some(!open);
                set_hour(&dispatch, index, next_stroke(), day, hour, !open);
            })
        };
        let onpointerenter = {
            let painting = painting.clone();
            let dispatch = props.dispatch.clone();
            let strokes = strokes.clone();
            Callback::from(move |event: PointerEvent| {
                if event.buttons() & 1 == 0 {
                    *painting.borrow_mut() = None;
                    return;
                }
                let value = *painting.borrow();
                if let Some(value) = value {
                    if value != open {
                        set_hour(&dispatch, index, *strokes.borrow(), day, hour, value);
                    }
                }
            })
        };
        let onclick = {
            let dispatch = props.dispatch.clone();
            let next_stroke = next_stroke.clone();
            Callback::from(move |event: MouseEvent| {
                // Pointer clicks were handled on pointerdown; detail 0 is a keyboard activation.
                if event.detail() == 0 {
                    set_hour(&dispatch, index, next_stroke(), day, hour, !open);
                }
            })
        };
        let onkeydown = Callback::from(move |event: KeyboardEvent| {
            let target = match event.key().as_str() {
                "ArrowLeft" => (day, hour.checked_sub(1)),
                "ArrowRight" => (day, Some(hour + 1).filter(|next| *next < 24)),
                "ArrowUp" => (day.wrapping_sub(1), Some(hour)),
                "ArrowDown" => (day + 1, Some(hour)),
                "Home" => (day, Some(0)),
                "End" => (day, Some(23)),
                _ => return,
            };
            event.prevent_default();
            if let (target_day, Some(target_hour)) = target {
                if target_day < 7 {
                    focus_element(&cell_id(index, target_day, target_hour));
                }
            }
        });
        let onfocus = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set((day, hour)))
        };
        let label = format!(
            "{} {:02}:00–{:02}:00 {}",
            DAY_NAMES[day],
            hour,
            hour + 1,
            if open { "open" } else { "closed" }
        );
        let tabindex = if *focused == (day, hour) { "0" } else { "-1" };
        html! {
            <td>
                <button type="button" id={cell_id(index, day, hour)}
                    class={classes!("cal-cell", open.then_some("cal-open"))}
                    aria-pressed={open.to_string()} aria-label={label} {tabindex}
                    data-testid={format!("calendar-cell-{index}-{}-{hour}", DAY_KEYS[day])}
                    {onpointerdown} {onpointerenter} {onclick} {onkeydown} {onfocus} />
            </td>
        }
    };
    html! {
        <table class="cal-grid" role="grid" aria-label="Weekly opening hours: arrow keys move, Space toggles an hour"
            onpointerup={on_pointer_up} data-testid={format!("calendar-grid-{index}")}>
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">{ "Day" }</span></th>
                    { for (0..24).map(|hour| html! {
                        <th scope="col" class="cal-hour-head" aria-label={format!("{hour:02}:00")}>
                            { if hour % 3 == 0 { format!("{hour:02}") } else { String::new() } }
                        </th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for (0..7).map(|day| html! {
                    <tr>
                        <th scope="row" class="cal-day-head">{ &DAY_NAMES[day][..3] }</th>
                        { for (0..24).map(|hour| cell(day, hour)) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct HolidaysProps {
    index: usize,
    holidays: Vec<HolidaySpec>,
    dispatch: Callback<Action>,
}

#[component]
fn Holidays(props: &HolidaysProps) -> Html {
    let index = props.index;
    let new_date = use_state(String::new);
    let new_name = use_state(String::new);
    let duplicate = props
        .holidays
        .iter()
        .any(|holiday| holiday.date == *new_date);
    let on_date = {
        let new_date = new_date.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            new_date.set(input.value());
        })
    };
    let on_name = {
        let new_name = new_name.clone();
        Callback::from(move |text: String| new_name.set(text))
    };
    let on_add = {
        let dispatch = props.dispatch.clone();
        let new_date = new_date.clone();
        let new_name = new_name.clone();
        Callback::from(move |_: MouseEvent| {
            let date = (*new_date).clone();
            let name = Some(new_name.trim().to_owned()).filter(|name| !name.is_empty());
            dispatch.emit(Action::Edit(Edit::AddHoliday {
                calendar: index,
                date,
                name,
            }));
            new_date.set(String::new());
            new_name.set(String::new());
        })
    };
    html! {
        <div class="cal-holidays">
            <h3>{ "Holidays" }</h3>
            if props.holidays.is_empty() {
                <p class="hint">{ "No holidays." }</p>
            }
            <ul class="cal-holiday-list" data-testid={format!("calendar-holidays-{index}")}>
                { for props.holidays.iter().enumerate().map(|(position, holiday)| {
                    let dispatch = props.dispatch.clone();
                    let onclick = dispatch.reform(move |_: MouseEvent| {
                        Action::Edit(Edit::RemoveHoliday { calendar: index, holiday: position })
                    });
                    let text = match &holiday.name {
                        Some(name) => format!("{} — {name}", holiday.date),
                        None => holiday.date.clone(),
                    };
                    html! {
                        <li>
                            <span>{ text.clone() }</span>
                            <button type="button" class="cal-remove" {onclick} aria-label={format!("Remove holiday {text}")}
                                data-testid={format!("calendar-holiday-remove-{index}-{position}")}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="cal-holiday-add">
                <input type="date" value={(*new_date).clone()} oninput={on_date} aria-label="Holiday date"
                    data-testid={format!("calendar-holiday-date-{index}")} />
                <TextInput value={(*new_name).clone()} on_change={on_name} label="Holiday name (optional)"
                    placeholder="Name (optional)" testid={format!("calendar-holiday-name-{index}")} />
                <button type="button" onclick={on_add} disabled={new_date.is_empty() || duplicate}
                    data-testid={format!("calendar-holiday-add-{index}")}>{ "Add holiday" }</button>
                if duplicate {
                    <span class="hint">{ "That day is already a holiday." }</span>
                }
            </div>
        </div>
    }
}
