// Simulation worker: runs the JS package's `simulate` off the main thread and reports progress, sending the
// report after the first replication ("partial") and then the final one. A new "run" or a "cancel" message stops
// the run at its next replication and keeps the last run shown, so its journeys can still be opened. It also reads ticket logs ("import", the file's bytes) with progress, and keeps the last one to
// open its journeys ("log-journey"), replay it through a policy ("replay") and draw a scenario from it
// ("log-scenario"), so a large file never blocks the page. A CSV no format knows comes back "unmapped", with
// its columns, to choose a column mapping and read it again with it. Cancelling an import terminates this worker.
// The package is imported inside the handler, so a failed start is reported as an error.
const engine = import("./pkg/escalator/index.js");
// The run whose report the page shows: the last finished one, or the partial one being refined (whose journeys
// stay open even if it is then cancelled).
let lastRun = null;

/** Shows `run` (partial or final), freeing the one shown before unless it is the same job. */
function show(run) {
  if (lastRun && lastRun.free !== run.free) lastRun.free();
  lastRun = run;
}

let running = null;
let lastLog = null;

/** The file's header columns and a suggested mapping, or null when it has no readable header. */
function columnsOf(logColumns, bytes) {
  try {
    return logColumns(bytes);
  } catch {
    return null;
  }
}

function requireLog() {
  if (!lastLog) throw new Error("no ticket log has been read yet");
  return lastLog;
}

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
    const { simulate, openLog, logColumns } = await engine;
    const progress = (fraction) => self.postMessage({ id, kind: "progress", payload: fraction });
    if (kind === "run") {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const { policy, scenario } = JSON.parse(payload);
      // The first replication's report goes to the page at once; the rest refine it.
      const onPartial = (partial, { done, of }) => {
        show(partial);
        self.postMessage({ id, kind: "partial", payload: `{"done":${done},"of":${of},"report":${partial.reportJson}}` });
      };
      const run = await simulate(policy, scenario, { onProgress: progress, onPartial, signal: controller.signal });
      if (running === controller) running = null;
      show(run);
      self.postMessage({ id, kind: "report", payload: run.reportJson });
    } else if (kind === "import") {
      lastLog?.free();
      lastLog = null;
      const { bytes, mapping, zone } = payload;
      const options = { now: Math.floor(Date.now() / 1000), ...(mapping ? { mapping } : {}), ...(zone ? { zone } : {}) };
      try {
        lastLog = openLog(bytes, options, { onProgress: progress });
      } catch (error) {
        // A CSV no format knows (or that its mapping does not read): send its columns to choose a mapping.
        const header = error?.name === "EscalatorError" && (error.code === "unknown-format" || mapping) ? columnsOf(logColumns, bytes) : null;
        if (!header) throw error;
        self.postMessage({ id, kind: "unmapped", payload: JSON.stringify({ message: error.message, ...header }) });
        return;
      }
      self.postMessage({ id, kind: "imported", payload: JSON.stringify(lastLog.report) });
    } else if (kind === "log-journey") {
      self.postMessage({ id, kind: "journey", payload: JSON.stringify(requireLog().journey(payload)) });
    } else if (kind === "replay") {
      const { policy, scenario } = JSON.parse(payload);
      const replay = requireLog().replay(policy, scenario, { onProgress: progress });
      self.postMessage({ id, kind: "replayed", payload: JSON.stringify(replay) });
    } else if (kind === "log-scenario") {
      const scenario = requireLog().scenario(JSON.parse(payload));
      self.postMessage({ id, kind: "log-scenario", payload: JSON.stringify(scenario) });
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
