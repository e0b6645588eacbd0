//! Workspace ⇄ share-link fragment: JSON, deflated, base64url (`#w=…`), so a link carries the whole state.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::workspace::Workspace;

/// The fragment prefix that marks a shared workspace.
pub const FRAGMENT_PREFIX: &str = "w=";

/// The longest address a share link may be. Chromium keeps addresses up to 2 MiB (2,097,152 characters;
/// measured by `tests/e2e/reliability.test.mjs`) and drops longer ones silently; other browsers and the
/// tools links travel through may cut sooner, so a workspace this big is offered as a file instead.
pub const MAX_LINK_LENGTH: usize = 2_000_000;

/// Whether `address` (page address plus fragment) is short enough to work as a link.
pub fn fits_in_a_link(address: &str) -> bool {
    address.len() <= MAX_LINK_LENGTH
}

/// Why a shared link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    NotBase64,
    NotDeflate,
    NotWorkspace(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotBase64 => {
                f.write_str("the link's data is not base64url (was it cut short?)")
            }
            ShareError::NotDeflate => {
                f.write_str("the link's data is damaged (it does not inflate)")
            }
            ShareError::NotWorkspace(why) => write!(f, "the link does not hold a workspace: {why}"),
        }
    }
}

/// The fragment (without `#`) that carries `workspace`.
pub fn encode(workspace: &Workspace) -> String {
    let json = workspace.to_json();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a fragment made by `encode`; `None` when the fragment is not a share link at all.
pub fn decode(fragment: &str) -> Option<Result<Workspace, ShareError>> {
    let data = fragment
        .trim_start_matches('#')
        .strip_prefix(FRAGMENT_PREFIX)?;
    Some(decode_data(data))
}

fn decode_data(data: &str) -> Result<Workspace, ShareError> {
    let packed = URL_SAFE_NO_PAD
        .decode(data.trim())
        .map_err(|_| ShareError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 16 << 20)
        .map_err(|_| ShareError::NotDeflate)?;
    let text = String::from_utf8(json).map_err(|err| ShareError::NotWorkspace(err.to_string()))?;
    Workspace::from_json(&text).map_err(|err| ShareError::NotWorkspace(err.to_string()))
}
