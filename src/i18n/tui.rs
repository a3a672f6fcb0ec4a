//! User-facing strings of the `tui` module, in French and English.
