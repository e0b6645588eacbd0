// Registers <escalation-calculator>. Loads only the small routing Wasm, located next to this module.
import init, * as bindings from "./wasm/widget.js";
import { makeApi } from "./api.js";
import { calculatorClass } from "./element.js";

const engine = init({ module_or_path: new URL("./wasm/widget_bg.wasm", import.meta.url) }).then(() => makeApi(bindings));

export const EscalationCalculator = calculatorClass(engine);
export { EscalatorError } from "./api.js";

if (!customElements.get("escalation-calculator")) {
  customElements.define("escalation-calculator", EscalationCalculator);
}
