//! Ticket logs in a Web Worker of their own (`www/worker.js`, `api::OpenedLog`), so that a large file never
//! freezes the page: the file's bytes go in and the import report comes back, with progress and Cancel
//! (which terminates the worker); the log stays in the worker to open its journeys, replay it through the
//! workspace's policy, and draw a scenario from it. A CSV that no format knows comes back with its columns,
//! to choose a column mapping; the workspace's saved mapping is used by itself when it fits the file.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Deserialize;
use yew::prelude::*;

use crate::engine::journey::Journey;
use crate::import::Mapping;
use crate::json::from_json;
use crate::metrics::Metrics;
use crate::sim::report::SimulationReport;
use crate::sim::Scenario;
use crate::web::worker_client::{SimulationWorker, WorkerReply};

/// One row the importer could not use, or used with an assumption.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ProblemRow {
    pub row: u64,
    pub column: String,
    pub reason: String,
    pub skipped: bool,
}

/// What the worker answers for a log (`OpenedLog::answer_json`); the summary is shown field by field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportReport {
    pub summary: serde_json::Value,
    pub problems: Vec<ProblemRow>,
    pub metrics: Metrics,
    /// The log as the results views show a run: ticket rows, flows, time samples.
    pub report: Rc<SimulationReport>,
}

/// Where one policy team's handling came from in a replay.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HandlingRow {
    pub team: String,
    pub stays: u64,
    pub time_from_log: bool,
    pub resolve_from_log: bool,
}

/// What the worker answers for a replay (`OpenedLog::replay_json`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReplayReport {
    /// Observed in the log, SLA compliance against the policy's targets.
    pub observed: Metrics,
    /// Simulated under the policy.
    pub replay: Rc<SimulationReport>,
    pub handling: Vec<HandlingRow>,
}

