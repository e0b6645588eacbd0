//! A progress bar on stderr for long simulations (hidden when stderr is not a terminal).

use indicatif::{ProgressBar, ProgressStyle};

const STEPS: u64 = 1000;

pub struct Progress(ProgressBar);

impl Progress {
    pub fn new(label: &str) -> Progress {
        let bar = ProgressBar::new(STEPS);
        if let Ok(style) =
            ProgressStyle::with_template("{msg} [{bar:30}] {percent:>3}% {elapsed_precise}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(label.to_owned());
        Progress(bar)
    }

    /// Moves the bar to `fraction` (0 to 1) of the work.
    pub fn set(&self, fraction: f64) {
        self.0
            .set_position((fraction.clamp(0.0, 1.0) * STEPS as f64) as u64);
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
