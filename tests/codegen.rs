//! The committed `generated/` crate matches what `cargo xtask codegen` would write.

#[test]
fn generated_crate_is_up_to_date() {
    let root = modeldoc_tests::root();
    let config = match xtask::codegen_config(&root, true) {
        Ok(config) => config,
        Err(e) => panic!("modeldoc.toml does not load:\n{e}"),
    };
    match config.generate() {
        Ok(_) => {}
        Err(e) => panic!("generated/ is stale; run `cargo xtask codegen`:\n{e}"),
    }
}
