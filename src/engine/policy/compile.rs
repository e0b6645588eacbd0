//! Compiling a policy: ids resolved to indices, conditions checked, calendars compiled; every bad reference reported.

use std::collections::HashMap;
use std::fmt;

use super::bridge::{self, Calendar, CheckedCondition, Pauses, WaitState};
use super::compiled::{
    resolve_matrix, ChannelOverride, CompiledAuthorisation, CompiledBreachLevel, CompiledLevel,
    CompiledPolicy, CompiledRow, CompiledRule, CompiledSla, CompiledTargets, CompiledTeam,
    MatrixFirst, SlaClock,
};
use super::cover_index::CoverIndex;
use super::document::{Direction, Policy, RuleKind, SlaPolicy, TimeBasis, WILDCARD};
use super::route_texts::RouteTexts;
use crate::engine::ticket::{Channel, Priority};

/// A problem found while compiling: where (JSON path), what, and a stable code shared with lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub code: &'static str,
    pub path: String,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

impl std::error::Error for CompileError {}

/// All errors from one compile, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileErrors(pub Vec<CompileError>);

impl fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileErrors {}

/// Collects errors while resolving ids.
struct Resolver<'a> {
    policy: &'a Policy,
    teams: HashMap<&'a str, usize>,
    tiers: HashMap<&'a str, usize>,
    calendars: HashMap<&'a str, usize>,
    categories: HashMap<&'a str, usize>,
    errors: Vec<CompileError>,
}

