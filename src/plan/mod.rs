//! Rotation planning: who sits at which table each round, so that everyone meets the
//! most new people.
//!
//! Architecture invariant: pure and deterministic for a given seed; no IO.
