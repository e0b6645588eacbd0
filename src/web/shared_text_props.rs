//! Lets the engine's shared strings (team ids, trace texts) go straight into yew attributes and children.

use yew::html::IntoPropValue;
use yew::virtual_dom::VNode;
use yew::AttrValue;

use crate::engine::shared_text::SharedText;

impl IntoPropValue<AttrValue> for SharedText {
    fn into_prop_value(self) -> AttrValue {
        AttrValue::from(self.to_string())
    }
}

impl IntoPropValue<Option<AttrValue>> for SharedText {
    fn into_prop_value(self) -> Option<AttrValue> {
        Some(self.into_prop_value())
    }
}

impl IntoPropValue<VNode> for SharedText {
    fn into_prop_value(self) -> VNode {
        VNode::from(self.to_string())
    }
}
