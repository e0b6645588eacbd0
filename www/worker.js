// Simulation worker: runs the Wasm simulator off the main thread, reporting progress; the page terminates it to cancel.
import init, { simulate_json, journey_json } from "./pkg/escalator.js";

const ready = init();

self.onmessage = async (event) => {
  await ready;
  const { id, kind, payload } = event.data;
  try {
    if (kind === "run") {
      const report = simulate_json(payload, (fraction) => self.postMessage({ id, kind: "progress", payload: fraction }));
      self.postMessage({ id, kind: "report", payload: report });
    } else if (kind === "journey") {
      self.postMessage({ id, kind: "journey", payload: journey_json(payload) });
    }
  } catch (error) {
    self.postMessage({ id, kind: "error", payload: String(error?.message ?? error) });
  }
};
