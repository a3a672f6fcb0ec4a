//! `cafe synth`: the synthèse of sessions or notes, exported.

use crate::cli::{SynthArgs, UserError};
use crate::i18n::Lang;

pub fn run(_args: &SynthArgs, _lang: Lang) -> Result<(), UserError> {
    Err(UserError("synth is not available yet".into()))
}
