//! Which zone the playground shows times in, and the choices its zone picker offers: the policy's zone
//! (first line's calendar), the other zones its calendars use, UTC, and the browser's own zone.

use crate::engine::calendar::NamedZone;
use crate::engine::policy::CompiledPolicy;

/// One entry of the zone picker: `value` is what the workspace stores (empty for the policy's zone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneChoice {
    pub value: String,
    pub label: String,
}

/// The zone times are shown in: the picked one when it is a zone, else the policy's (UTC without a policy).
pub fn shown_zone(policy: Option<&CompiledPolicy>, picked: Option<&str>) -> NamedZone {
    picked
        .and_then(|name| NamedZone::parse(name).ok())
        .or_else(|| policy.map(CompiledPolicy::home_zone))
        .unwrap_or_else(NamedZone::utc)
}

/// The picker's entries, the policy's zone first; a picked name that is no zone is listed as such, so the
/// picker still shows what the workspace holds.
pub fn zone_choices(
    policy: Option<&CompiledPolicy>,
    picked: Option<&str>,
    browser_zone: Option<&str>,
) -> Vec<ZoneChoice> {
    let home = policy.map_or_else(NamedZone::utc, CompiledPolicy::home_zone);
    let mut choices = vec![ZoneChoice {
        value: String::new(),
        label: format!("{} (the policy's)", home.name()),
    }];
    let calendar_zones = policy.into_iter().flat_map(|policy| {
        policy
            .calendars
            .iter()
            .map(|calendar| calendar.zone_name().to_owned())
    });
    let others = calendar_zones
        .chain(["UTC".to_owned()])
        .chain(browser_zone.map(str::to_owned))
        .chain(picked.map(str::to_owned));
    for name in others {
        if name == home.name() || choices.iter().any(|choice| choice.value == name) {
            continue;
        }
        let label = match (NamedZone::parse(&name), Some(name.as_str()) == browser_zone) {
            (Err(_), _) => format!("{name} (not a zone: showing the policy's)"),
            (Ok(_), true) => format!("{name} (this browser)"),
            (Ok(_), false) => name.clone(),
        };
        choices.push(ZoneChoice { value: name, label });
    }
    choices
}
