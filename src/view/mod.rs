//! Pure models of what the playground draws and exports: chart scales and ticks, duration ticks, histogram
//! bins, the preview of a handling-time distribution, the flow layout, the week grid of a calendar, the zone times are shown in, condition rows of the rule editor, SLA compliance by cohort, and CSV. No yew or
//! browser code: the components in `src/web` render these, and they are tested natively.

pub mod condition_rows;
pub mod csv;
pub mod density_preview;
pub mod durations;
pub mod flow_layout;
pub mod histogram_bins;
pub mod scale;
pub mod sla_cohorts;
pub mod time_axis;
pub mod values;
pub mod week_grid;
pub mod zone_choices;
