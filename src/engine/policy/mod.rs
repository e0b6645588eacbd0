//! The policy document: its serde types, strict loading with JSON paths, and compilation for routing.

pub mod bridge;
pub mod compile;
pub mod compiled;
pub mod cover_index;
pub mod document;
pub mod limits;
pub mod load;
pub mod route_texts;

pub use compile::{CompileError, CompileErrors};
pub use compiled::{ApprovalNeed, CompiledPolicy};
pub use document::*;
pub use load::{PolicyError, SCHEMA_VERSION};
