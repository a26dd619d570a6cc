//! The `specs/` models, generated at build time by `build.rs` (see `docs/build-rs.md`).

/// Every model of `specs/`, generated into `$OUT_DIR/models.rs`.
pub mod models {
    include!(concat!(env!("OUT_DIR"), "/models.rs"));
}

pub use models::*;
