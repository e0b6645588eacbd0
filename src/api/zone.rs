//! The `zone` option of a call: an IANA name, an offset or `UTC`, read with an error that says how to write
//! one; UTC when left out.

use super::error::ApiError;
use crate::engine::calendar::NamedZone;

/// `name` as a zone (UTC when `None`), or an error with `code`, `input` and the path `zone`.
pub(super) fn read_zone(
    name: Option<&str>,
    code: &'static str,
    input: &'static str,
) -> Result<NamedZone, ApiError> {
    let Some(name) = name else {
        return Ok(NamedZone::utc());
    };
    NamedZone::parse(name).map_err(|error| {
        ApiError::new(
            code,
            input,
            format!("{name:?} is not a time zone: {error}"),
            "use an IANA name such as Europe/London, an offset such as +02:00, or UTC",
        )
        .at_path("zone")
    })
}
