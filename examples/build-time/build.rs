//! Generates `$OUT_DIR/models.rs` from the repository's `specs/` folder.
//!
//! `generate` prints `cargo:rerun-if-changed` for every input (folders are watched as a
//! whole) and a `cargo:warning` per warning, writes only when the contents change, and
//! returns an error that prints as compiler-style diagnostics, the errors first.

fn main() -> Result<(), modeldoc::Error> {
    modeldoc::Config::new().input("../../specs").generate()?;
    Ok(())
}
