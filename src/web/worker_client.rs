//! The page's side of the simulation Web Worker (`www/worker.js`): start runs, receive progress, partial and final
//! reports, cancel.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// What the worker sends back, tagged with the id of the request it answers.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerReply {
    /// Share of the run done, 0 to 1.
    Progress { id: u32, fraction: f64 },
    /// The run so far, after its first replication, while the rest refine it: `{"done", "of", "report"}`.
    Partial { id: u32, json: String },
    /// The finished run as report JSON.
    Report { id: u32, json: String },
    /// One ticket's journey as JSON.
    Journey { id: u32, json: String },
    /// A ticket log read: its import report as JSON (summary, problems, metrics, ticket rows).
    Imported { id: u32, json: String },
    /// A CSV that no format reads (or its mapping does not): `{"message", "columns", "suggestion"}`.
    Unmapped { id: u32, json: String },
    /// The last log replayed through a policy (`api::OpenedLog::replay_json`).
    Replayed { id: u32, json: String },
    /// A scenario document drawn from the last log.
    LogScenario { id: u32, json: String },
    /// The run could not be done (a scenario the engine refused); the worker is still good.
    Failed { id: u32, message: String },
    /// The run stopped on a cancel; the last complete run is still in the worker.
    Cancelled { id: u32 },
    /// The worker cannot go on: it did not start, or its engine trapped. A fresh worker is needed.
    Crashed { message: String },
}

/// A running worker; dropping it terminates the worker (and whatever run it was doing).
pub struct SimulationWorker {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl SimulationWorker {
    pub fn spawn(on_reply: Callback<WorkerReply>) -> Result<SimulationWorker, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("worker.js", &options)
            .map_err(|err| format!("cannot start the simulation worker: {err:?}"))?;
        let on_message = {
            let on_reply = on_reply.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(reply) = read_reply(&event.data()) {
                    on_reply.emit(reply);
                }
            })
        };
        // A worker script that fails to load or to evaluate fires `error` on the worker, not a message.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let detail = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|error| error.message())
                .filter(|message| !message.is_empty())
                .unwrap_or_else(|| "its script did not load".to_owned());
            on_reply.emit(WorkerReply::Crashed {
                message: format!("the simulation worker could not start ({detail})"),
            });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(SimulationWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Stops the run `id` at its next replication; the last complete run stays in the worker.
    pub fn cancel(&self, id: u32) {
        self.post(id, "cancel", &JsValue::NULL);
    }

    /// Starts a run of `input_json` (`{"policy": …, "scenario": …}`).
    pub fn run(&self, id: u32, input_json: &str) {
        self.post(id, "run", &JsValue::from_str(input_json));
    }

    /// Reads a ticket log's bytes (`api::OpenedLog`), through `mapping_json` (a column mapping) when given.
    /// Reads a ticket log, through `mapping_json` when given, with times without an offset in `zone`.
    pub fn import(&self, id: u32, bytes: &[u8], mapping_json: Option<&str>, zone: &str) {
        let payload = js_sys::Object::new();
        let mapping = mapping_json
            .and_then(|json| js_sys::JSON::parse(json).ok())
            .unwrap_or(JsValue::UNDEFINED);
        let set = |key: &str, value: &JsValue| {
            js_sys::Reflect::set(&payload, &JsValue::from_str(key), value)
        };
        let _a_fresh_object_takes_any_key = set("bytes", &js_sys::Uint8Array::from(bytes).into())
            .and_then(|_| set("mapping", &mapping))
            .and_then(|_| set("zone", &JsValue::from_str(zone)));
        self.post(id, "import", &payload);
    }

    /// Asks for the journey of ticket `index` of the last run.
    pub fn journey(&self, id: u32, index: usize) {
        self.post(id, "journey", &JsValue::from_f64(index as f64));
    }

    /// Asks for the journey of ticket `index` of the last log read.
    pub fn log_journey(&self, id: u32, index: usize) {
        self.post(id, "log-journey", &JsValue::from_f64(index as f64));
    }

    /// Replays the last log read through `input_json` (`{"policy": …, "scenario": …}`).
    pub fn replay(&self, id: u32, input_json: &str) {
        self.post(id, "replay", &JsValue::from_str(input_json));
    }

    /// Asks for a scenario drawn from the last log read (`shape_json`: `{"days", "growth", "teams"}`).
    pub fn log_scenario(&self, id: u32, shape_json: &str) {
        self.post(id, "log-scenario", &JsValue::from_str(shape_json));
    }

    fn post(&self, id: u32, kind: &str, payload: &JsValue) {
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            js_sys::Reflect::set(&message, &JsValue::from_str(key), value)
        };
        let posted = set("id", &JsValue::from_f64(f64::from(id)))
            .and_then(|_| set("kind", &JsValue::from_str(kind)))
            .and_then(|_| set("payload", payload))
            .and_then(|_| self.worker.post_message(&message));
        if let Err(error) = posted {
            gloo::console::error!(format!(
                "could not post to the simulation worker: {error:?}"
            ));
        }
    }
}

impl Drop for SimulationWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

fn read_reply(data: &JsValue) -> Option<WorkerReply> {
    let get = |key: &str| js_sys::Reflect::get(data, &JsValue::from_str(key)).ok();
    let id = get("id")?.as_f64()? as u32;
    let kind = get("kind")?.as_string()?;
    let payload = get("payload")?;
    Some(match kind.as_str() {
        "progress" => WorkerReply::Progress {
            id,
            fraction: payload.as_f64()?,
        },
        "partial" => WorkerReply::Partial {
            id,
            json: payload.as_string()?,
        },
        "report" => WorkerReply::Report {
            id,
            json: payload.as_string()?,
        },
        "journey" => WorkerReply::Journey {
            id,
            json: payload.as_string()?,
        },
        "imported" => WorkerReply::Imported {
            id,
            json: payload.as_string()?,
        },
        "unmapped" => WorkerReply::Unmapped {
            id,
            json: payload.as_string()?,
        },
        "replayed" => WorkerReply::Replayed {
            id,
            json: payload.as_string()?,
        },
        "log-scenario" => WorkerReply::LogScenario {
            id,
            json: payload.as_string()?,
        },
        "cancelled" => WorkerReply::Cancelled { id },
        "fatal" => WorkerReply::Crashed {
            message: payload
                .as_string()
                .unwrap_or_else(|| "the simulation engine stopped".to_owned()),
        },
        _ => WorkerReply::Failed {
            id,
            message: payload
                .as_string()
                .unwrap_or_else(|| "the worker failed".to_owned()),
        },
    })
}
