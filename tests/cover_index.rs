//! The shadowed-rule index finds exactly what comparing every pair finds: for random lists of conditions,
//! the first earlier condition that covers each one is the same both ways.

use escalator::engine::condition::Condition;
use escalator::engine::policy::bridge::{check_condition, CheckedCondition};
use escalator::engine::policy::cover_index::CoverIndex;
use proptest::prelude::*;

/// Small tests over few fields and values, so that equal, narrower and wider tests meet often.
fn test_text() -> impl Strategy<Value = String> {
    let category = prop::sample::select(vec!["billing", "refund", "outage"]);
    let categories = prop::collection::vec(category.clone(), 1..4);
    prop_oneof![
        category.prop_map(|c| format!("category == \"{c}\"")),
        categories.prop_map(|list| {
            let quoted: Vec<String> = list.iter().map(|c| format!("\"{c}\"")).collect();
            format!("category in [{}]", quoted.join(", "))
        }),
        (0..3u8).prop_map(|n| format!("amount > {}", n * 100)),
        prop::sample::select(vec!["low", "high"]).prop_map(|p| format!("priority == {p}")),
        Just("segment exists".to_owned()),
        Just("signals.abusive".to_owned()),
        Just("not signals.abusive".to_owned()),
    ]
}

fn condition_text() -> impl Strategy<Value = String> {
    let conjunct = prop_oneof![
        3 => test_text(),
        1 => prop::collection::vec(test_text(), 2..3).prop_map(|any| format!("({})", any.join(" or "))),
    ];
    prop::collection::vec(conjunct, 1..4).prop_map(|all| all.join(" and "))
}

fn checked(text: &str) -> CheckedCondition {
    check_condition(&Condition::parse(text).expect("generated text parses")).expect("checks")
}

proptest! {
    #[test]
    fn the_index_finds_the_same_first_covering_condition_as_every_pair(
        texts in prop::collection::vec(condition_text(), 1..12)
    ) {
        let conditions: Vec<CheckedCondition> = texts.iter().map(|text| checked(text)).collect();
        let mut index = CoverIndex::new();
        for (position, later) in conditions.iter().enumerate() {
            let pairwise = conditions[..position].iter().position(|earlier| earlier.covers(later));
            prop_assert_eq!(index.first_covering(later), pairwise, "{:?}", &texts[..=position]);
            let catch_all = conditions[..position].iter().position(CheckedCondition::is_always_true);
            prop_assert_eq!(index.first_catch_all(), catch_all);
            index.push(later);
        }
    }
}
