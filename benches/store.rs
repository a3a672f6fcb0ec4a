//! Load and save times of session files (filled in below).
fn main() {
    divan::main();
}
