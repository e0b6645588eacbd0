//! Fuzz target: any text as a share-link fragment; what opens must encode and open again to the same workspace.
#![no_main]

use escalator::workspace::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(Ok(workspace)) = share::decode(fragment) {
        let again = share::decode(&share::encode(&workspace))
            .expect("a share link")
            .expect("an encoded workspace opens");
        assert_eq!(again, workspace);
    }
});
