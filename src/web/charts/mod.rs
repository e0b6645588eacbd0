//! Reusable SVG chart components for the playground: plain data in, responsive accessible SVG out.
//!
//! The components take no engine types. Pure helpers (scales, ticks, duration labels, binning, the flow
//! layout) live in their own modules and are tested in `tests/web_charts.rs`.

pub mod bar_chart;
pub mod durations;
pub mod flow_chart;
pub mod flow_layout;
pub mod histogram;
pub mod histogram_bins;
pub mod horizontal_bars;
pub mod line_chart;
pub mod marks;
pub mod scale;
pub mod time_axis;
pub mod values;

pub use bar_chart::{Bar, BarChart, BarChartProps, BarSegment};
pub use flow_chart::{FlowChart, FlowChartProps};
pub use flow_layout::{FlowKind, FlowLink, FlowNode};
pub use histogram::{Histogram, HistogramData, HistogramProps};
pub use histogram_bins::{DurationMarkers, HistogramBin};
pub use horizontal_bars::{HorizontalBar, HorizontalBars, HorizontalBarsProps};
pub use line_chart::{LineChart, LineChartProps, LineSeries, TimeBand};
pub use marks::Tone;
pub use values::ValueFormat;
