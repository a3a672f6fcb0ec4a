//! The `cafe` binary: parses the command line and dispatches; nothing else.

use std::process::ExitCode;

fn main() -> ExitCode {
    cafe_savoir::commands::main_with_args(std::env::args().collect())
}
