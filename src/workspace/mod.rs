//! What a person edits, as plain data: the workspace document with its versions, the ticket draft, reading an
//! imported file, and the share-link encoding. Pure and tested natively; the playground (`src/web`) renders and edits it.

pub mod document;
pub mod draft;
pub mod edit;
pub mod fields;
pub mod history;
pub mod import;
pub mod share;
pub mod wall_clock;

pub use document::{Workspace, WorkspaceError, WORKSPACE_VERSION};
