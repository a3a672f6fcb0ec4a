//! The projector view: the big clock, the round and phase, a progress bar, what comes
//! next and the question of each table; start, pause, ±1 minute, next and previous
//! phase. At one minute left the clock changes colour; at zero it flashes and the bell
//! rings once, then the next phase waits for the facilitator, or starts by itself (from
//! the moment the previous one ended) when the schedule says `auto_advance`.
//!
//! `state` holds what the screen remembers (the bell, the rotation's toggles and
//! pages), `update` what its keys and the clock's ticks do, `view` draws the clock and
//! `rotation` the rotation between rounds, `phones` the tables' QR codes while phone
//! capture is on, `renew` a table's new phone address.

pub mod phones;
pub mod renew;
pub mod rotation;
pub mod state;
pub mod update;
pub mod view;
