#!/usr/bin/env python3
"""Independent reference figures for tests/import_real_logs.rs, computed with Python's csv module and plain
loops from the rules in docs/import.md (not from the importer's code). Run it from the repository root:

    python3 tests/import_reference/reference.py > tests/import_reference/expected.txt

and commit the output; the Rust test reads the figures from there.
"""
import csv
import math
from datetime import datetime, timezone

DATA = "../shared/data/"


def median(values):
    """Nearest rank, as docs/metrics.md defines it: the value at rank ceil(n/2)."""
    values = sorted(values)
    return values[math.ceil(len(values) * 0.5) - 1]


def servicenow():
    with open(DATA + "servicenow_incident_event_log.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    parse = lambda text: datetime.strptime(text, "%d-%m-%Y %H:%M").replace(tzinfo=timezone.utc).timestamp()
    incidents = {}
    for row in rows:
        incidents.setdefault(row["number"], []).append(row)
    reassignments = reassigned = 0
    resolution_seconds = []
    missed = 0
    for number, group in incidents.items():
        opened = parse(group[0]["opened_at"])
        group.sort(key=lambda r: (parse(r["sys_updated_at"]), int(r["sys_mod_count"])))
        team, changes = None, 0
        resolved_at, resolved = None, False
        for row in group:
            at = max(parse(row["sys_updated_at"]), opened)
            if row["assignment_group"] != "?":
                if team is not None and row["assignment_group"] != team:
                    changes += 1
                team = row["assignment_group"]
            state = row["incident_state"]
            if state in ("Resolved", "Closed"):
                if not resolved:
                    resolved, resolved_at = True, at
            elif state != "New":
                resolved = False
        reassignments += changes
        reassigned += changes > 0
        if resolved:
            resolution_seconds.append(resolved_at - opened)
        missed += group[-1]["made_sla"] == "FALSE"
    print(f"servicenow rows {len(rows)}")
    print(f"servicenow incidents {len(incidents)}")
    print(f"servicenow reassignments {reassignments}")
    print(f"servicenow tickets_reassigned {reassigned}")
    print(f"servicenow escalation_rate {reassigned / len(incidents):.6f}")
    print(f"servicenow resolved {len(resolution_seconds)}")
    print(f"servicenow resolution_median_seconds {int(median(resolution_seconds))}")
    print(f"servicenow sla_missed {missed}")


def volvo():
    with open(DATA + "volvo_it_bpi2013_incidents.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    parse = lambda text: datetime.fromisoformat(text).timestamp()
    level = lambda text: int(text[1])
    requests = {}
    for row in rows:
        requests.setdefault(row["SR Number"], []).append(row)
    reassignments = escalated = up = down = with_down = 0
    resolution_seconds = []
    for number, group in requests.items():
        group.sort(key=lambda r: parse(r["Change Date+Time"]))
        created = parse(group[0]["Change Date+Time"])
        team = team_level = None
        ups = sideways = downs = 0
        resolved, resolved_at = False, None
        for row in group:
            at = parse(row["Change Date+Time"])
            if row["Involved ST"] and row["Involved ST"] != team:
                new_level = level(row["ST Level"])
                if team is not None:
                    if new_level > team_level:
                        ups += 1
                    elif new_level < team_level:
                        downs += 1
                    else:
                        sideways += 1
                team, team_level = row["Involved ST"], new_level
            if row["Status"] == "Completed":
                if not resolved:
                    resolved, resolved_at = True, at
            elif row["Status"] in ("Queued", "Accepted"):
                resolved = False
        reassignments += ups + sideways + downs
        escalated += (ups + sideways) > 0
        up += ups
        down += downs
        with_down += downs > 0
        if resolved:
            resolution_seconds.append(resolved_at - created)
    print(f"volvo rows {len(rows)}")
    print(f"volvo requests {len(requests)}")
    print(f"volvo reassignments {reassignments}")
    print(f"volvo moves_up {up}")
    print(f"volvo ping_pong_moves {down}")
    print(f"volvo tickets_with_ping_pong {with_down}")
    print(f"volvo escalation_rate {escalated / len(requests):.6f}")
    print(f"volvo resolved {len(resolution_seconds)}")
    print(f"volvo resolution_median_seconds {int(median(resolution_seconds))}")


servicenow()
volvo()
