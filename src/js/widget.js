// Registers <escalation-calculator>. Loads only the small routing Wasm, located next to this module; that
// module has no time-zone database, so the TZif file of each zone a policy names is fetched from `wasm/tz/`
// (a kilobyte or two each) before the policy compiles.
import init, * as bindings from "./wasm/widget.js";
import { makeApi } from "./api.js";
import { calculatorClass } from "./element.js";

const ZONE_NAME = /^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/;
const provided = new Map();

/** Fetches and hands to the engine every IANA zone the policy's calendars name (each zone once per page). */
function provideZones(policy) {
  const names = new Set((policy?.calendars ?? []).map((calendar) => calendar?.time_zone)
    .filter((name) => typeof name === "string" && name.includes("/") && ZONE_NAME.test(name)));
  return Promise.all([...names].map((name) => {
    if (!provided.has(name)) {
      provided.set(name, fetch(new URL(`./wasm/tz/${name}`, import.meta.url))
        .then((response) => (response.ok ? response.arrayBuffer() : null))
        .then((bytes) => {
          // An unknown zone is left unprovided: compiling then reports it at its JSON path.
          if (bytes) bindings.provideTimeZone(name, new Uint8Array(bytes));
        })
        .catch(() => provided.delete(name)));
    }
    return provided.get(name);
  }));
}

const engine = init({ module_or_path: new URL("./wasm/widget_bg.wasm", import.meta.url) })
  .then(() => ({ ...makeApi(bindings), provideZones }));

export const EscalationCalculator = calculatorClass(engine);
export { EscalatorError } from "./api.js";

if (!customElements.get("escalation-calculator")) {
  customElements.define("escalation-calculator", EscalationCalculator);
}
