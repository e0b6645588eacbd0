// Escalator for Node: the same API as the browser entry, with the Wasm read from the package folder.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/escalator.js";
import * as bindings from "./wasm/escalator.js";
import { makeApi } from "./api.js";

initSync({ module: readFileSync(new URL("./wasm/escalator_bg.wasm", import.meta.url)) });

export const { EscalatorError, compile, route, slaPlan, lint, parseCondition, simulate, summarize, importLog, openLog, logColumns } = makeApi(bindings);
