//! The full-screen app: home, setup, the projector's run view, capture, synthèse and
//! export, driven by a pure `update` and a loop that performs its effects.
