//! The playground's root component.

use yew::prelude::*;

use crate::web::components::ticket_form::TicketForm;
use crate::web::draft::TicketDraft;

#[component]
pub fn App() -> Html {
    let draft = use_state(|| TicketDraft::new("billing", "2026-03-06T16:55".to_owned()));
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |next| draft.set(next))
    };
    html! {
        <TicketForm draft={(*draft).clone()} categories={vec![("billing".to_owned(), "Billing".to_owned())]}
            segments={vec!["standard".to_owned()]} {on_change} />
    }
}
