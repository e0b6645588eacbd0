//! A platform-independent fingerprint of journeys, to compare runs natively and in wasm32 without shipping them.

use crate::engine::journey::Journey;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over the JSON of every journey. Equal journeys give equal fingerprints on every platform
/// (serde_json formats floats the same everywhere).
pub fn journeys_fingerprint(journeys: &[Journey]) -> u64 {
    let mut hash = FNV_OFFSET;
    for journey in journeys {
        let text = serde_json::to_string(journey).unwrap_or_default();
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}