impl<'a> Resolver<'a> {
    fn new(policy: &'a Policy) -> Resolver<'a> {
        let mut resolver = Resolver {
            policy,
            teams: HashMap::new(),
            tiers: HashMap::new(),
            calendars: HashMap::new(),
            categories: HashMap::new(),
            errors: Vec::new(),
        };
        let mut duplicates = Vec::new();
        index_ids(
            policy.tiers.iter().map(|tier| tier.id.as_str()),
            "tiers",
            &mut resolver.tiers,
            &mut duplicates,
        );
        index_ids(
            policy
                .categories
                .iter()
                .map(|category| category.id.as_str()),
            "categories",
            &mut resolver.categories,
            &mut duplicates,
        );
        index_ids(
            policy.teams.iter().map(|team| team.id.as_str()),
            "teams",
            &mut resolver.teams,
            &mut duplicates,
        );
        index_ids(
            policy.calendars.iter().map(bridge::calendar_id),
            "calendars",
            &mut resolver.calendars,
            &mut duplicates,
        );
        resolver.errors.extend(duplicates);
        resolver
    }

    fn error(&mut self, code: &'static str, path: String, message: String) {
        self.errors.push(CompileError {
            code,
            path,
            message,
        });
    }

    fn team(&mut self, id: &str, path: String) -> Option<usize> {
        let found = self.teams.get(id).copied();
        if found.is_none() {
            self.error(
                "unknown-team",
                path,
                format!("unknown team {id:?}{}", known(self.teams.keys())),
            );
        }
        found
    }

    fn calendar(&mut self, id: &str, path: String) -> Option<usize> {
        let found = self.calendars.get(id).copied();
        if found.is_none() {
            self.error(
                "unknown-calendar",
                path,
                format!("unknown calendar {id:?}{}", known(self.calendars.keys())),
            );
        }
        found
    }

    fn category(&mut self, id: &str, path: String) {
        if !self.categories.contains_key(id) {
            self.error(
                "unknown-category",
                path,
                format!("unknown category {id:?}{}", known(self.categories.keys())),
            );
        }
    }

    fn condition(
        &mut self,
        condition: &super::bridge::Condition,
        path: String,
    ) -> Option<CheckedCondition> {
        match bridge::check_condition(condition) {
            Ok(checked) => Some(checked),
            Err(message) => {
                self.error("invalid-condition", path, message);
                None
            }
        }
    }

    fn seconds(&mut self, duration: &super::bridge::Duration, path: String) -> i64 {
        let seconds = bridge::duration_seconds(duration);
        if seconds < 0 {
            self.error(
                "negative-duration",
                path,
                "a duration cannot be negative".to_owned(),
            );
        }
        seconds
    }

    fn calendars(&mut self) -> Vec<Calendar> {
        let mut calendars = Vec::with_capacity(self.policy.calendars.len());
        for (index, spec) in self.policy.calendars.iter().enumerate() {
            match bridge::compile_calendar(spec) {
                Ok(calendar) => calendars.push(calendar),
                Err(error) => self.error(
                    "invalid-calendar",
                    format!("calendars[{index}].{}", error.path()),
                    error.to_string(),
                ),
            }
        }

        calendars
    }

    fn teams(&mut self) -> Vec<CompiledTeam> {
        let mut teams = Vec::with_capacity(self.policy.teams.len());
        for (index, team) in self.policy.teams.iter().enumerate() {
            let tier = self.tiers.get(team.tier.as_str()).copied();
            if tier.is_none() {
                let message = format!("unknown tier {:?}{}", team.tier, known(self.tiers.keys()));
                self.error("unknown-tier", format!("teams[{index}].tier"), message);
            }
            for (position, category) in team.handles.iter().enumerate() {
                self.category(category, format!("teams[{index}].handles[{position}]"));
            }
            let calendar = team
                .calendar
                .as_deref()
                .and_then(|id| self.calendar(id, format!("teams[{index}].calendar")));
            let parent = team
                .parent
                .as_deref()
                .and_then(|id| self.team(id, format!("teams[{index}].parent")));
            teams.push(CompiledTeam {
                id: team.id.clone(),
                name: team.name.clone(),
                tier: tier.unwrap_or(0),
                calendar,
                parent,
                agents: team.agents,
                hourly_cost: team.hourly_cost,
            });
        }

        teams
    }

    fn triggers(&mut self) -> Vec<CompiledRule> {
        let mut triggers = Vec::with_capacity(self.policy.triggers.len());
        for (index, trigger) in self.policy.triggers.iter().enumerate() {
            let condition = self.condition(&trigger.when, format!("triggers[{index}].when"));
            let team = self.team(&trigger.to, format!("triggers[{index}].to"));
            if let (Some(condition), Some(team)) = (condition, team) {
                triggers.push(CompiledRule {
                    id: trigger.id.clone(),
                    description: trigger.description.clone(),
                    condition,
                    team,
                    kind: match trigger.kind {
                        Direction::Functional => RuleKind::Functional,
                        Direction::Hierarchical => RuleKind::Hierarchical,
                    },
                    reason: trigger.reason.clone(),
                    shadowed_by: None,
                });
            }
        }

        triggers
    }

    fn authorisations(&mut self) -> Vec<CompiledAuthorisation> {
        let mut compiled = Vec::with_capacity(self.policy.authorisations.len());
        for (index, authorisation) in self.policy.authorisations.iter().enumerate() {
            let path = format!("authorisations[{index}]");
            if authorisation.limits.is_empty() {
                self.error(
                    "no-approval-limits",
                    format!("{path}.limits"),
                    "an authorisation needs at least one limit: {\"above\": 500, \"approver\": \"<team id>\"}"
                        .to_owned(),
                );
            }
            let mut limits = Vec::with_capacity(authorisation.limits.len());
            let mut previous: Option<f64> = None;
            for (at, limit) in authorisation.limits.iter().enumerate() {
                let limit_path = format!("{path}.limits[{at}]");
                let approver = self.team(&limit.approver, format!("{limit_path}.approver"));
                let ascending = previous.is_none_or(|previous| limit.above > previous);
                if !limit.above.is_finite() || limit.above < 0.0 || !ascending {
                    self.error(
                        "approval-limit-order",
                        format!("{limit_path}.above"),
                        format!(
                            "limit {} must be a non-negative amount above the limit before it; list limits lowest first",
                            limit.above
                        ),
                    );
                }
                previous = Some(limit.above);
                if let Some(approver) = approver {
                    limits.push((limit.above, approver));
                }
            }
            compiled.push(CompiledAuthorisation {
                id: authorisation.id.clone(),
                description: authorisation.description.clone(),
                categories: authorisation.categories.clone(),
                limits,
            });
        }
        compiled
    }

    fn rules(&mut self) -> Vec<CompiledRule> {
        let mut rules = Vec::with_capacity(self.policy.routing.rules.len());
        for (index, rule) in self.policy.routing.rules.iter().enumerate() {
            let path = format!("routing.rules[{index}]");
            let condition = self.condition(&rule.when, format!("{path}.when"));
            let team = self.team(&rule.to, format!("{path}.to"));
            if let (Some(condition), Some(team)) = (condition, team) {
                rules.push(CompiledRule {
                    id: rule.id.clone(),
                    description: rule.description.clone(),
                    condition,
                    team,
                    kind: rule.kind,
                    reason: String::new(),
                    shadowed_by: None,
                });
            }
        }
        rules
    }

    /// The tier level of each team (0 when the tier is unknown, which is reported elsewhere).
    fn team_levels(&self, teams: &[CompiledTeam]) -> Vec<u32> {
        teams
            .iter()
            .map(|team| {
                self.policy
                    .tiers
                    .get(team.tier)
                    .map_or(0, |tier| tier.level)
            })
            .collect()
    }

    fn matrix(&mut self, teams: &[CompiledTeam]) -> Vec<CompiledRow> {
        let team_levels = self.team_levels(teams);
        let lowest_level = self.policy.tiers.iter().map(|tier| tier.level).min();
        let mut matrix = Vec::with_capacity(self.policy.escalation_matrix.len());
        for (index, row) in self.policy.escalation_matrix.iter().enumerate() {
            let path = format!("escalation_matrix[{index}]");
            let category = if row.category == WILDCARD {
                None
            } else {
                self.category(&row.category, format!("{path}.category"));
                Some(row.category.clone())
            };
            let priority = parse_priority_pattern(&row.priority);
            if priority.is_none() {
                self.error(
                    "invalid-priority",
                    format!("{path}.priority"),
                    format!(
                        "invalid priority {:?}, expected critical, high, medium, low or \"*\"",
                        row.priority
                    ),
                );
            }
            let mut levels = Vec::with_capacity(row.levels.len());
            for (position, level) in row.levels.iter().enumerate() {
                let level_path = format!("{path}.levels[{position}]");
                let team = self.team(&level.to, format!("{level_path}.to"));
                let after_seconds = self.seconds(&level.after, format!("{level_path}.after"));
                if let Some(team) = team {
                    levels.push(CompiledLevel {
                        team,
                        after_seconds,
                        time: level.time,
                        direction: level.kind,
                    });
                }
            }
            let priority = priority.flatten();
            let first = row
                .first
                .as_deref()
                .and_then(|id| self.team(id, format!("{path}.first")))
                .map(|team| MatrixFirst {
                    team,
                    kind: if Some(team_levels[team]) == lowest_level {
                        RuleKind::None
                    } else {
                        RuleKind::Functional
                    },
                    id: row.id(),
                    condition: bridge::matrix_row_condition(category.as_deref(), priority),
                    shadowed_by: None,
                });
            matrix.push(CompiledRow {
                category,
                priority,
                levels,
                first,
            });
        }

        matrix
    }

    /// The SLA policy's pauses; `pause_when_waiting: false` beside a `pauses` that holds clocks while
    /// waiting on the customer contradicts it.
    fn pauses(&mut self, sla: &SlaPolicy, path: &str) -> Pauses {
        let pauses = sla.effective_pauses();
        if sla.pauses.is_some()
            && !sla.pause_when_waiting
            && pauses.any_in(WaitState::WaitingOnCustomer)
        {
            self.error(
                "contradictory-pauses",
                format!("{path}.pause_when_waiting"),
                "is false, but `pauses` holds clocks while waiting on the customer: remove \
                 `pause_when_waiting` (`pauses` replaces it), or take `waiting_on_customer` out of `pauses`"
                    .to_owned(),
            );
        }
        pauses
    }

    /// The channels' own targets, each checked like the priorities' (`{path}.channels.chat.first_response`).
    fn channel_targets(&mut self, sla: &SlaPolicy, path: &str) -> Vec<(Channel, ChannelOverride)> {
        let mut compiled = Vec::with_capacity(sla.channels.len());
        for (channel, targets) in &sla.channels {
            let base = format!("{path}.channels.{}", channel.as_str());
            let mut seconds = |duration: &Option<super::bridge::Duration>, target: &str| {
                duration
                    .as_ref()
                    .map(|duration| self.seconds(duration, format!("{base}.{target}")))
            };
            let first_response = seconds(&targets.first_response, "first_response");
            let next_update = seconds(&targets.next_update, "next_update");
            let resolution = seconds(&targets.resolution, "resolution");
            let first_assign = seconds(&targets.first_assign, "first_assign");
            compiled.push((
                *channel,
                ChannelOverride {
                    first_response,
                    next_update,
                    resolution,
                    first_assign,
                },
            ));
        }
        compiled
    }

    fn sla_policies(&mut self) -> Vec<CompiledSla> {
        let mut sla_policies = Vec::with_capacity(self.policy.sla_policies.len());
        for (index, sla) in self.policy.sla_policies.iter().enumerate() {
            let path = format!("sla_policies[{index}]");
            let condition = sla
                .when
                .as_ref()
                .and_then(|when| self.condition(when, format!("{path}.when")));
            let clock = match (sla.time, sla.calendar.as_deref()) {
                (TimeBasis::Calendar, _) => SlaClock::Calendar,
                (TimeBasis::Business, None) => SlaClock::ReceivingTeam,
                (TimeBasis::Business, Some(id)) => self
                    .calendar(id, format!("{path}.calendar"))
                    .map_or(SlaClock::ReceivingTeam, SlaClock::Business),
            };
            let targets = Priority::ALL.map(|priority| {
                let written = sla.targets.for_priority(priority);
                let target_path = format!("{path}.targets.{priority}");
                CompiledTargets {
                    first_response: self.seconds(
                        &written.first_response,
                        format!("{target_path}.first_response"),
                    ),
                    next_update: written.next_update.as_ref().map(|duration| {
                        self.seconds(duration, format!("{target_path}.next_update"))
                    }),
                    resolution: self
                        .seconds(&written.resolution, format!("{target_path}.resolution")),
                    first_assign: written.first_assign.as_ref().map(|duration| {
                        self.seconds(duration, format!("{target_path}.first_assign"))
                    }),
                }
            });
            let auto_close_after_seconds = sla
                .auto_close_after
                .as_ref()
                .map(|duration| self.seconds(duration, format!("{path}.auto_close_after")));
            let mut breach_ladder = Vec::with_capacity(sla.breach_ladder.len());
            for (position, level) in sla.breach_ladder.iter().enumerate() {
                let level_path = format!("{path}.breach_ladder[{position}]");
                let team = self.team(&level.to, format!("{level_path}.to"));
                let after_breach_seconds = level.after_breach.as_ref().map_or(0, |duration| {
                    self.seconds(duration, format!("{level_path}.after_breach"))
                });
                let repeat_every_seconds = level
                    .repeat_every
                    .as_ref()
                    .map(|duration| self.seconds(duration, format!("{level_path}.repeat_every")));
                if let Some(team) = team {
                    breach_ladder.push(CompiledBreachLevel {
                        target: level.target,
                        after_breach_seconds,
                        team,
                        action: level.action,
                        repeat_every_seconds,
                    });
                }
            }
            if sla.when.is_some() == condition.is_some() {
                sla_policies.push(CompiledSla {
                    id: sla.id.clone(),
                    name: sla.name.clone(),
                    condition,
                    clock,
                    pauses: self.pauses(sla, &path),
                    channel_targets: self.channel_targets(sla, &path),
                    auto_close_after_seconds,
                    warnings: sla.warnings.clone(),
                    targets,
                    breach_ladder,
                });
            }
        }

        sla_policies
    }

    /// Trigger, rule and SLA-policy ids must be unique within their list.
    fn duplicate_rule_ids(&mut self) {
        for (name, ids) in [
            (
                "triggers",
                self.policy
                    .triggers
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>(),
            ),
            (
                "routing.rules",
                self.policy
                    .routing
                    .rules
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect(),
            ),
            (
                "sla_policies",
                self.policy
                    .sla_policies
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect(),
            ),
        ] {
            let mut seen = HashMap::new();
            let mut duplicates = Vec::new();
            index_ids(ids.into_iter(), name, &mut seen, &mut duplicates);
            self.errors.extend(duplicates);
        }
    }
}

/// Marks each matrix row whose `first` can never decide: a trigger, a rule or an earlier row with `first`
/// matches every ticket it would.
fn mark_shadowed_rows(matrix: &mut [CompiledRow], earlier_lists: [&[CompiledRule]; 2]) {
    let rules: Vec<&CompiledRule> = earlier_lists.into_iter().flatten().collect();
    let mut index = CoverIndex::new();
    for rule in &rules {
        index.push(&rule.condition);
    }
    // The first earlier row with a `first`, by (category, priority) pattern (`None` = wildcard): its
    // position and its `first`.
    let mut first_row_with_first: HashMap<(Option<String>, Option<Priority>), (usize, String)> =
        HashMap::new();
    for (position, row) in matrix.iter_mut().enumerate() {
        let (category, priority) = (row.category.clone(), row.priority);
        let Some(first) = row.first.as_mut() else {
            continue;
        };
        let by_rule = match &first.condition {
            Some(condition) => index.first_covering(condition),
            None => index.first_catch_all(),
        }
        .map(|position| rules[position].id.clone());
        let patterns = [
            (None, None),
            (None, priority),
            (category.clone(), None),
            (category.clone(), priority),
        ];
        first.shadowed_by = by_rule.or_else(|| {
            patterns
                .iter()
                .filter_map(|pattern| first_row_with_first.get(pattern))
                .min_by_key(|(earlier, _)| *earlier)
                .map(|(_, id)| id.clone())
        });
        first_row_with_first
            .entry((category, priority))
            .or_insert_with(|| (position, first.id.clone()));
    }
}

/// Marks each rule that an earlier rule of the same list covers.
fn mark_shadowed(rules: &mut [CompiledRule]) {
    let shadowed_by: Vec<Option<String>> = {
        let mut index = CoverIndex::new();
        rules
            .iter()
            .map(|rule| {
                let found = index.first_covering(&rule.condition);
                index.push(&rule.condition);
                found.map(|position| rules[position].id.clone())
            })
            .collect()
    };
    for (rule, shadow) in rules.iter_mut().zip(shadowed_by) {
        rule.shadowed_by = shadow;
    }
}

fn index_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &str,
    index: &mut HashMap<&'a str, usize>,
    errors: &mut Vec<CompileError>,
) {
    for (position, id) in ids.enumerate() {
        if let Some(first) = index.insert(id, position) {
            index.insert(id, first);
            errors.push(CompileError {
                code: "duplicate-id",
                path: format!("{list}[{position}].id"),
                message: format!("duplicate id {id:?}, first used at {list}[{first}]"),
            });
        }
    }
}

