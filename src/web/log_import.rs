//! Reading a ticket log in a Web Worker of its own (`www/worker.js`, `api::import_log`), so that a large file
//! never freezes the page: the file's bytes go in, the import report comes back.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Deserialize;
use yew::prelude::*;

use crate::json::from_json;
use crate::metrics::Metrics;
use crate::web::worker_client::{SimulationWorker, WorkerReply};

/// One row the importer could not use, or used with an assumption.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ProblemRow {
    pub row: u64,
    pub column: String,
    pub reason: String,
    pub skipped: bool,
}

/// What the worker answers (`api::import_log`); the summary is shown field by field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportReport {
    pub summary: serde_json::Value,
    pub problems: Vec<ProblemRow>,
    pub metrics: Metrics,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LogStatus {
    Idle,
    Reading {
        file: String,
    },
    Done {
        file: String,
        report: Rc<ImportReport>,
    },
    Failed {
        file: String,
        message: String,
    },
}

#[derive(Clone, PartialEq)]
pub struct LogImportHandle {
    pub status: UseStateHandle<LogStatus>,
    /// Reads `(file name, bytes)`.
    pub start: Callback<(String, Vec<u8>)>,
}

#[hook]
pub fn use_log_import() -> LogImportHandle {
    let status = use_state(|| LogStatus::Idle);
    let worker: Rc<RefCell<Option<SimulationWorker>>> = use_mut_ref(|| None);
    let file_name: Rc<RefCell<String>> = use_mut_ref(String::new);
    let on_reply = {
        let status = status.clone();
        let worker = worker.clone();
        let file_name = file_name.clone();
        Callback::from(move |reply: WorkerReply| {
            let file = file_name.borrow().clone();
            match reply {
                WorkerReply::Imported { json, .. } => match from_json::<ImportReport>(&json) {
                    Ok(report) => status.set(LogStatus::Done {
                        file,
                        report: Rc::new(report),
                    }),
                    Err(error) => status.set(LogStatus::Failed {
                        file,
                        message: format!("the import report could not be read: {}", error.inner),
                    }),
                },
                WorkerReply::Failed { message, .. } => {
                    status.set(LogStatus::Failed { file, message })
                }
                WorkerReply::Crashed { message } => {
                    worker.borrow_mut().take();
                    status.set(LogStatus::Failed { file, message });
                }
                WorkerReply::Progress { .. }
                | WorkerReply::Report { .. }
                | WorkerReply::Journey { .. }
                | WorkerReply::Cancelled { .. } => {}
            }
        })
    };
    let start = {
        let status = status.clone();
        Callback::from(move |(file, bytes): (String, Vec<u8>)| {
            *file_name.borrow_mut() = file.clone();
            let mut slot = worker.borrow_mut();
            if slot.is_none() {
                match SimulationWorker::spawn(on_reply.clone()) {
                    Ok(started) => *slot = Some(started),
                    Err(message) => {
                        status.set(LogStatus::Failed { file, message });
                        return;
                    }
                }
            }
            if let Some(worker) = slot.as_ref() {
                worker.import(1, &bytes);
            }
            status.set(LogStatus::Reading { file });
        })
    };
    LogImportHandle { status, start }
}
