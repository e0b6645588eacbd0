// Simulation worker: runs the JS package's `simulate` off the main thread and reports progress; the page
// terminates the worker to cancel. The package is imported inside the handler so that a failed start is
// reported to the page as an error instead of leaving it waiting.
const engine = import("./pkg/escalator/index.js");
let lastRun = null;

self.onmessage = async (event) => {
  const { id, kind, payload } = event.data;
  try {
    const { simulate } = await engine;
    if (kind === "run") {
      const { policy, scenario } = JSON.parse(payload);
      const run = await simulate(policy, scenario, {
        onProgress: (fraction) => self.postMessage({ id, kind: "progress", payload: fraction }),
      });
      lastRun?.free();
      lastRun = run;
      self.postMessage({ id, kind: "report", payload: JSON.stringify(run.report) });
    } else if (kind === "journey") {
      if (!lastRun) throw new Error("no run has finished yet");
      self.postMessage({ id, kind: "journey", payload: JSON.stringify(lastRun.journey(payload)) });
    }
  } catch (error) {
    const where = error?.path ? `${error.path}: ` : "";
    self.postMessage({ id, kind: "error", payload: `${where}${error?.message ?? error}` });
  }
};
