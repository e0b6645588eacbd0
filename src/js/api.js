// The package's public functions, built over the raw wasm-bindgen exports of one Escalator Wasm module.
// Inputs may be objects or JSON text; results are plain objects; every failure is an EscalatorError.

/** An error from the engine: what is wrong, how to fix it, and where (JSON path, or line and column). */
export class EscalatorError extends Error {
  constructor(details) {
    super(details.message);
    this.name = "EscalatorError";
    this.code = details.code;
    this.input = details.input;
    this.help = details.help;
    this.path = details.path;
    this.line = details.line;
    this.column = details.column;
    this.span = details.span;
    this.problems = details.problems ?? [];
  }
}

function asError(thrown) {
  if (typeof thrown === "string") {
    try {
      return new EscalatorError(JSON.parse(thrown));
    } catch {
      return new EscalatorError({ code: "internal", input: "engine", message: thrown, help: "report this as a bug" });
    }
  }
  if (thrown instanceof WebAssembly.RuntimeError) {
    return new EscalatorError({
      code: "internal",
      input: "engine",
      message: `the engine stopped: ${thrown.message}`,
      help: "reload the page; please report the input that caused this",
    });
  }
  return thrown;
}

function call(work) {
  try {
    return work();
  } catch (thrown) {
    throw asError(thrown);
  }
}

function jsonText(value, input) {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") {
    throw new EscalatorError({
      code: "argument",
      input,
      message: `the ${input} must be an object or JSON text, not ${value === null ? "null" : typeof value}`,
      help: `pass the ${input} document`,
    });
  }
  return JSON.stringify(value);
}

function instantText(at) {
  if (at === undefined || at === null) return new Date().toISOString();
  if (at instanceof Date) {
    if (Number.isNaN(at.getTime())) {
      throw new EscalatorError({ code: "instant", input: "at", message: "the date is invalid", help: "pass a valid Date or an RFC 3339 timestamp" });
    }
    return at.toISOString();
  }
  return String(at);
}

/** How often, at most, a long simulation hands out the report so far (after its first replication always). */
const PARTIAL_EVERY_MS = 250;

/** Gives control back to the event loop, so that progress can be painted and an abort can arrive. */
function yieldToEventLoop() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function abortError(signal) {
  return signal.reason instanceof Error
    ? signal.reason
    : new EscalatorError({ code: "cancelled", input: "simulation", message: "the simulation was cancelled", help: "start it again" });
}

