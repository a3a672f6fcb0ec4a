//! The secret of each table's phone address: 130 random bits from the operating
//! system, written as 26 lowercase letters and digits that are easy to read aloud and
//! type (no `i`, `l`, `o`, `u`). Stored in the session's tables; renewing one cuts off
//! the old address at the next request.

use crate::domain::Session;

/// Characters of a token: digits and letters without the ones mistaken for others.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
/// Characters in a token: 26 × 5 bits = 130 bits.
pub const TOKEN_CHARS: usize = 26;

/// A fresh random token, or the operating system's error when it has no randomness.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; TOKEN_CHARS];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| ALPHABET[usize::from(b & 31)] as char).collect())
}

/// Whether `text` has the shape of a token (checked before any lookup).
pub fn looks_like_token(text: &str) -> bool {
    text.len() == TOKEN_CHARS && text.bytes().all(|b| ALPHABET.contains(&b))
}

/// Gives every table without a token a new one; returns how many were given.
pub fn give_missing_tokens(session: &mut Session) -> Result<usize, getrandom::Error> {
    let mut given = 0;
    for table in session.tables.iter_mut().filter(|t| !looks_like_token(&t.phone_token)) {
        table.phone_token = new_token()?;
        given += 1;
    }
    Ok(given)
}

/// Replaces the token of table `number` (the old address stops working); `false` when
/// there is no such table.
pub fn renew_token(session: &mut Session, number: u32) -> Result<bool, getrandom::Error> {
    if session.table(number).is_none() {
        return Ok(false);
    }
    Ok(set_token(session, number, &new_token()?))
}

/// Gives table `number` the token `token` drawn by [`new_token`] (the old address stops
/// working); `false` when there is no such table or `token` is not shaped like one.
pub fn set_token(session: &mut Session, number: u32, token: &str) -> bool {
    match session.table_mut(number) {
        Some(table) if looks_like_token(token) => {
            table.phone_token = token.to_string();
            true
        }
        _ => false,
    }
}

/// The number of the table whose token is `token`, compared in constant time.
pub fn table_of(session: &Session, token: &str) -> Option<u32> {
    if !looks_like_token(token) {
        return None;
    }
    session
        .tables
        .iter()
        .find(|t| constant_time_eq(t.phone_token.as_bytes(), token.as_bytes()))
        .map(|t| t.number)
}

/// Whether two secrets are equal, in a time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_found_again() {
        let mut session = Session::new("Essai", Vec::new(), 3, 1, 20).expect("valid");
        assert_eq!(give_missing_tokens(&mut session).expect("random"), 3);
        assert_eq!(give_missing_tokens(&mut session).expect("random"), 0);
        let tokens: Vec<String> = session.tables.iter().map(|t| t.phone_token.clone()).collect();
        assert!(tokens.iter().all(|t| looks_like_token(t)));
        assert_ne!(tokens[0], tokens[1]);
        assert_eq!(table_of(&session, &tokens[1]), Some(2));
        assert_eq!(table_of(&session, "nope"), None);
        assert!(renew_token(&mut session, 2).expect("random"));
        assert_eq!(table_of(&session, &tokens[1]), None);
        assert!(!renew_token(&mut session, 9).expect("random"));
        assert!(!set_token(&mut session, 1, "short"), "not a token");
        assert_eq!(session.tables[0].phone_token, tokens[0]);
    }
}
