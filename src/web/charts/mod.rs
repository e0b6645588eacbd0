//! Reusable SVG chart components for the playground: plain data in, responsive accessible SVG out.
//!
//! The components take no engine types. The pure geometry they draw (scales, ticks, binning, the flow
//! layout) lives in `crate::view`.

pub mod bar_chart;
pub mod flow_chart;
pub mod histogram;
pub mod horizontal_bars;
pub mod line_chart;
pub mod marks;

pub use crate::view::flow_layout::{FlowKind, FlowLink, FlowNode};
pub use crate::view::histogram_bins::{DurationMarkers, HistogramBin};
pub use crate::view::values::ValueFormat;
pub use bar_chart::{Bar, BarChart, BarChartProps, BarSegment};
pub use flow_chart::{FlowChart, FlowChartProps};
pub use histogram::{Histogram, HistogramData, HistogramProps};
pub use horizontal_bars::{HorizontalBar, HorizontalBars, HorizontalBarsProps};
pub use line_chart::{LineChart, LineChartProps, LineSeries, TimeBand};
pub use marks::Tone;
