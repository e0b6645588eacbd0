//! Keeps docs/conditions.md honest: every example in it must parse (and type-check against the documented catalog).
