//! User-facing strings of the `synth` module, in French and English.
