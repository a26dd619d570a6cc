//! `docs/` generated with each type-mapping option (by `build.rs`), so that every
//! mapping is compiled against the crate it names.

/// `dates = "chrono"`, with `Default`/`Eq`/`Hash` derives and builders.
pub mod chrono_dates {
    include!(concat!(env!("OUT_DIR"), "/chrono.rs"));
}

/// `dates = "time"`, with schemars.
pub mod time_dates {
    include!(concat!(env!("OUT_DIR"), "/time.rs"));
}

/// `dates = "jiff"`.
pub mod jiff_dates {
    include!(concat!(env!("OUT_DIR"), "/jiff.rs"));
}

/// `maps = "hashmap"`.
pub mod hash_maps {
    include!(concat!(env!("OUT_DIR"), "/hashmap.rs"));
}

/// `maps = "indexmap"`.
pub mod index_maps {
    include!(concat!(env!("OUT_DIR"), "/indexmap.rs"));
}

/// schemars, `deny_unknown_fields`, open enums and attributes by path.
pub mod full {
    include!(concat!(env!("OUT_DIR"), "/full.rs"));
}
