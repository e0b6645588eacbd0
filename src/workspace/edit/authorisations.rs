//! Changes to a policy's authorisations, as the Authorisations form makes them: add and remove an
//! authorisation, name and describe it, choose the categories it covers, and edit its amount limits.

use crate::engine::policy::{ApprovalLimit, Authorisation, Policy};

use super::new_items::unique_id;

/// One change to the authorisation at `index` (or a new one).
#[derive(Debug, Clone, PartialEq)]
pub enum AuthorisationEdit {
    /// A new authorisation: refunds above 500 need the first team above first line's tier (or the default team).
    Add,
    Remove(usize),
    Set {
        index: usize,
        field: AuthorisationField,
    },
}

/// A field of one authorisation.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthorisationField {
    Id(String),
    Description(String),
    /// Covers (or stops covering) `category`; covering none means covering every category.
    Category {
        category: String,
        covered: bool,
    },
    /// A limit above the highest, twice it, approved by the same team.
    AddLimit,
    /// The amount limit `limit` is for; limits are kept lowest first.
    LimitAbove {
        limit: usize,
        above: f64,
    },
    LimitApprover {
        limit: usize,
        team: String,
    },
    RemoveLimit(usize),
}

impl AuthorisationField {
    fn name(&self) -> String {
        match self {
            AuthorisationField::Id(_) => "id".to_owned(),
            AuthorisationField::Description(_) => "description".to_owned(),
            AuthorisationField::LimitAbove { limit, .. } => format!("limits/{limit}/above"),
            AuthorisationField::Category { .. }
            | AuthorisationField::AddLimit
            | AuthorisationField::LimitApprover { .. }
            | AuthorisationField::RemoveLimit(_) => "step".to_owned(),
        }
    }
}

impl AuthorisationEdit {
    /// Typing into one text or amount field is one undo step; every other change is a step of its own.
    pub fn key(&self) -> Option<String> {
        match self {
            AuthorisationEdit::Set { index, field } if field.name() != "step" => {
                Some(format!("authorisations/{index}/{}", field.name()))
            }
            _ => None,
        }
    }

    pub fn apply(&self, policy: &mut Policy) {
        match self {
            AuthorisationEdit::Add => {
                let authorisation = new_authorisation(policy);
                policy.authorisations.push(authorisation);
            }
            AuthorisationEdit::Remove(index) => {
                if *index < policy.authorisations.len() {
                    policy.authorisations.remove(*index);
                }
            }
            AuthorisationEdit::Set { index, field } => {
                if let Some(authorisation) = policy.authorisations.get_mut(*index) {
                    set(authorisation, field);
                }
            }
        }
    }
}

fn set(authorisation: &mut Authorisation, field: &AuthorisationField) {
    match field {
        AuthorisationField::Id(id) => authorisation.id.clone_from(id),
        AuthorisationField::Description(text) => authorisation.description.clone_from(text),
        AuthorisationField::Category { category, covered } => {
            authorisation.categories.retain(|c| c != category);
            if *covered {
                authorisation.categories.push(category.clone());
                authorisation.categories.sort();
            }
        }
        AuthorisationField::AddLimit => {
            let highest = authorisation.limits.last().cloned();
            let limit = match highest {
                Some(highest) => ApprovalLimit {
                    above: if highest.above > 0.0 {
                        highest.above * 2.0
                    } else {
                        100.0
                    },
                    approver: highest.approver,
                },
                None => ApprovalLimit {
                    above: 500.0,
                    approver: String::new(),
                },
            };
            authorisation.limits.push(limit);
        }
        AuthorisationField::LimitAbove { limit, above } => {
            if let Some(limit) = authorisation.limits.get_mut(*limit) {
                if above.is_finite() {
                    limit.above = above.max(0.0);
                }
            }
            authorisation
                .limits
                .sort_by(|a, b| a.above.total_cmp(&b.above));
        }
        AuthorisationField::LimitApprover { limit, team } => {
            if let Some(limit) = authorisation.limits.get_mut(*limit) {
                limit.approver.clone_from(team);
            }
        }
        AuthorisationField::RemoveLimit(limit) => {
            if *limit < authorisation.limits.len() && authorisation.limits.len() > 1 {
                authorisation.limits.remove(*limit);
            }
        }
    }
}

/// Refunds above 500 approved by the lowest team above the default team's tier (the default team itself
/// when there is none), under an id no other authorisation has.
fn new_authorisation(policy: &Policy) -> Authorisation {
    let id = unique_id(
        policy.authorisations.iter().map(|a| a.id.as_str()),
        "approval",
    );
    let level_of = |tier: &str| {
        policy
            .tiers
            .iter()
            .find(|t| t.id == tier)
            .map_or(0, |t| t.level)
    };
    let default_level = policy
        .teams
        .iter()
        .find(|team| team.id == policy.routing.default)
        .map_or(0, |team| level_of(&team.tier));
    let approver = policy
        .teams
        .iter()
        .filter(|team| level_of(&team.tier) > default_level)
        .min_by_key(|team| level_of(&team.tier))
        .map_or_else(|| policy.routing.default.clone(), |team| team.id.clone());
    let refund = policy
        .categories
        .iter()
        .find(|category| category.id.contains("refund"))
        .map(|category| category.id.clone());
    Authorisation {
        id,
        description: String::new(),
        categories: refund.into_iter().collect(),
        limits: vec![ApprovalLimit {
            above: 500.0,
            approver,
        }],
    }
}
