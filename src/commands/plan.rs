//! `cafe plan`: the rotation plan of a session.

use crate::cli::{PlanArgs, UserError};
use crate::i18n::Lang;

pub fn run(_args: &PlanArgs, _lang: Lang) -> Result<(), UserError> {
    Err(UserError("plan is not available yet".into()))
}