/// A CSV no format reads: why, its columns, and the mapping to propose.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Unmapped {
    pub message: String,
    pub columns: Vec<String>,
    pub suggestion: Mapping,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LogStatus {
    Idle,
    Reading {
        file: String,
        fraction: f64,
    },
    /// Waiting for a person to map the columns of a CSV no format reads.
    Unmapped {
        file: String,
        unmapped: Rc<Unmapped>,
    },
    Done {
        file: String,
        report: Rc<ImportReport>,
    },
    Failed {
        file: String,
        message: String,
    },
    Cancelled {
        file: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReplayStatus {
    Idle,
    Running { fraction: f64 },
    Done(Rc<ReplayReport>),
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct LogImportHandle {
    pub status: UseStateHandle<LogStatus>,
    pub replay: UseStateHandle<ReplayStatus>,
    /// The log's ticket whose journey is open: its row index and journey.
    pub journey: UseStateHandle<Option<(usize, Journey)>>,
    /// Reads `(file name, bytes)`.
    pub start: Callback<(String, Vec<u8>)>,
    /// Reads the last file again through a column mapping.
    pub read_mapped: Callback<Mapping>,
    /// Stops reading: the worker is terminated and the workspace is left as it was.
    pub cancel: Callback<()>,
    pub open_journey: Callback<usize>,
    /// Replays the log through `{"policy": …, "scenario": …}` (JSON).
    pub start_replay: Callback<String>,
    /// Draws a scenario from the log (`{"days", "growth", "teams"}`, JSON); it goes to `on_scenario`.
    pub draw_scenario: Callback<String>,
}

/// Which request a reply answers, so a reply to a superseded request is ignored.
#[derive(Default)]
struct Requests {
    next: u32,
    import: u32,
    replay: u32,
    scenario: u32,
    /// The journey asked for, and its ticket's row index.
    journey: (u32, usize),
    file: String,
    /// The last file's bytes, to read again through a mapping.
    bytes: Rc<Vec<u8>>,
    /// The import in flight went through a mapping (so an unmapped answer is not retried with one).
    mapped: bool,
}

impl Requests {
    fn next_id(&mut self) -> u32 {
        self.next += 1;
        self.next
    }
}

/// `on_scenario` receives each scenario drawn from the log, or why it could not be drawn; `saved_mapping` is
/// the workspace's column mapping, tried by itself on a CSV no format reads; `zone` is the policy's zone, in
/// which times written without an offset are read and the log's days are cut.
#[hook]
pub fn use_log_import(
    on_scenario: Callback<Result<Scenario, String>>,
    saved_mapping: Option<Mapping>,
    zone: String,
) -> LogImportHandle {
    let saved: Rc<RefCell<Option<Mapping>>> = use_mut_ref(|| None);
    saved.borrow_mut().clone_from(&saved_mapping);
    let log_zone: Rc<RefCell<String>> = use_mut_ref(String::new);
    *log_zone.borrow_mut() = zone;
    let status = use_state(|| LogStatus::Idle);
    let replay = use_state(|| ReplayStatus::Idle);
    let journey = use_state(|| None::<(usize, Journey)>);
    let worker: Rc<RefCell<Option<SimulationWorker>>> = use_mut_ref(|| None);
    let requests: Rc<RefCell<Requests>> = use_mut_ref(Requests::default);
    let on_reply = {
        let saved = saved.clone();
        let log_zone = log_zone.clone();
        let on_scenario = on_scenario.clone();
        let status = status.clone();
        let replay = replay.clone();
        let journey = journey.clone();
        let worker = worker.clone();
        let requests = requests.clone();
        Callback::from(move |reply: WorkerReply| {
            let (import_id, replay_id, scenario_id, (journey_id, journey_index), file) = {
                let requests = requests.borrow();
                (
                    requests.import,
                    requests.replay,
                    requests.scenario,
                    requests.journey,
                    requests.file.clone(),
                )
            };
            match reply {
                WorkerReply::Progress { id, fraction } if id == import_id => {
                    status.set(LogStatus::Reading { file, fraction })
                }
                WorkerReply::Progress { id, fraction } if id == replay_id => {
                    replay.set(ReplayStatus::Running { fraction })
                }
                WorkerReply::Imported { id, json } if id == import_id => {
                    match from_json::<ImportReport>(&json) {
                        Ok(report) => status.set(LogStatus::Done {
                            file,
                            report: Rc::new(report),
                        }),
                        Err(error) => status.set(LogStatus::Failed {
                            file,
                            message: format!(
                                "the import report could not be read: {}",
                                error.inner
                            ),
                        }),
                    }
                }
                WorkerReply::Unmapped { id, json } if id == import_id => {
                    let unmapped = match from_json::<Unmapped>(&json) {
                        Ok(unmapped) => unmapped,
                        Err(error) => {
                            status.set(LogStatus::Failed {
                                file,
                                message: format!(
                                    "the file's columns could not be read: {}",
                                    error.inner
                                ),
                            });
                            return;
                        }
                    };
                    let fitting = saved
                        .borrow()
                        .clone()
                        .filter(|mapping| mapping.fits(&unmapped.columns));
                    let retry = {
                        let mut requests = requests.borrow_mut();
                        match fitting.filter(|_| !requests.mapped) {
                            Some(mapping) => {
                                requests.import = requests.next_id();
                                requests.mapped = true;
                                Some((requests.import, requests.bytes.clone(), mapping))
                            }
                            None => None,
                        }
                    };
                    match (retry, worker.borrow().as_ref()) {
                        (Some((id, bytes, mapping)), Some(worker)) => worker.import(
                            id,
                            &bytes,
                            Some(&mapping_json(&mapping)),
                            &log_zone.borrow(),
                        ),
                        _ => status.set(LogStatus::Unmapped {
                            file,
                            unmapped: Rc::new(unmapped),
                        }),
                    }
                }
                WorkerReply::Replayed { id, json } if id == replay_id => {
                    match from_json::<ReplayReport>(&json) {
                        Ok(report) => replay.set(ReplayStatus::Done(Rc::new(report))),
                        Err(error) => replay.set(ReplayStatus::Failed(format!(
                            "the replay report could not be read: {}",
                            error.inner
                        ))),
                    }
                }
                WorkerReply::LogScenario { id, json } if id == scenario_id => {
                    on_scenario.emit(Scenario::from_json(&json).map_err(|error| error.to_string()))
                }
                WorkerReply::Journey { id, json } if id == journey_id => {
                    if let Ok(read) = from_json::<Journey>(&json) {
                        journey.set(Some((journey_index, read)));
                    }
                }
                WorkerReply::Failed { id, message } if id == import_id => {
                    status.set(LogStatus::Failed { file, message })
                }
                WorkerReply::Failed { id, message } if id == replay_id => {
                    replay.set(ReplayStatus::Failed(message))
                }
                WorkerReply::Failed { id, message } if id == scenario_id => {
                    on_scenario.emit(Err(message))
                }
                WorkerReply::Crashed { message } => {
                    worker.borrow_mut().take();
                    if matches!(*replay, ReplayStatus::Running { .. }) {
                        replay.set(ReplayStatus::Failed(message.clone()));
                    }
                    status.set(LogStatus::Failed { file, message });
                }
                _ => {}
            }
        })
    };
    let with_worker = {
        let worker = worker.clone();
        let on_reply = on_reply.clone();
        move |send: &dyn Fn(&SimulationWorker)| -> Result<(), String> {
            let mut slot = worker.borrow_mut();
            if slot.is_none() {
                *slot = Some(SimulationWorker::spawn(on_reply.clone())?);
            }
            if let Some(worker) = slot.as_ref() {
                send(worker);
            }
            Ok(())
        }
    };
    let start = {
        let status = status.clone();
        let replay = replay.clone();
        let journey = journey.clone();
        let requests = requests.clone();
        let with_worker = with_worker.clone();
        let log_zone = log_zone.clone();
        Callback::from(move |(file, bytes): (String, Vec<u8>)| {
            let (id, bytes) = {
                let mut requests = requests.borrow_mut();
                requests.file = file.clone();
                requests.import = requests.next_id();
                requests.bytes = Rc::new(bytes);
                requests.mapped = false;
                (requests.import, requests.bytes.clone())
            };
            replay.set(ReplayStatus::Idle);
            journey.set(None);
            match with_worker(&|worker| worker.import(id, &bytes, None, &log_zone.borrow())) {
                Ok(()) => status.set(LogStatus::Reading {
                    file,
                    fraction: 0.0,
                }),
                Err(message) => status.set(LogStatus::Failed { file, message }),
            }
        })
    };
    let read_mapped = {
        let status = status.clone();
        let requests = requests.clone();
        let with_worker = with_worker.clone();
        let log_zone = log_zone.clone();
        Callback::from(move |mapping: Mapping| {
            let (id, bytes, file) = {
                let mut requests = requests.borrow_mut();
                requests.import = requests.next_id();
                requests.mapped = true;
                (
                    requests.import,
                    requests.bytes.clone(),
                    requests.file.clone(),
                )
            };
            let json = mapping_json(&mapping);
            match with_worker(&|worker| worker.import(id, &bytes, Some(&json), &log_zone.borrow()))
            {
                Ok(()) => status.set(LogStatus::Reading {
                    file,
                    fraction: 0.0,
                }),
                Err(message) => status.set(LogStatus::Failed { file, message }),
            }
        })
    };
    let cancel = {
        let status = status.clone();
        let worker = worker.clone();
        let requests = requests.clone();
        Callback::from(move |()| {
            worker.borrow_mut().take();
            let file = {
                let mut requests = requests.borrow_mut();
                requests.import = requests.next_id();
                requests.file.clone()
            };
            status.set(LogStatus::Cancelled { file });
        })
    };
    let open_journey = {
        let with_worker = with_worker.clone();
        let requests = requests.clone();
        Callback::from(move |index: usize| {
            let id = {
                let mut requests = requests.borrow_mut();
                let id = requests.next_id();
                requests.journey = (id, index);
                id
            };
            let _a_dead_worker_is_reported_by_its_crash =
                with_worker(&|worker| worker.log_journey(id, index));
        })
    };
    let start_replay = {
        let replay = replay.clone();
        let with_worker = with_worker.clone();
        let requests = requests.clone();
        Callback::from(move |input: String| {
            let id = {
                let mut requests = requests.borrow_mut();
                requests.replay = requests.next_id();
                requests.replay
            };
            match with_worker(&|worker| worker.replay(id, &input)) {
                Ok(()) => replay.set(ReplayStatus::Running { fraction: 0.0 }),
                Err(message) => replay.set(ReplayStatus::Failed(message)),
            }
        })
    };
    let draw_scenario = {
        let requests = requests.clone();
        let on_scenario = on_scenario.clone();
        Callback::from(move |shape: String| {
            let id = {
                let mut requests = requests.borrow_mut();
                requests.scenario = requests.next_id();
                requests.scenario
            };
            if let Err(message) = with_worker(&|worker| worker.log_scenario(id, &shape)) {
                on_scenario.emit(Err(message));
            }
        })
    };
    LogImportHandle {
        status,
        replay,
        journey,
        start,
        read_mapped,
        cancel,
        open_journey,
        start_replay,
        draw_scenario,
    }
}

fn mapping_json(mapping: &Mapping) -> String {
    serde_json::to_string(mapping).unwrap_or_default()
}
