//! The playground's yew components.

pub mod ticket_form;
