//! Fixtures shared by the policy, lint and routing tests.

/// A small valid policy; each case below replaces one snippet of it.
pub const BASE: &str = r#"{
  "schema_version": 1,
  "name": "Small shop",
  "tiers": [
    { "id": "l1", "name": "First line", "level": 1 },
    { "id": "mgmt", "name": "Management", "level": 2 }
  ],
  "categories": [{ "id": "billing", "name": "Billing" }],
  "calendars": [
    {
      "id": "office",
      "time_zone": "Europe/London",
      "hours": [{ "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" }]
    }
  ],
  "teams": [
    { "id": "desk", "name": "Help desk", "tier": "l1", "handles": ["billing"], "agents": 4, "calendar": "office", "parent": "boss" },
    { "id": "boss", "name": "Supervisors", "tier": "mgmt", "agents": 1, "hourly_cost": 50 }
  ],
  "priority_matrix": {
    "high": { "high": "critical", "medium": "high", "low": "medium" },
    "medium": { "high": "high", "medium": "medium", "low": "low" },
    "low": { "high": "medium", "medium": "low", "low": "low" }
  },
  "triggers": [
    { "id": "angry", "when": "signals.abusive", "to": "boss", "kind": "hierarchical", "reason": "abuse" }
  ],
  "routing": {
    "rules": [{ "id": "bills", "when": "category == \"billing\"", "to": "desk", "kind": "none" }],
    "default": "desk"
  },
  "escalation_matrix": [
    { "category": "*", "priority": "*", "levels": [{ "to": "boss", "after": "4h", "time": "business", "kind": "hierarchical" }] }
  ],
  "sla_policies": [
    {
      "id": "standard",
      "time": "business",
      "calendar": "office",
      "pause_when_waiting": true,
      "warnings": [50, 75],
      "targets": {
        "critical": { "first_response": "30m", "resolution": "4h" },
        "high": { "first_response": "1h", "resolution": "8h" },
        "medium": { "first_response": "4h", "resolution": "16h" },
        "low": { "first_response": "8h", "next_update": "24h", "resolution": "40h" }
      },
      "breach_ladder": [{ "target": "first_response", "after_breach": "0m", "to": "boss", "action": "notify" }]
    }
  ]
}"#;

/// BASE with one snippet replaced; panics if the snippet is missing (a broken fixture, not a user error).
pub fn replaced(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "snippet {from:?} not in BASE");
    BASE.replacen(from, to, 1)
}
