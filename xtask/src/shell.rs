//! Running commands with their output passed through, and locating the repository root.

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The repository root (the parent of the xtask crate).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Runs a command in the repository root, failing with a message that names it.
pub fn run(command: &mut Command) -> Result<(), String> {
    command.current_dir_if_unset();
    let shown = describe(command);
    println!("\n$ {shown}");
    let status = command
        .status()
        .map_err(|err| format!("could not start `{shown}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or None if it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    command.current_dir_if_unset();
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs a command and returns its standard output; its standard error passes through (build progress).
pub fn stdout_of(command: &mut Command) -> Result<String, String> {
    command.current_dir_if_unset();
    let shown = describe(command);
    println!("\n$ {shown}");
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| format!("could not start `{shown}`: {err}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{shown}` failed ({})", out.status))
    }
}

pub fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(
        command
            .get_args()
            .map(|arg| arg.to_string_lossy().into_owned()),
    );
    parts.join(" ")
}

trait DefaultDir {
    fn current_dir_if_unset(&mut self);
}

impl DefaultDir for Command {
    fn current_dir_if_unset(&mut self) {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
    }
}

/// The current UTC time as the reports write it, e.g. `2026-12-01 18:04 UTC`.
pub fn utc_now() -> String {
    output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map_or_else(|| "unknown".to_owned(), |text| text.trim().to_owned())
}
