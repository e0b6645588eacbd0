// The host page's own script: it listens to each calculator's `decision` and `error` events, as a site would
// to show a contact form or log what was asked.
for (const calculator of document.querySelectorAll("escalation-calculator")) {
  const log = document.getElementById(`${calculator.id === "support" ? "support" : "returns"}-log`);
  calculator.addEventListener("decision", (event) => {
    const decision = event.detail;
    const due = decision.sla?.targets.find((target) => target.target === "first_response")?.due;
    log.textContent = `Host page heard: routed to ${decision.team_name} (${decision.kind})` +
      (due ? `, first reply due ${due}` : "") + ".";
    log.dataset.team = decision.team;
  });
  calculator.addEventListener("error", (event) => {
    log.textContent = `Host page heard an error: ${event.detail.message}`;
    delete log.dataset.team;
  });
}
