//! The zone the playground shows instants in, handed to every component through a yew context: the
//! policy's home zone, or the zone the user picked in the toolbar.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::calendar::NamedZone;

#[derive(Debug, Clone, PartialEq)]
pub struct ShownZone(pub Rc<NamedZone>);

/// The zone instants are shown in; UTC outside a playground (a component rendered on its own).
#[hook]
pub fn use_shown_zone() -> Rc<NamedZone> {
    use_context::<ShownZone>().map_or_else(|| Rc::new(NamedZone::utc()), |shown| shown.0)
}
