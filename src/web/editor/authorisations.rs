//! The Authorisations form: sign-offs by amount ("a refund above 500 needs a supervisor's approval; above
//! 5,000 a manager's"), each with the categories it covers and its limits, lowest first.

use yew::prelude::*;

use crate::engine::policy::{Authorisation, Policy};
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::{Checkbox, NumberInput, Select, TextInput};
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::{AuthorisationEdit, AuthorisationField, Edit};

fn edit(index: usize, field: AuthorisationField) -> Action {
    Action::Edit(Edit::Authorisation(AuthorisationEdit::Set { index, field }))
}

fn team_options(policy: &Policy) -> Vec<(String, String)> {
    policy
        .teams
        .iter()
        .map(|team| (team.id.clone(), team.name.clone()))
        .collect()
}

/// One authorisation: its id and description, the categories it covers, and its limits.
fn authorisation_card(
    policy: &Policy,
    index: usize,
    authorisation: &Authorisation,
    dispatch: &Callback<Action>,
    findings: Html,
) -> Html {
    let on_id = dispatch.reform(move |id: String| edit(index, AuthorisationField::Id(id)));
    let on_description =
        dispatch.reform(move |text: String| edit(index, AuthorisationField::Description(text)));
    let on_remove = dispatch.reform(move |_: MouseEvent| {
        Action::Edit(Edit::Authorisation(AuthorisationEdit::Remove(index)))
    });
    let on_add_limit =
        dispatch.reform(move |_: MouseEvent| edit(index, AuthorisationField::AddLimit));
    let categories = policy.categories.iter().map(|category| {
        let id = category.id.clone();
        let covered = authorisation.categories.contains(&category.id);
        let on_change = dispatch.reform(move |covered: bool| {
            edit(
                index,
                AuthorisationField::Category {
                    category: id.clone(),
                    covered,
                },
            )
        });
        html! {
            <Checkbox checked={covered} {on_change} label={category.name.clone()}
                testid={format!("authorisation-{index}-category-{}", category.id)} />
        }
    });
    let last = authorisation.limits.len().saturating_sub(1);
    let limits = authorisation.limits.iter().enumerate().map(|(limit, rule)| {
        let on_above = dispatch.reform(move |above: f64| {
            edit(index, AuthorisationField::LimitAbove { limit, above })
        });
        let on_approver = dispatch.reform(move |team: String| {
            edit(index, AuthorisationField::LimitApprover { limit, team })
        });
        let on_remove_limit = dispatch.reform(move |_: MouseEvent| {
            edit(index, AuthorisationField::RemoveLimit(limit))
        });
        html! {
            <tr>
                <td><NumberInput value={rule.above} on_change={on_above} step={100.0}
                    label={format!("Amount above which limit {} applies", limit + 1)}
                    testid={format!("authorisation-{index}-above-{limit}")} /></td>
                <td><Select options={team_options(policy)} value={rule.approver.clone()} on_change={on_approver}
                    label={format!("Team that approves above {}", crate::format::amount(rule.above))}
                    testid={format!("authorisation-{index}-approver-{limit}")} /></td>
                <td>if last > 0 {
                    <button onclick={on_remove_limit} aria-label={format!("Remove the limit above {}", crate::format::amount(rule.above))}
                        data-testid={format!("authorisation-{index}-remove-limit-{limit}")}>{ "Remove" }</button>
                }</td>
            </tr>
        }
    });
    html! {
        <div class="authorisation" data-testid={format!("authorisation-{index}")}>
            <label class="control-row"><span>{ "Id" }</span>
                <TextInput value={authorisation.id.clone()} on_change={on_id} label="Authorisation id"
                    testid={format!("authorisation-{index}-id")} /></label>
            <label class="control-row"><span>{ "Description" }</span>
                <TextInput value={authorisation.description.clone()} on_change={on_description}
                    label="What the authorisation is for" placeholder="Refunds need sign-off by amount"
                    testid={format!("authorisation-{index}-description")} /></label>
            <fieldset class="authorisation-categories">
                <legend>{ "Categories (none ticked: every category)" }</legend>
                { for categories }
            </fieldset>
            <table class="editor-table" data-testid={format!("authorisation-{index}-limits")}>
                <caption>{ "Above this amount, this team approves (the highest limit exceeded counts)" }</caption>
                <thead><tr><th>{ "Amount above" }</th><th>{ "Approved by" }</th><th></th></tr></thead>
                <tbody>{ for limits }</tbody>
            </table>
            <button onclick={on_add_limit} data-testid={format!("authorisation-{index}-add-limit")}>{ "+ Add a higher limit" }</button>
            { " " }
            <button onclick={on_remove} data-testid={format!("authorisation-{index}-remove")}>{ "Remove this authorisation" }</button>
            { findings }
        </div>
    }
}

#[component]
pub fn AuthorisationsSection(props: &SectionProps) -> Html {
    let policy = &props.workspace.policy;
    let dispatch = &props.dispatch;
    let on_add =
        dispatch.reform(|_: MouseEvent| Action::Edit(Edit::Authorisation(AuthorisationEdit::Add)));
    html! {
        <section class="panel" id="section-authorisations" data-testid="authorisations">
            <div class="panel-head"><h2>{ "Authorisations" }</h2>
                <p>{ "Sign-off by amount: when the owner would finish the ticket, it goes up to the approver's queue, and back to the owner once approved." }</p></div>
            <div class="panel-body">
                if policy.authorisations.is_empty() {
                    <p class="hint">{ "No authorisations: a ticket's amount needs nobody's approval." }</p>
                }
                { for policy.authorisations.iter().enumerate().map(|(index, authorisation)| {
                    let findings = diagnostics::inline(&props.diagnostics, &format!("authorisations[{index}]"));
                    authorisation_card(policy, index, authorisation, dispatch, findings)
                }) }
                <button onclick={on_add} data-testid="add-authorisation">{ "+ Add an authorisation" }</button>
            </div>
        </section>
    }
}
