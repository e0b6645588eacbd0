// <escalation-calculator>: a self-contained form that asks the engine who receives a ticket, why, and when
// each SLA clock fires. Shadow DOM only; it never touches the host's URL, storage, keyboard or styles.

import { EscalatorError } from "./api.js";
import { STYLES } from "./element-styles.js";

const FIELDS = ["category", "priority", "channel", "segment", "amount", "signals"];
const PRIORITIES = ["critical", "high", "medium", "low"];
const LEVELS = ["high", "medium", "low"];
const CHANNELS = ["email", "chat", "phone", "web", "social"];
const SEGMENTS = ["standard", "premium", "enterprise"];
const SIGNALS = [
  ["demands_manager", "Asks for a manager"],
  ["abusive", "Abusive"],
  ["threatens_to_leave", "Threatens to leave"],
  ["threatens_review", "Threatens a bad review"],
];
const TARGETS = { first_response: "First reply", next_update: "Next update", resolution: "Resolution", first_assign: "Picked up" };
const KINDS = {
  none: "no escalation",
  functional: "functional escalation (to the right skills)",
  hierarchical: "hierarchical escalation (to more authority)",
  automatic: "automatic escalation (by the clock)",
};

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

let nextId = 0;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function capitalise(text) {
  const spaced = String(text).replaceAll("_", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "2026-03-09T12:55:00+00:00" (wall-clock time in the policy's zone) → "Mon 9 Mar, 12:55". */
function wallClock(local, lang) {
  const match = /^(-?\d+)-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(local ?? "");
  if (!match) return local ?? "";
  const [, year, month, day, hour, minute] = match.map(Number);
  const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return new Intl.DateTimeFormat(lang || undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC",
  }).format(asUtc);
}

function describeError(error) {
  const where = [];
  if (error.path && error.path !== ".") where.push(`at ${error.path}`);
  if (error.line) where.push(`line ${error.line}, column ${error.column}`);
  return { message: error.message, where: where.join(", "), help: error.help };
}

/** The element class, answering with `engine`: a promise of the API made by `makeApi`. */
export function calculatorClass(engine) {
  class EscalationCalculator extends HTMLElement {
    static observedAttributes = ["policy", "fields", "now", "lang"];

    #ready;
    #root;
    #form;
    #answer;
    #status;
    #document = null;
    #compiled = null;
    #ticket = { category: "", priority: "medium", channel: "email", segment: "standard", signals: {} };
    #now = null;
    #decision = null;
    #policySet = false;
    #loadCount = 0;
    #ids = `ec${nextId++}`;

    constructor() {
      super();
      this.#ready = engine;
      this.#root = this.attachShadow({ mode: "open" });
      this.#root.adoptedStyleSheets = [styles()];
      this.#status = element("p", { part: "status", class: "status", role: "status" }, "Loading the escalation policy…");
      this.#form = element("form", { part: "form", class: "form", "aria-label": "Ticket" });
      this.#form.addEventListener("submit", (event) => event.preventDefault());
      this.#form.addEventListener("input", () => this.#readForm());
      this.#form.addEventListener("change", () => this.#readForm());
      this.#answer = element("section", { part: "answer", class: "answer", "aria-live": "polite", "aria-label": "Escalation" });
      this.#root.append(element("div", { part: "container", class: "container" }, this.#form, this.#status, this.#answer));
    }

    connectedCallback() {
      if (!this.#policySet && this.#document === null) this.#load();
    }

    attributeChangedCallback(name, before, after) {
      if (before === after || !this.isConnected) return;
      if (name === "policy" && !this.#policySet) this.#load();
      if (name === "fields" && this.#document) this.#renderForm();
      if (name === "now" || name === "lang") this.#route();
    }

    /** The policy document in use (an object); set it to an object or JSON text to replace it. */
    get policy() {
      return this.#document;
    }

    set policy(value) {
      this.#policySet = true;
      this.#loadCount++;
      this.#usePolicy(value);
    }

    /** The ticket the form describes. */
    get ticket() {
      return structuredClone(this.#ticket);
    }

    set ticket(value) {
      if (value === null || typeof value !== "object") return;
      this.#ticket = { ...this.#ticket, ...structuredClone(value) };
      if (this.#document) this.#renderForm();
      this.#route();
    }

    /** The moment the ticket is created (Date or RFC 3339 text); unset means the time of each change. */
    get now() {
      return this.#now ?? this.getAttribute("now");
    }

    set now(value) {
      this.#now = value instanceof Date ? value.toISOString() : value ?? null;
      this.#route();
    }

    /** The last decision, or null when there is none (no policy yet, or an error). */
    get decision() {
      return this.#decision;
    }

    async #load() {
      const load = ++this.#loadCount;
      const inline = this.querySelector('script[type="application/json"]');
      const source = this.getAttribute("policy");
      try {
        let text;
        if (inline) {
          text = inline.textContent;
        } else if (source) {
          const response = await fetch(new URL(source, document.baseURI));
          if (!response.ok) {
            throw new EscalatorError({
              code: "policy-fetch", input: "policy",
              message: `the policy ${source} could not be loaded (HTTP ${response.status})`,
              help: "check the policy attribute's URL",
            });
          }
          text = await response.text();
        } else {
          return;
        }
        if (load === this.#loadCount) await this.#usePolicy(text);
      } catch (error) {
        if (load === this.#loadCount) this.#fail(error instanceof EscalatorError ? error : new EscalatorError({
          code: "policy-fetch", input: "policy", message: `the policy could not be loaded: ${error.message}`, help: "check the policy attribute's URL",
        }));
      }
    }

    async #usePolicy(value) {
      const load = this.#loadCount;
      let api;
      try {
        api = await this.#ready;
      } catch (error) {
        this.#fail(new EscalatorError({ code: "engine", input: "engine", message: `the escalation engine could not start: ${error.message}`, help: "check that the widget's files are served" }));
        return;
      }
      if (load !== this.#loadCount) return;
      const text = typeof value === "string" ? value : JSON.stringify(value);
      let parsed = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: compiling reports the syntax error with its line and column.
      }
      await api.provideZones?.(parsed);
      if (load !== this.#loadCount) return;
      try {
        const compiled = api.compile(text);
        this.#compiled?.free();
        this.#compiled = compiled;
        this.#document = parsed;
      } catch (error) {
        // The old policy no longer answers: what the page shows is this error, until a good policy comes.
        this.#compiled?.free();
        this.#compiled = null;
        this.#document = null;
        this.#fail(error);
        return;
      }
      const categories = this.#categories();
      if (!categories.some(([id]) => id === this.#ticket.category)) this.#ticket.category = categories[0]?.[0] ?? "";
      if (this.#document.priority_matrix && this.#ticket.impact === undefined) {
        this.#ticket.impact = "medium";
        this.#ticket.urgency = "medium";
        delete this.#ticket.priority;
      }
      this.#renderForm();
      this.#route();
    }

    #categories() {
      const listed = (this.#document?.categories ?? []).map((category) => [category.id, category.name]);
      if (listed.length > 0) return listed;
      const seen = new Set();
      for (const row of this.#document?.escalation_matrix ?? []) if (row.category && row.category !== "*") seen.add(row.category);
      return [...seen].map((id) => [id, capitalise(id)]);
    }

    #shownFields() {
      const asked = (this.getAttribute("fields") ?? "").split(/[\s,]+/).filter((name) => FIELDS.includes(name));
      return asked.length > 0 ? asked : FIELDS;
    }

    #select(name, label, options, selected) {
      const id = `${this.#ids}-${name}`;
      const select = element("select", { id, name, part: "control" });
      for (const [value, text] of options) {
        select.append(element("option", { value, selected: value === selected }, text));
      }
      return element("div", { part: "field", class: "field" }, element("label", { for: id, part: "label" }, label), select);
    }

    #renderForm() {
      const shown = new Set(this.#shownFields());
      const ticket = this.#ticket;
      const fields = [];
      if (shown.has("category")) fields.push(this.#select("category", "Category", this.#categories(), ticket.category));
      if (shown.has("priority")) {
        if (this.#document?.priority_matrix) {
          const levels = LEVELS.map((level) => [level, capitalise(level)]);
          fields.push(this.#select("impact", "Impact", levels, ticket.impact ?? "medium"));
          fields.push(this.#select("urgency", "Urgency", levels, ticket.urgency ?? "medium"));
        } else {
          fields.push(this.#select("priority", "Priority", PRIORITIES.map((p) => [p, capitalise(p)]), ticket.priority ?? "medium"));
        }
      }
      if (shown.has("channel")) fields.push(this.#select("channel", "Channel", CHANNELS.map((c) => [c, capitalise(c)]), ticket.channel));
      if (shown.has("segment")) {
        const segments = SEGMENTS.includes(ticket.segment) ? SEGMENTS : [...SEGMENTS, ticket.segment];
        fields.push(this.#select("segment", "Customer segment", segments.map((s) => [s, capitalise(s)]), ticket.segment));
      }
      if (shown.has("amount")) {
        const id = `${this.#ids}-amount`;
        const input = element("input", { id, name: "amount", type: "number", min: "0", step: "any", inputmode: "decimal", part: "control", value: ticket.amount ?? "" });
        fields.push(element("div", { part: "field", class: "field" }, element("label", { for: id, part: "label" }, "Amount"), input));
      }
      if (shown.has("signals")) {
        const legend = element("legend", { part: "label" }, "Customer signals");
        const boxes = SIGNALS.map(([name, label]) => {
          const id = `${this.#ids}-${name}`;
          const box = element("input", { id, name, type: "checkbox", "data-signal": name, part: "control", checked: Boolean(ticket.signals?.[name]) });
          return element("div", { class: "check" }, box, element("label", { for: id }, label));
        });
        fields.push(element("fieldset", { part: "field signals", class: "field signals" }, legend, ...boxes));
      }
      this.#form.replaceChildren(...fields);
    }

    #readForm() {
      const form = this.#form;
      const ticket = { ...this.#ticket, signals: { ...(this.#ticket.signals ?? {}) } };
      for (const name of ["category", "priority", "impact", "urgency", "channel", "segment"]) {
        const control = form.elements.namedItem(name);
        if (control) ticket[name] = control.value;
      }
      const amount = form.elements.namedItem("amount");
      if (amount) {
        if (amount.value === "" || !Number.isFinite(amount.valueAsNumber)) delete ticket.amount;
        else ticket.amount = amount.valueAsNumber;
      }
      for (const box of form.querySelectorAll("input[data-signal]")) ticket.signals[box.dataset.signal] = box.checked;
      this.#ticket = ticket;
      this.#route();
    }

    #route() {
      if (!this.#compiled) return;
      try {
        const at = this.now ?? new Date().toISOString();
        this.#decision = this.#compiled.route(this.#ticketForEngine(), at);
      } catch (error) {
        this.#fail(error, { keepForm: true });
        return;
      }
      this.#status.hidden = true;
      this.#renderAnswer(this.#decision);
      this.dispatchEvent(new CustomEvent("decision", { detail: this.#decision, bubbles: true, composed: true }));
    }

    #ticketForEngine() {
      const ticket = { ...this.#ticket };
      if (this.#document?.priority_matrix && ticket.impact) delete ticket.priority;
      else {
        delete ticket.impact;
        delete ticket.urgency;
      }
      return ticket;
    }

    #teamName(id) {
      return this.#document?.teams?.find((team) => team.id === id)?.name ?? id;
    }

    #renderAnswer(decision) {
      const lang = this.getAttribute("lang") || document.documentElement.lang;
      const zone = decision.zone;
      const when = (instant) => `${wallClock(decision.local[instant], lang)} (${zone})`;
      const receiver = element("p", { part: "team", class: "team" },
        "Goes to ", element("strong", {}, decision.team_name), ` · ${decision.tier_name} · ${KINDS[decision.kind] ?? decision.kind}`);
      const by = decision.decided_by;
      const reason = element("p", { part: "reason", class: "reason" },
        "Why: ", by.description || by.id,
        by.condition && by.condition !== "true" ? element("code", {}, by.condition) : null);
      const priority = element("p", { part: "priority", class: "priority" },
        `Priority ${decision.priority}${decision.priority_source === "matrix" ? " (from impact × urgency)" : decision.priority_source === "default" ? " (the policy's default)" : ""}`);
      const parts = [receiver, reason, priority];
      const approval = decision.approval;
      if (approval) {
        parts.push(element("p", { part: "approval", class: "approval" },
          `Needs approval: the amount ${approval.amount} is above ${approval.above}, so `,
          element("strong", {}, approval.approver_name),
          ` approve it before ${decision.team_name} may finish it.`));
      }
      const sla = decision.sla;
      if (sla) {
        const dues = sla.targets.filter((target) => target.due).map((target) =>
          element("li", {}, `${TARGETS[target.target] ?? target.target} by `, element("time", { datetime: target.due }, when(target.due))));
        if (dues.length > 0) {
          parts.push(element("h3", { part: "heading" }, `SLA: ${sla.name}`), element("ul", { part: "sla", class: "sla" }, ...dues));
        }
      }
      const planned = [
        ...decision.ladder.map((level) => [level.at, `${level.team_name} (${level.direction})`]),
        ...(sla?.breach_ladder ?? []).map((breach) => [
          breach.at,
          `${breach.action === "notify" ? "notify" : "escalate to"} ${this.#teamName(breach.team)} (${TARGETS[breach.target] ?? breach.target} breached)`,
        ]),
      ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (planned.length > 0) {
        parts.push(element("h3", { part: "heading" }, "If still open"), element("ul", { part: "planned", class: "planned" },
          ...planned.map(([at, what]) => element("li", {}, element("time", { datetime: at }, when(at)), ` → ${what}`))));
      }
      this.#answer.replaceChildren(...parts);
    }

    #fail(error, { keepForm = false } = {}) {
      this.#decision = null;
      const { message, where, help } = describeError(error);
      const box = element("div", { part: "error", class: "error", role: "alert" },
        element("strong", {}, error.input === "policy" ? "This policy cannot be used" : "No answer"),
        element("p", {}, message),
        where ? element("p", { class: "where" }, where) : null,
        help ? element("p", { class: "help" }, `How to fix it: ${help}`) : null);
      this.#status.hidden = true;
      if (!keepForm) this.#form.replaceChildren();
      this.#answer.replaceChildren(box);
      this.dispatchEvent(new CustomEvent("error", { detail: error, bubbles: true, composed: true }));
    }
  }
  return EscalationCalculator;
}
