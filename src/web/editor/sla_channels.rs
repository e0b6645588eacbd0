//! An SLA policy's targets per channel: a row per channel with targets of its own (a chat answered within a
//! minute whatever its priority), each target left empty for the priority's, added and removed.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::inputs::{DurationInput, Select};
use super::sla::{sla_field, target_label};
use crate::engine::duration::Duration;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::ChannelTargets;
use crate::engine::ticket::Channel;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, SlaField};

#[derive(Properties, PartialEq)]
pub struct ChannelTargetsTableProps {
    pub index: usize,
    pub channels: BTreeMap<Channel, ChannelTargets>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ChannelTargetsTable(props: &ChannelTargetsTableProps) -> Html {
    let index = props.index;
    let dispatch = &props.dispatch;
    let rows = props.channels.iter().map(|(&channel, targets)| {
        let cells = SlaTarget::ALL.into_iter().map(|target| {
            let on_change = sla_field(dispatch, index, move |value: Option<Duration>| SlaField::ChannelTarget {
                channel,
                target,
                value,
            });
            html! {
                <td>
                    <DurationInput value={targets.get(target)} {on_change} optional=true placeholder="priority's"
                        label={format!("{} target for {} tickets", target_label(target), channel.as_str())}
                        testid={format!("sla-channel-target-{index}-{}-{}", channel.as_str(), target.as_str())} />
                </td>
            }
        });
        let on_remove = sla_field(dispatch, index, move |_: MouseEvent| SlaField::ChannelTargets { channel, own: false });
        html! {
            <tr key={channel.as_str()}>
                <th scope="row" class="sla-priority">{ channel.as_str() }</th>
                { for cells }
                <td><button type="button" class="cal-remove" onclick={on_remove}
                    aria-label={format!("{} back to the priorities' targets", channel.as_str())}
                    data-testid={format!("sla-channel-remove-{index}-{}", channel.as_str())}>{ "Remove" }</button></td>
            </tr>
        }
    });
    let addable: Vec<(String, String)> =
        std::iter::once((String::new(), "Targets of their own for…".to_owned()))
            .chain(
                Channel::ALL
                    .into_iter()
                    .filter(|channel| !props.channels.contains_key(channel))
                    .map(|channel| (channel.as_str().to_owned(), channel.as_str().to_owned())),
            )
            .collect();
    let on_add = {
        let dispatch = dispatch.clone();
        Callback::from(move |value: String| {
            if let Some(channel) = Channel::ALL
                .into_iter()
                .find(|channel| channel.as_str() == value)
            {
                dispatch.emit(Action::Edit(Edit::SetSla {
                    sla: index,
                    field: SlaField::ChannelTargets { channel, own: true },
                }));
            }
        })
    };
    html! {
        <div class="sla-channels" data-testid={format!("sla-channels-{index}")}>
            if !props.channels.is_empty() {
                <table class="sla-targets">
                    <caption>{ "Targets per channel (in place of the priority's)" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Channel" }</th>
                            { for SlaTarget::ALL.into_iter().map(|target| html! { <th scope="col">{ target_label(target) }</th> }) }
                            <th />
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            if addable.len() > 1 {
                <label class="sla-field">{ "A channel with targets of its own" }
                    <Select options={addable} value="" on_change={on_add} label="Give a channel targets of its own"
                        testid={format!("sla-channel-add-{index}")} />
                </label>
            }
        </div>
    }
}
