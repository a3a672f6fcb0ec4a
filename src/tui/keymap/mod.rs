//! The one table that binds keys to actions, per context; the help bar and the `?`
//! list are generated from it, so what is shown is what works.
//!
//! Routing order (first match wins): the popup, then the focused text input (its own
//! bindings, then every other key is typed into it), then the screen, then the global
//! keys. A context is added for a new screen by one variant and its rows in
//! [`bindings`].
//!
//! `keys` names keys, contexts and bindings; `table` is the table itself; `routing`
//! finds the contexts in force and the action of an event.

mod keys;
mod routing;
mod table;

pub use keys::{Binding, Context, Key};
pub use routing::{contexts, help_bar, route_event, route_key};
pub use table::{bindings, markdown};
