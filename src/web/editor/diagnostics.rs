//! Lint findings shown next to the field they concern, selected by JSON path prefix.

use yew::prelude::*;

use crate::engine::lint::{Diagnostic, Severity};

/// Findings whose path is `prefix` or lies below it (`teams[2]` covers `teams[2].agents`).
pub fn under<'a>(
    diagnostics: &'a [Diagnostic],
    prefix: &'a str,
) -> impl Iterator<Item = &'a Diagnostic> + 'a {
    diagnostics.iter().filter(move |diagnostic| {
        diagnostic.path == prefix
            || diagnostic
                .path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// The findings for `prefix` as a compact list (nothing when there are none).
pub fn inline(diagnostics: &[Diagnostic], prefix: &str) -> Html {
    let found: Vec<&Diagnostic> = under(diagnostics, prefix).collect();
    if found.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="findings" data-testid="findings" data-path={prefix.to_owned()}>
            { for found.into_iter().map(finding) }
        </ul>
    }
}

fn finding(diagnostic: &Diagnostic) -> Html {
    let severity = diagnostic.severity.as_str();
    let icon = match diagnostic.severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    };
    html! {
        <li class={classes!("finding", severity)} title={format!("{} at {}", diagnostic.code, diagnostic.path)}>
            <span class="icon" aria-label={severity}>{ icon }</span>
            { diagnostic.message.clone() }
            <code class="path">{ diagnostic.path.clone() }</code>
        </li>
    }
}

/// The findings whose path is exactly `path`, not those below it (for a whole object whose fields show their own).
pub fn inline_exact(diagnostics: &[Diagnostic], path: &str) -> Html {
    let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.path == path).collect();
    if found.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="findings" data-testid="findings" data-path={path.to_owned()}>
            { for found.into_iter().map(finding) }
        </ul>
    }
}
