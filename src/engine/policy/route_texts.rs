//! The texts `route` copies into every decision and trace, prepared once per compiled policy as shared strings.

use super::compiled::{CompiledPolicy, CompiledRule, MatrixFirst};
use crate::engine::shared_text::SharedText;

/// A trigger's or rule's texts.
#[derive(Debug, Clone)]
pub struct RuleTexts {
    pub id: SharedText,
    pub description: SharedText,
    pub condition: SharedText,
    /// Id of the team it routes to.
    pub to: SharedText,
    pub reason: SharedText,
    pub shadowed_by: Option<SharedText>,
}

/// The texts of an escalation-matrix row that names who receives first.
#[derive(Debug, Clone)]
pub struct MatrixTexts {
    pub id: SharedText,
    /// `escalation_matrix[i]: <team name> receives these tickets first`.
    pub description: SharedText,
    pub condition: SharedText,
    pub to: SharedText,
    pub shadowed_by: Option<SharedText>,
}

/// What a trace step shows of a trigger, rule or matrix row: its id, description, condition and target
/// team, and what shadows it.
pub trait StepTexts {
    fn step_texts(&self) -> ([&SharedText; 4], &Option<SharedText>);
}

impl StepTexts for RuleTexts {
    fn step_texts(&self) -> ([&SharedText; 4], &Option<SharedText>) {
        (
            [&self.id, &self.description, &self.condition, &self.to],
            &self.shadowed_by,
        )
    }
}

impl StepTexts for MatrixTexts {
    fn step_texts(&self) -> ([&SharedText; 4], &Option<SharedText>) {
        (
            [&self.id, &self.description, &self.condition, &self.to],
            &self.shadowed_by,
        )
    }
}

/// A team's texts, with those of its tier.
#[derive(Debug, Clone)]
pub struct TeamTexts {
    pub id: SharedText,
    pub name: SharedText,
    pub tier: SharedText,
    pub tier_name: SharedText,
}

/// An SLA policy's texts.
#[derive(Debug, Clone)]
pub struct SlaTexts {
    pub id: SharedText,
    pub name: SharedText,
}

/// An authorisation's texts.
#[derive(Debug, Clone)]
pub struct AuthorisationTexts {
    pub id: SharedText,
    pub description: SharedText,
}

/// Every text of a compiled policy a routing decision shows, indexed like the compiled lists.
#[derive(Debug, Clone, Default)]
pub struct RouteTexts {
    pub triggers: Vec<RuleTexts>,
    pub rules: Vec<RuleTexts>,
    /// Per matrix row; `None` for rows that name no first receiver.
    pub matrix: Vec<Option<MatrixTexts>>,
    pub teams: Vec<TeamTexts>,
    pub calendar_ids: Vec<SharedText>,
    pub sla_policies: Vec<SlaTexts>,
    pub authorisations: Vec<AuthorisationTexts>,
}

/// The description the trace gives matrix row `index`, whose first receiver is `team_name`.
pub fn matrix_description(index: usize, team_name: &str) -> String {
    format!("escalation_matrix[{index}]: {team_name} receives these tickets first")
}

impl RouteTexts {
    /// The texts of `policy`, whose `texts` field is ignored.
    pub fn of(policy: &CompiledPolicy) -> RouteTexts {
        let teams: Vec<TeamTexts> = policy
            .teams
            .iter()
            .enumerate()
            .map(|(index, team)| {
                let tier = policy.tier_of(index);
                TeamTexts {
                    id: SharedText::from(team.id.as_str()),
                    name: SharedText::from(team.name.as_str()),
                    tier: SharedText::from(tier.id.as_str()),
                    tier_name: SharedText::from(tier.name.as_str()),
                }
            })
            .collect();
        let rule_texts = |rule: &CompiledRule| RuleTexts {
            id: SharedText::from(rule.id.as_str()),
            description: SharedText::from(rule.description.as_str()),
            condition: rule.condition.shared_text().clone(),
            to: teams[rule.team].id.clone(),
            reason: SharedText::from(rule.reason.as_str()),
            shadowed_by: rule.shadowed_by.as_deref().map(SharedText::from),
        };
        let matrix_texts = |index: usize, first: &MatrixFirst| MatrixTexts {
            id: SharedText::from(first.id.as_str()),
            description: SharedText::from(matrix_description(
                index,
                &policy.teams[first.team].name,
            )),
            condition: first.condition.as_ref().map_or_else(
                || SharedText::from_static("true"),
                |condition| condition.shared_text().clone(),
            ),
            to: teams[first.team].id.clone(),
            shadowed_by: first.shadowed_by.as_deref().map(SharedText::from),
        };
        RouteTexts {
            triggers: policy.triggers.iter().map(rule_texts).collect(),
            rules: policy.rules.iter().map(rule_texts).collect(),
            matrix: policy
                .matrix
                .iter()
                .enumerate()
                .map(|(index, row)| row.first.as_ref().map(|first| matrix_texts(index, first)))
                .collect(),
            calendar_ids: policy
                .calendar_ids
                .iter()
                .map(|id| SharedText::from(id.as_str()))
                .collect(),
            sla_policies: policy
                .sla_policies
                .iter()
                .map(|sla| SlaTexts {
                    id: SharedText::from(sla.id.as_str()),
                    name: SharedText::from(sla.name.as_str()),
                })
                .collect(),
            authorisations: policy
                .authorisations
                .iter()
                .map(|authorisation| AuthorisationTexts {
                    id: SharedText::from(authorisation.id.as_str()),
                    description: SharedText::from(authorisation.description.as_str()),
                })
                .collect(),
            teams,
        }
    }
}
