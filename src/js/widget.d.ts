// Types of "escalator/widget": importing it registers <escalation-calculator>.
import type { Decision, EscalatorError, Policy, Ticket } from "./index.js";

export { EscalatorError } from "./index.js";

export declare class EscalationCalculator extends HTMLElement {
  /** The policy document; set an object or JSON text to replace it. */
  policy: Policy | null;
  /** The ticket the form describes; setting it fills the form and answers. */
  ticket: Ticket;
  /** When the ticket is created; unset means the time of each change. */
  now: string | Date | null;
  /** The last decision, or null. */
  readonly decision: Decision | null;
  addEventListener(type: "decision", listener: (event: CustomEvent<Decision>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: "error", listener: (event: CustomEvent<EscalatorError>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "escalation-calculator": EscalationCalculator;
  }
}
