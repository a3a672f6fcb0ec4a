//! User-facing strings of the `plan` module, in French and English.
