// Simulation worker: runs the JS package's `simulate` off the main thread and reports progress. A "cancel"
// message stops the run at its next replication and keeps the last complete run, so its journeys can still
// be opened. It also reads ticket logs ("import", the file's bytes), so a large file never blocks the page.
// The package is imported inside the handler, so a failed start is reported as an error.
const engine = import("./pkg/escalator/index.js");
let lastRun = null;
let running = null;

/** An error the worker cannot recover from (the engine did not start, or its instance trapped). */
function isFatal(error) {
  return error?.name !== "EscalatorError" || error.code === "internal";
}

self.onmessage = async (event) => {
  const { id, kind, payload } = event.data;
  if (kind === "cancel") {
    running?.abort();
    return;
  }
  try {
    const { simulate, importLog } = await engine;
    if (kind === "run") {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const { policy, scenario } = JSON.parse(payload);
      const run = await simulate(policy, scenario, {
        onProgress: (fraction) => self.postMessage({ id, kind: "progress", payload: fraction }),
        signal: controller.signal,
      });
      if (running === controller) running = null;
      lastRun?.free();
      lastRun = run;
      self.postMessage({ id, kind: "report", payload: JSON.stringify(run.report) });
    } else if (kind === "import") {
      const report = importLog(new Uint8Array(payload), { now: Math.floor(Date.now() / 1000) });
      self.postMessage({ id, kind: "imported", payload: JSON.stringify(report) });
    } else if (kind === "journey") {
      if (!lastRun) throw new Error("no run has finished yet");
      self.postMessage({ id, kind: "journey", payload: JSON.stringify(lastRun.journey(payload)) });
    }
  } catch (error) {
    if (error?.name === "AbortError") {
      self.postMessage({ id, kind: "cancelled", payload: null });
      return;
    }
    const where = error?.path ? `${error.path}: ` : "";
    self.postMessage({ id, kind: isFatal(error) ? "fatal" : "error", payload: `${where}${error?.message ?? error}` });
  }
};
