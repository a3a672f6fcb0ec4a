//! The one reader of the files users bring (notes, participants, and any other table a
//! spreadsheet writes): [`decode`] turns bytes into text whatever the encoding, and
//! [`csv`] reads a CSV table with its separator guessed, its columns found by any of
//! their usual names and every row and error located by line.

pub mod csv;
pub mod decode;

pub use self::csv::{CsvError, CsvRow, CsvTable, read_csv};
pub use self::decode::{DecodeError, decode};
