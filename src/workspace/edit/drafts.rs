//! Condition drafts, the text typed into a condition box that does not parse yet: keyed by the place of the
//! rule or SLA policy they belong to, and moved with it when the list is reordered.

use std::collections::BTreeMap;

/// A list whose items have a condition, and so may have a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftList {
    Triggers,
    Rules,
    SlaPolicies,
}

impl DraftList {
    fn prefix(self) -> &'static str {
        match self {
            DraftList::Triggers => "triggers",
            DraftList::Rules => "rules",
            DraftList::SlaPolicies => "sla",
        }
    }

    /// The `condition_drafts` key of item `index` (`rules/2`), as saved in workspace files.
    pub fn key(self, index: usize) -> String {
        format!("{}/{index}", self.prefix())
    }
}

/// After the list was reordered: the draft of old position `i` moves to `moved(i)`, and one whose item is
/// gone (`None`) is dropped. Drafts of other lists stay as they are.
pub fn follow(
    drafts: &mut BTreeMap<String, String>,
    list: DraftList,
    moved: impl Fn(usize) -> Option<usize>,
) {
    let prefix = format!("{}/", list.prefix());
    let listed: Vec<(usize, String)> = drafts
        .iter()
        .filter_map(|(key, text)| {
            let index = key.strip_prefix(&prefix)?.parse::<usize>().ok()?;
            Some((index, text.clone()))
        })
        .collect();
    for (index, _) in &listed {
        drafts.remove(&list.key(*index));
    }
    for (index, text) in listed {
        if let Some(to) = moved(index) {
            drafts.insert(list.key(to), text);
        }
    }
}

/// Where item `at` goes when the item at `from` moves to `to` (the others shift to make room).
pub fn after_move(at: usize, from: usize, to: usize) -> usize {
    if at == from {
        to
    } else if from < to && (from + 1..=to).contains(&at) {
        at - 1
    } else if to < from && (to..from).contains(&at) {
        at + 1
    } else {
        at
    }
}

/// Where item `at` goes when the item at `removed` is removed.
pub fn after_removal(at: usize, removed: usize) -> Option<usize> {
    match at {
        at if at == removed => None,
        at if at > removed => Some(at - 1),
        at => Some(at),
    }
}
