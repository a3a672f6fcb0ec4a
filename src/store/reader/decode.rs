//! Bytes to text for every file a user brings: UTF-8 with or without its BOM, UTF-16
//! with its BOM, or — what Excel and Notepad write on a French Windows — Windows-1252,
//! which is what a file that is not UTF-8 almost always is.

use std::borrow::Cow;

/// The bytes are UTF-16 (they start with its BOM) but not valid UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not valid UTF-16")]
pub struct DecodeError;

/// The text of a file, without its byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(Cow::Owned);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => Ok(Cow::Owned(bytes.iter().map(|b| windows_1252(*b)).collect())),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect();
    String::from_utf16(&units).map_err(|_| DecodeError)
}

/// One byte of Windows-1252 (Latin-1 plus typographic signs in 0x80–0x9F).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_a_spreadsheet_writes() {
        assert_eq!(decode("\u{feff}Hôte".as_bytes()).as_deref(), Ok("Hôte"));
        assert_eq!(decode(b"H\xf4te \x80 \x92").as_deref(), Ok("Hôte € ’"));
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Hé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le).as_deref(), Ok("Hé"));
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Hé".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).as_deref(), Ok("Hé"));
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(DecodeError));
    }
}
