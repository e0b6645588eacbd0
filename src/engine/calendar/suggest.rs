//! "Did you mean …?" hints: the closest candidate by edit distance, ignoring case.

/// The candidate closest to `text` if it is within `max_distance` edits (case-insensitive).
pub(super) fn closest<'a>(
    text: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max_distance: usize,
) -> Option<&'a str> {
    let wanted: Vec<char> = text.to_lowercase().chars().collect();
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&wanted, candidate), candidate))
        .filter(|(distance, _)| *distance <= max_distance)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance between already lower-cased `wanted` and `candidate` (lower-cased here).
fn edit_distance(wanted: &[char], candidate: &str) -> usize {
    let mut previous: Vec<usize> = (0..=wanted.len()).collect();
    let mut current = vec![0; wanted.len() + 1];
    for (row, candidate_char) in candidate.chars().flat_map(char::to_lowercase).enumerate() {
        current[0] = row + 1;
        for (column, wanted_char) in wanted.iter().enumerate() {
            let substitution = previous[column] + usize::from(*wanted_char != candidate_char);
            current[column + 1] = substitution
                .min(previous[column + 1] + 1)
                .min(current[column] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[wanted.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_candidate_within_reach() {
        let days = ["mon", "tue", "wed"];
        assert_eq!(closest("tues", days, 1), Some("tue"));
        assert_eq!(closest("TUE", days, 0), Some("tue"));
        assert_eq!(closest("xyzzy", days, 2), None);
    }
}
