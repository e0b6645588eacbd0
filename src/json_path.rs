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

/// The path of the value being read at `line`:`column` of `text`, in serde_path_to_error's notation:
/// members as `.name` (the first without a dot), items as `[i]`, a member not yet named as `?`, and `.` for
/// the document itself.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let mut end = offset_of(text, line, column);
    // serde_json reports a value of the wrong type at its first character, which it only peeked at: an object
    // or list opened there is the value itself, not a container the error is inside (unless the text ends).
    if end < text.len() && matches!(text.as_bytes().get(end.wrapping_sub(1)), Some(b'{' | b'[')) {
        end -= 1;
    }
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
                let cut = bytes.peek().is_none() && end == text.len();
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
    let ended_between_entries = end == text.len() && matches!(last, Last::EntryDue | Last::Value);
    // A member's name with no `:` after it fails before its value is read: the path is the object's.
    let colon_missing = colon_missing || (end == text.len() && last == Last::Name);
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
    use super::path_at;

    #[test]
    fn names_members_and_items_up_to_the_position() {
        let text = "{\"teams\": [{\"id\": \"l1\"}, {\"id\": 5}]}";
        let column = text.find('5').expect("the 5") + 1;
        assert_eq!(path_at(text, 1, column), "teams[1].id");
        assert_eq!(path_at(text, 1, text.len()), ".");
    }

    #[test]
    fn counts_lines_and_ignores_brackets_inside_strings() {
        let text = "{\"a\": \"[{,\",\n \"b\": [1,\n 2]}";
        assert_eq!(path_at(text, 3, 2), "b[1]");
        assert_eq!(path_at(text, 2, 4), "b");
        assert_eq!(
            path_at(text, 2, 7),
            "b",
            "a list where b's value should be is b's error"
        );
        assert_eq!(path_at(text, 2, 8), "b[0]");
    }

    #[test]
    fn a_missing_member_is_the_object_that_lacks_it() {
        let text = "{\"calendar\": {\"name\": \"x\"}}";
        let column = text.find("}}").expect("the end") + 1;
        assert_eq!(path_at(text, 1, column), "calendar");
    }
}
