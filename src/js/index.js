// Escalator for browsers and bundlers: the whole engine (routing, lint, conditions, simulator, metrics).
import init, * as bindings from "./wasm/escalator.js";
import { makeApi } from "./api.js";

await init({ module_or_path: new URL("./wasm/escalator_bg.wasm", import.meta.url) });

export const { EscalatorError, compile, route, slaPlan, lint, parseCondition, simulate, summarize, importLog, openLog, logColumns } = makeApi(bindings);
