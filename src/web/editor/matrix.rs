//! The escalation matrix as a grid: rows are category × priority, columns the levels, each cell a team and a threshold.

use yew::prelude::*;

use crate::engine::duration::Duration;
use crate::engine::policy::{Direction, TimeBasis, WILDCARD};
use crate::engine::ticket::Priority;
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{DurationInput, Select};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, MatrixCellField, MatrixRowField};

/// A callback that sets one field of matrix row `row`.
fn row_field<T: 'static>(
    dispatch: &Callback<Action>,
    row: usize,
    field: impl Fn(T) -> MatrixRowField + 'static,
) -> Callback<T> {
    dispatch.reform(move |value: T| {
        Action::Edit(Edit::SetMatrixRow {
            row,
            field: field(value),
        })
    })
}

/// A callback that sets one field of level `level` of matrix row `row`.
fn cell_field<T: 'static>(
    dispatch: &Callback<Action>,
    row: usize,
    level: usize,
    field: impl Fn(T) -> MatrixCellField + 'static,
) -> Callback<T> {
    dispatch.reform(move |value: T| {
        Action::Edit(Edit::SetMatrixCell {
            row,
            level,
            field: field(value),
        })
    })
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
        let on_category = row_field(dispatch, r, MatrixRowField::Category);
        let on_priority = row_field(dispatch, r, MatrixRowField::Priority);
        let on_first = row_field(dispatch, r, |v: String| MatrixRowField::First(Some(v).filter(|v| !v.is_empty())));
        let cells = (0..columns).map(|l| {
            let Some(level) = row.levels.get(l) else {
                return html! { <td class="matrix-cell empty"></td> };
            };
            let on_team = cell_field(dispatch, r, l, MatrixCellField::To);
            let on_after = {
                let d = dispatch.clone();
                Callback::from(move |v: Option<Duration>| if let Some(v) = v {
                    d.emit(Action::Edit(Edit::SetMatrixCell { row: r, level: l, field: MatrixCellField::After(v) }))
                })
            };
            let on_kind = cell_field(dispatch, r, l, |v: String| MatrixCellField::Kind(if v == "functional" { Direction::Functional } else { Direction::Hierarchical }));
            let on_basis = cell_field(dispatch, r, l, |v: String| MatrixCellField::Time(if v == "calendar" { TimeBasis::Calendar } else { TimeBasis::Business }));
            let on_remove = dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::RemoveMatrixLevel { row: r, level: l }));
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
        let on_add_level = dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::AddMatrixLevel { row: r }));
        let move_row = |delta: isize| {
            let to = r.checked_add_signed(delta).unwrap_or(r);
            dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::MoveMatrixRow { from: r, to }))
        };
        let on_remove_row = dispatch.reform(move |_: MouseEvent| Action::Edit(Edit::RemoveMatrixRow(r)));
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
    let on_add_row = dispatch.reform(|_: MouseEvent| Action::Edit(Edit::AddMatrixRow));
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