/// ", known: a, b, c" in sorted order, or nothing when the list is empty.
fn known<'k, 'a: 'k>(ids: impl Iterator<Item = &'k &'a str>) -> String {
    /// Ids a message lists at most, so a policy with thousands of teams does not write megabytes.
    const LISTED: usize = 12;
    let mut ids: Vec<&str> = ids.copied().collect();
    if ids.is_empty() {
        return String::new();
    }
    ids.sort_unstable();
    let more = ids.len().saturating_sub(LISTED);
    ids.truncate(LISTED);
    if more > 0 {
        format!(" (known: {}, and {more} more)", ids.join(", "))
    } else {
        format!(" (known: {})", ids.join(", "))
    }
}

fn parse_priority_pattern(text: &str) -> Option<Option<Priority>> {
    if text == WILDCARD {
        Some(None)
    } else {
        Priority::parse(text).map(Some)
    }
}

impl Policy {
    /// Resolves every reference; returns all the problems found, each with its JSON path.
    pub fn compile(&self) -> Result<CompiledPolicy, CompileErrors> {
        let mut resolver = Resolver::new(self);
        let calendars = resolver.calendars();
        let teams = resolver.teams();
        let mut triggers = resolver.triggers();
        let mut rules = resolver.rules();
        let default_team = resolver.team(&self.routing.default, "routing.default".to_owned());
        let mut matrix = resolver.matrix(&teams);
        let sla_policies = resolver.sla_policies();
        let authorisations = resolver.authorisations();
        resolver.duplicate_rule_ids();
        mark_shadowed(&mut triggers);
        mark_shadowed(&mut rules);
        mark_shadowed_rows(&mut matrix, [&triggers, &rules]);
        match default_team {
            Some(default_team) if resolver.errors.is_empty() => {
                let mut compiled = CompiledPolicy {
                    texts: RouteTexts::default(),
                    source: self.clone(),
                    teams,
                    calendars,
                    calendar_ids: self
                        .calendars
                        .iter()
                        .map(|spec| bridge::calendar_id(spec).to_owned())
                        .collect(),
                    triggers,
                    rules,
                    default_team,
                    priority_matrix: self.priority_matrix.as_ref().map(resolve_matrix),
                    default_priority: self.default_priority,
                    matrix,
                    sla_policies,
                    authorisations,
                };
                compiled.texts = RouteTexts::of(&compiled);
                Ok(compiled)
            }
            _ => Err(CompileErrors(resolver.errors)),
        }
    }
}
