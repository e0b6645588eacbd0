//! Finding the first earlier rule that covers a later one (every ticket the later matches, the earlier
//! matches too) without comparing every pair: each earlier condition is filed under the keys one of its
//! conjuncts needs (the one whose keys are rarest so far), and a later condition is compared only with
//! those filed under a key it offers.

use std::collections::HashMap;

use super::bridge::CheckedCondition;

/// Conditions pushed in order; `first_covering` answers with the earliest that covers a given one.
#[derive(Default)]
pub struct CoverIndex<'a> {
    conditions: Vec<&'a CheckedCondition>,
    by_key: HashMap<String, Vec<usize>>,
    /// The first condition that matches every ticket, which covers everything after it.
    first_catch_all: Option<usize>,
}

impl<'a> CoverIndex<'a> {
    pub fn new() -> CoverIndex<'a> {
        CoverIndex::default()
    }

    /// Files `condition` as the next earlier condition; its position is the number pushed before it.
    pub fn push(&mut self, condition: &'a CheckedCondition) {
        let position = self.conditions.len();
        self.conditions.push(condition);
        match condition.needed_keys() {
            None => {
                self.first_catch_all.get_or_insert(position);
            }
            Some(sets) => {
                let crowd = |keys: &Vec<String>| -> usize {
                    keys.iter()
                        .map(|key| self.by_key.get(key).map_or(0, Vec::len))
                        .sum()
                };
                let rarest = sets.into_iter().min_by_key(crowd).unwrap_or_default();
                for key in rarest {
                    self.by_key.entry(key).or_default().push(position);
                }
            }
        }
    }

    /// The position of the first pushed condition that matches every ticket.
    pub fn first_catch_all(&self) -> Option<usize> {
        self.first_catch_all
    }

    /// The position of the earliest pushed condition that covers `later`.
    pub fn first_covering(&self, later: &CheckedCondition) -> Option<usize> {
        let mut candidates: Vec<usize> = later
            .offered_keys()
            .iter()
            .filter_map(|key| self.by_key.get(key))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let by_key = candidates
            .into_iter()
            .find(|&position| self.conditions[position].covers(later));
        match (self.first_catch_all, by_key) {
            (Some(all), Some(found)) => Some(all.min(found)),
            (all, found) => all.or(found),
        }
    }
}
