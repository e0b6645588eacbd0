//! The JSON path (`teams[0].calendar`) of a position in a document, found by scanning the text up to it, so
//! that a serde_json error's line and column say which field went wrong without wrapping every deserializer.

/// Where the scan stands inside one container.
enum Frame {
    /// Inside an object: the key of the member being read, once its name has been read.
    Object { key: Option<String> },
    /// Inside a list: the index of the item being read.
    List { index: usize },
}

/// The byte offset just past `column` (1-based, counted in bytes as serde_json counts it) on `line`; the end
/// of the text when the position is past it.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(index, _)| index + 1)
    };
    line_start.saturating_add(column).min(text.len())
}

/// What the scan read last, outside whitespace.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// `{`, `[` or `,`: the next entry has not begun.
    EntryDue,
    /// A member's name, its `:` not yet read.
    Name,
    /// The `:` after a member's name.
    Colon,
    /// A whole value: a string, a number or literal, or a closed object or list.
    Value,
    /// Part of a value: a string or scalar the text stops inside.
    PartOfValue,
}

/// Whether a scalar cut off by the end of the text is still a whole value (`12`, `true`), as serde_json reads it.
fn whole_scalar(scalar: &[u8]) -> bool {
    matches!(scalar, b"true" | b"false" | b"null") || scalar.last().is_some_and(u8::is_ascii_digit)
}

/// The path of the value `error` (from reading `text`) is about, in serde_path_to_error's notation: members
/// as `.name` (the first without a dot), items as `[i]`, a member not yet named as `?`, and `.` for the
/// document itself.
pub fn path_of(text: &str, error: &serde_json::Error) -> String {
    let mut end = offset_of(text, error.line(), error.column());
    // serde_json reports a list or object of the wrong type either at its opening bracket or just past it; it
    // is taken to be the value itself, not a container the error is inside (the one case this gets wrong is a
    // record written as a list, `[["a", …]]`, a form no document of ours uses).
    if !error.is_eof() && matches!(text.as_bytes().get(end.wrapping_sub(1)), Some(b'{' | b'[')) {
        end -= 1;
    }
    path_before(text, end, error.is_eof())
}

/// The path of the value being read after the first `end` bytes of `text`; `at_eof` when the error is that
/// the text ended there.
fn path_before(text: &str, end: usize, at_eof: bool) -> String {
    let mut frames: Vec<Frame> = Vec::new();
    let mut bytes = text.as_bytes()[..end].iter().copied().peekable();
    let mut last = Last::EntryDue;
    let mut scalar: Vec<u8> = Vec::new();
    let mut colon_missing = false;
    while let Some(byte) = bytes.next() {
        if last == Last::Name && byte != b':' && !byte.is_ascii_whitespace() {
            colon_missing = true;
            break;
        }
        match byte {
            b'{' => {
                frames.push(Frame::Object { key: None });
                last = Last::EntryDue;
            }
            b'[' => {
                frames.push(Frame::List { index: 0 });
                last = Last::EntryDue;
            }
            b'}' | b']' => {
                frames.pop();
                last = Last::Value;
            }
            b',' => {
                match frames.last_mut() {
                    Some(Frame::List { index }) => *index += 1,
                    Some(Frame::Object { key }) => *key = None,
                    None => {}
                }
                last = Last::EntryDue;
            }
            b':' => last = Last::Colon,
            b'"' if last == Last::Value && matches!(frames.last(), Some(Frame::Object { .. })) => {
                // A member straight after a value, with no comma between: its name is not read yet.
                if let Some(Frame::Object { key }) = frames.last_mut() {
                    *key = None;
                }
                break;
            }
            b'"' => {
                let mut name = Vec::new();
                let mut escaped = false;
                let mut closed = false;
                for byte in bytes.by_ref() {
                    match (escaped, byte) {
                        (false, b'\\') => escaped = true,
                        (false, b'"') => {
                            closed = true;
                            break;
                        }
                        (_, byte) => {
                            escaped = false;
                            name.push(byte);
                        }
                    }
                }
                let is_key =
                    last == Last::EntryDue && matches!(frames.last(), Some(Frame::Object { .. }));
                last = match (is_key, closed) {
                    (_, false) => Last::PartOfValue,
                    (true, true) => {
                        if let Some(Frame::Object { key }) = frames.last_mut() {
                            *key = Some(String::from_utf8_lossy(&name).into_owned());
                        }
                        Last::Name
                    }
                    (false, true) => Last::Value,
                };
            }
            byte if byte.is_ascii_whitespace() => {}
            byte => {
                scalar.clear();
                scalar.push(byte);
                while let Some(&next) = bytes.peek() {
                    if next.is_ascii_whitespace() || b"{}[],:\"".contains(&next) {
                        break;
                    }
                    scalar.push(next);
                    bytes.next();
                }
                let cut = bytes.peek().is_none() && at_eof;
                last = if cut && !whole_scalar(&scalar) {
                    Last::PartOfValue
                } else {
                    Last::Value
                };
            }
        }
    }
    // At the end of the text, serde_json fails before the next entry when the last one was whole: the path is
    // a list's own, or an object's next member not yet named.
    let ended_between_entries = at_eof && matches!(last, Last::EntryDue | Last::Value);
    // A member's name with no `:` after it fails before its value is read: the path is the object's.
    let colon_missing = colon_missing || (at_eof && last == Last::Name);
    let reading = match frames.last_mut() {
        Some(Frame::Object { .. }) if colon_missing => frames.len() - 1,
        Some(Frame::List { .. }) if ended_between_entries => frames.len() - 1,
        Some(Frame::Object { key }) if ended_between_entries => {
            *key = None;
            frames.len()
        }
        _ => frames.len(),
    };
    let mut path = String::new();
    for frame in &frames[..reading] {
        match frame {
            Frame::Object { key } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key.as_deref().unwrap_or("?"));
            }
            Frame::List { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_of;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Team {
        id: String,
        agents: Option<Vec<u32>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Teams {
        note: Option<String>,
        teams: Vec<Team>,
    }

    fn path(text: &str) -> String {
        let error = serde_json::from_str::<Teams>(text).expect_err("a bad document");
        path_of(text, &error)
    }

    #[test]
    fn names_members_and_items_up_to_the_error() {
        assert_eq!(
            path(r#"{"teams": [{"id": "l1"}, {"id": 5}]}"#),
            "teams[1].id"
        );
        assert_eq!(
            path(r#"{"teams": [{"id": "l1", "agents": [1, -2]}]}"#),
            "teams[0].agents[1]"
        );
        assert_eq!(path(r#"{"teams": [{"id": ["a"]}]}"#), "teams[0].id");
        assert_eq!(path(r#"{"teams": {}}"#), "teams");
    }

    #[test]
    fn counts_lines_and_ignores_brackets_inside_strings() {
        assert_eq!(
            path("{\"note\": \"[{,\",\n \"teams\": [{\"id\": \"a\"},\n 7]}"),
            "teams[1]"
        );
    }

    #[test]
    fn a_missing_member_is_the_object_that_lacks_it() {
        assert_eq!(path(r#"{"teams": [{"agents": []}]}"#), "teams[0]");
    }

    #[test]
    fn a_text_cut_short_after_a_wrong_value_names_that_value() {
        assert_eq!(path(r#"{"teams": [{"id": 5"#), "teams[0].id");
        assert_eq!(path(r#"{"teams": [{"id": "a""#), "teams[0].?");
    }
}
