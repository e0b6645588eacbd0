// The calculator's styles, adopted into its shadow root (no <style> element, so a strict CSP allows them).
// Hosts theme it with the --escalator-* custom properties and ::part(...).
export const STYLES = `
:host {
  display: block;
  font-family: var(--escalator-font, system-ui, sans-serif);
  font-size: var(--escalator-font-size, 1rem);
  color: var(--escalator-text, #1b1f24);
  background: var(--escalator-background, #ffffff);
  border: 1px solid var(--escalator-border, #c4cad3);
  border-radius: var(--escalator-radius, 8px);
  padding: var(--escalator-padding, 1rem);
  max-width: var(--escalator-max-width, 40rem);
  box-sizing: border-box;
}
:host([hidden]) { display: none; }
.container { display: grid; gap: 1rem; }
.form { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; }
.field { display: grid; gap: 0.25rem; margin: 0; min-width: 0; }
label, legend { font-weight: 600; font-size: 0.9em; }
select, input[type="number"] {
  font: inherit; padding: 0.35rem 0.5rem; min-height: 2.25rem; box-sizing: border-box; width: 100%;
  color: inherit; background: var(--escalator-control-background, #ffffff);
  border: 1px solid var(--escalator-border, #c4cad3); border-radius: calc(var(--escalator-radius, 8px) / 2);
}
select:focus-visible, input:focus-visible {
  outline: 3px solid var(--escalator-focus, #1f5fbf); outline-offset: 1px;
}
.signals { grid-column: 1 / -1; border: 1px solid var(--escalator-border, #c4cad3); border-radius: calc(var(--escalator-radius, 8px) / 2); padding: 0.5rem 0.75rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.signals legend { padding: 0 0.25rem; }
.check { display: flex; align-items: center; gap: 0.35rem; }
.check label { font-weight: 400; }
.answer { border-top: 1px solid var(--escalator-border, #c4cad3); padding-top: 0.75rem; }
.answer:empty { display: none; }
.answer p, .answer ul { margin: 0 0 0.5rem; }
.answer h3 { font-size: 0.95em; margin: 0.75rem 0 0.25rem; }
.team strong { color: var(--escalator-accent, #1f5fbf); font-size: 1.15em; }
.reason code { margin-left: 0.35rem; font-family: ui-monospace, monospace; font-size: 0.9em; background: var(--escalator-code-background, #eef1f5); padding: 0.05rem 0.3rem; border-radius: 3px; }
.priority, .where, .help { color: var(--escalator-muted, #4a5361); }
.status { margin: 0; color: var(--escalator-muted, #4a5361); }
.error { border: 1px solid var(--escalator-error, #b3261e); border-left-width: 4px; padding: 0.5rem 0.75rem; border-radius: 4px; background: var(--escalator-error-background, #fdf1f0); }
.error strong { color: var(--escalator-error, #b3261e); }
.error p { margin: 0.25rem 0 0; }
`;
