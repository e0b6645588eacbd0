//! SLA policies editor.
