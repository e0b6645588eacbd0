//! The escalation matrix as a grid: rows are category × priority, columns the levels, each cell a team and a threshold.

use yew::prelude::*;

use crate::engine::duration::Duration;
use crate::engine::policy::{Direction, LadderLevel, MatrixRow, TimeBasis, WILDCARD};
use crate::engine::ticket::Priority;
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{DurationInput, Select};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::Workspace;

fn row_edit(
    dispatch: &Callback<Action>,
    key: String,
    row: usize,
    apply: impl Fn(&mut MatrixRow) + 'static,
) {
    dispatch.emit(Action::edit(key, move |workspace: &mut Workspace| {
        if let Some(target) = workspace.policy.escalation_matrix.get_mut(row) {
            apply(target);
        }
    }));
}

fn level_edit(
    dispatch: &Callback<Action>,
    row: usize,
    level: usize,
    field: &str,
    apply: impl Fn(&mut LadderLevel) + 'static,
) {
    row_edit(
        dispatch,
        format!("matrix/{row}/{level}/{field}"),
        row,
        move |target| {
            if let Some(cell) = target.levels.get_mut(level) {
                apply(cell);
            }
        },
    );
}

#[component]
pub fn MatrixSection(props: &SectionProps) -> Html {
    let policy = &props.workspace.policy;
    let dispatch = &props.dispatch;
    let teams: Vec<(String, String)> = policy
        .teams
        .iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect();
    let mut categories = vec![(WILDCARD.to_owned(), "Any category".to_owned())];
    categories.extend(
        policy
            .categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone())),
    );
    let mut priorities = vec![(WILDCARD.to_owned(), "Any priority".to_owned())];
    priorities.extend(
        Priority::ALL
            .iter()
            .map(|p| (p.as_str().to_owned(), p.as_str().to_owned())),
    );
    let kinds = vec![
        ("functional".to_owned(), "→ functional".to_owned()),
        ("hierarchical".to_owned(), "↑ hierarchical".to_owned()),
    ];
    let bases = vec![
        ("business".to_owned(), "business h".to_owned()),
        ("calendar".to_owned(), "calendar".to_owned()),
    ];
    let mut first_options = vec![(String::new(), "— (rules / default)".to_owned())];
    first_options.extend(teams.iter().cloned());
    let columns = policy
        .escalation_matrix
        .iter()
        .map(|row| row.levels.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let row_count = policy.escalation_matrix.len();

    let rows = policy.escalation_matrix.iter().enumerate().map(|(r, row)| {
        let path = format!("escalation_matrix[{r}]");
        let on_category = { let d = dispatch.clone(); Callback::from(move |v: String| row_edit(&d, format!("matrix/{r}/category"), r, move |row| row.category = v.clone())) };
        let on_priority = { let d = dispatch.clone(); Callback::from(move |v: String| row_edit(&d, format!("matrix/{r}/priority"), r, move |row| row.priority = v.clone())) };
        let on_first = { let d = dispatch.clone(); Callback::from(move |v: String| row_edit(&d, format!("matrix/{r}/first"), r, move |row| row.first = (!v.is_empty()).then(|| v.clone()))) };
        let cells = (0..columns).map(|l| {
            let Some(level) = row.levels.get(l) else {
                return html! { <td class="matrix-cell empty"></td> };
            };
            let on_team = { let d = dispatch.clone(); Callback::from(move |v: String| level_edit(&d, r, l, "to", move |c| c.to = v.clone())) };
            let on_after = { let d = dispatch.clone(); Callback::from(move |v: Option<Duration>| if let Some(v) = v { level_edit(&d, r, l, "after", move |c| c.after = v) }) };
            let on_kind = { let d = dispatch.clone(); Callback::from(move |v: String| level_edit(&d, r, l, "kind", move |c| c.kind = if v == "functional" { Direction::Functional } else { Direction::Hierarchical })) };
            let on_basis = { let d = dispatch.clone(); Callback::from(move |v: String| level_edit(&d, r, l, "time", move |c| c.time = if v == "calendar" { TimeBasis::Calendar } else { TimeBasis::Business })) };
            let on_remove = {
                let d = dispatch.clone();
                Callback::from(move |_: MouseEvent| row_edit(&d, format!("matrix/{r}/{l}/remove"), r, move |row| {
                    if l < row.levels.len() {
                        row.levels.remove(l);
                    }
                }))
            };
            html! {
                <td class={classes!("matrix-cell", format!("kind-{}", level.kind.as_str()))} data-testid={format!("matrix-cell-{r}-{l}")}>
                    <Select options={teams.clone()} value={level.to.clone()} on_change={on_team}
                        label={format!("Level {} team for {} × {}", l + 1, row.category, row.priority)} testid={format!("matrix-team-{r}-{l}")} />
                    <div class="cell-line">
                        <span class="hint">{ "after" }</span>
                        <DurationInput value={Some(level.after)} on_change={on_after} label={format!("Level {} threshold", l + 1)} testid={format!("matrix-after-{r}-{l}")} />
                        <Select options={bases.clone()} value={level.time.as_str().to_owned()} on_change={on_basis} label={format!("Level {} clock", l + 1)} />
                    </div>
                    <div class="cell-line">
                        <Select options={kinds.clone()} value={level.kind.as_str().to_owned()} on_change={on_kind} label={format!("Level {} kind", l + 1)} />
                        <button class="icon-button" onclick={on_remove} aria-label={format!("Remove level {}", l + 1)} title="Remove level">{ "×" }</button>
                    </div>
                </td>
            }
        });
        let on_add_level = {
            let d = dispatch.clone();
            let first_team = teams.first().map(|t| t.0.clone()).unwrap_or_default();
            Callback::from(move |_: MouseEvent| {
                let team = first_team.clone();
                row_edit(&d, format!("matrix/{r}/add"), r, move |row| {
                    let after = row.levels.last().map(|l| Duration::from_seconds(l.after.seconds() * 2)).unwrap_or(Duration::hours(4));
                    row.levels.push(LadderLevel { to: team.clone(), after, time: TimeBasis::Business, kind: Direction::Hierarchical });
                })
            })
        };
        let move_row = |delta: isize| {
            let d = dispatch.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::edit(format!("matrix/{r}/move"), move |w: &mut Workspace| {
                let target = r as isize + delta;
                if target >= 0 && (target as usize) < w.policy.escalation_matrix.len() {
                    w.policy.escalation_matrix.swap(r, target as usize);
                }
            })))
        };
        let on_remove_row = {
            let d = dispatch.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::edit(format!("matrix/{r}/remove"), move |w: &mut Workspace| {
                if r < w.policy.escalation_matrix.len() {
                    w.policy.escalation_matrix.remove(r);
                }
            })))
        };
        html! {
            <>
            <tr data-row={r.to_string()}>
                <th scope="row" class="matrix-key">
                    <Select options={categories.clone()} value={row.category.clone()} on_change={on_category} label={format!("Row {} category", r + 1)} testid={format!("matrix-category-{r}")} />
                    <Select options={priorities.clone()} value={row.priority.clone()} on_change={on_priority} label={format!("Row {} priority", r + 1)} testid={format!("matrix-priority-{r}")} />
                    <div class="row-tools">
                        <button class="icon-button" onclick={move_row(-1)} disabled={r == 0} aria-label={format!("Move row {} up", r + 1)} title="Move up">{ "▲" }</button>
                        <button class="icon-button" onclick={move_row(1)} disabled={r + 1 == row_count} aria-label={format!("Move row {} down", r + 1)} title="Move down">{ "▼" }</button>
                        <button class="icon-button" onclick={on_add_level} aria-label={format!("Add a level to row {}", r + 1)} title="Add a level">{ "+ level" }</button>
                        <button class="icon-button" onclick={on_remove_row} aria-label={format!("Remove row {}", r + 1)} title="Remove row">{ "× row" }</button>
                    </div>
                </th>
                <td class="matrix-cell first" data-testid={format!("matrix-first-cell-{r}")}>
                    <Select options={first_options.clone()} value={row.first.clone().unwrap_or_default()} on_change={on_first}
                        label={format!("Receives {} × {} first", row.category, row.priority)} testid={format!("matrix-first-{r}")} />
                </td>
                { for cells }
            </tr>
            if diagnostics::under(&props.diagnostics, &path).next().is_some() {
                <tr class="finding-row"><td colspan={(columns + 2).to_string()}>{ diagnostics::inline(&props.diagnostics, &path) }</td></tr>
            }
            </>
        }
    });
    let on_add_row = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::edit("matrix/add", |w: &mut Workspace| {
                w.policy.escalation_matrix.push(MatrixRow {
                    category: WILDCARD.to_owned(),
                    priority: WILDCARD.to_owned(),
                    first: None,
                    levels: Vec::new(),
                });
            }))
        })
    };
    html! {
        <section class="panel" id="section-matrix">
            <div class="panel-head"><h2>{ "Escalation matrix" }</h2>
                <p>{ "For each category × priority: who receives the ticket first, and where it moves if still open after each threshold. Rows are checked top to bottom; triggers and routing rules come before the matrix." }</p></div>
            <div class="table-wrap">
                <table class="editor-table matrix" data-testid="matrix-grid">
                    <thead><tr>
                        <th>{ "Category × priority" }</th>
                        <th title="Who receives these tickets first, unless a trigger or routing rule decides earlier">{ "Receives first" }</th>
                        { for (0..columns).map(|l| html! { <th>{ format!("Level {}", l + 1) }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="panel-foot"><button onclick={on_add_row}>{ "+ Add row" }</button></div>
        </section>
    }
}