/** Builds the public API over `bindings`, the wasm-bindgen module (already initialised). */
export function makeApi(bindings) {
  class CompiledPolicy {
    #handle;
    constructor(policy) {
      this.#handle = call(() => new bindings.CompiledPolicyHandle(jsonText(policy, "policy")));
    }
    /** The full decision at `at`: receiver, deciding rule, trace, planned escalations, SLA plan, local times. */
    route(ticket, at) {
      return JSON.parse(call(() => this.#handle.route(jsonText(ticket, "ticket"), instantText(at))));
    }
    /** Only who receives the ticket and what decided it: the cheapest question. */
    receiver(ticket) {
      return JSON.parse(call(() => this.#handle.receiver(jsonText(ticket, "ticket"))));
    }
    /** The SLA policy that applies and when each target falls due, or null. */
    slaPlan(ticket, at) {
      return JSON.parse(call(() => this.#handle.slaPlan(jsonText(ticket, "ticket"), instantText(at))));
    }
    /** Frees the compiled policy's Wasm memory now rather than at garbage collection. */
    free() {
      this.#handle.free();
    }
  }

  /** Compiles `policy`, asks `question` of it, and frees it again. */
  function once(policy, question) {
    const compiled = new CompiledPolicy(policy);
    try {
      return question(compiled);
    } finally {
      compiled.free();
    }
  }

  const api = {
    EscalatorError,
    compile: (policy) => new CompiledPolicy(policy),
    route: (policy, ticket, at) => once(policy, (compiled) => compiled.route(ticket, at)),
    slaPlan: (policy, ticket, at) => once(policy, (compiled) => compiled.slaPlan(ticket, at)),
  };
  if (bindings.lint) {
    api.lint = (policy) => JSON.parse(call(() => bindings.lint(jsonText(policy, "policy"))));
    api.parseCondition = (text) => JSON.parse(call(() => bindings.parseCondition(String(text))));
  }
  if (bindings.SimulationHandle) {
    api.simulate = async (policy, scenario, { onProgress, onPartial, signal } = {}) => {
      if (signal?.aborted) throw abortError(signal);
      const policyText = policy === undefined || policy === null ? undefined : jsonText(policy, "policy");
      const job = call(() => new bindings.SimulationHandle(policyText, jsonText(scenario, "scenario")));
      const report = (fraction) => onProgress?.(fraction);
      let freed = false;
      const free = () => {
        if (!freed) {
          freed = true;
          job.free();
        }
      };
      // The report is parsed only when read: a worker passes its JSON text on as it is.
      const view = (reportJson) => {
        let report;
        return {
          reportJson,
          get report() {
            report ??= JSON.parse(reportJson);
            return report;
          },
          journey: (index) => JSON.parse(call(() => job.journey(index))),
          free,
        };
      };
      // Once a partial run is handed out, its holder frees the job (it may outlive a cancelled run).
      let shared = false;
      let done = 0;
      let lastPartial = 0;
      try {
        while (call(() => job.runNext(report))) {
          done += 1;
          await yieldToEventLoop();
          if (signal?.aborted) throw abortError(signal);
          const now = Date.now();
          if (onPartial && done < job.replications() && (done === 1 || now - lastPartial >= PARTIAL_EVERY_MS)) {
            lastPartial = now;
            shared = true;
            onPartial(view(call(() => job.partial())), { done, of: job.replications() });
          }
        }
        const result = view(call(() => job.finish()));
        onProgress?.(1);
        return result;
      } catch (error) {
        if (!shared) free();
        throw error;
      }
    };
    api.summarize = (journeys, { start, end, zone } = {}) => {
      const input = { journeys: Array.isArray(journeys) ? journeys : [] };
      if (!Array.isArray(journeys)) {
        throw new EscalatorError({ code: "argument", input: "journeys", message: "journeys must be an array", help: "pass the journeys of a run" });
      }
      if (start !== undefined) input.start = instantText(start);
      if (end !== undefined) input.end = instantText(end);
      if (zone !== undefined) input.zone = String(zone);
      return JSON.parse(call(() => bindings.summarize(JSON.stringify(input))));
    };
    const logBytes = (bytes) => {
      const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
      if (!(data instanceof Uint8Array)) {
        throw new EscalatorError({ code: "argument", input: "log", message: "the log must be a Uint8Array or a string", help: "pass the file's bytes" });
      }
      return data;
    };
    api.importLog = (bytes, options = {}) =>
      JSON.parse(call(() => bindings.importLog(logBytes(bytes), JSON.stringify(options))));
    api.logColumns = (bytes) => JSON.parse(call(() => bindings.logColumns(logBytes(bytes))));
    api.openLog = (bytes, options = {}, { onProgress } = {}) => {
      const data = logBytes(bytes);
      const handle = call(() => new bindings.LogHandle(data, JSON.stringify(options), (fraction) => onProgress?.(fraction)));
      return {
        report: JSON.parse(call(() => handle.report())),
        journey: (index) => JSON.parse(call(() => handle.journey(index))),
        replay: (policy, scenario, { onProgress: onReplayProgress } = {}) => {
          const policyText = policy === undefined || policy === null ? undefined : jsonText(policy, "policy");
          const text = jsonText(scenario, "scenario");
          return JSON.parse(call(() => handle.replay(policyText, text, (fraction) => onReplayProgress?.(fraction))));
        },
        scenario: (shape = {}) => JSON.parse(call(() => handle.scenario(JSON.stringify(shape)))),
        free: () => handle.free(),
      };
    };
  }
  return api;
}
