//! Merges `modeldoc.toml` (from `--config`, or `./modeldoc.toml` when present) with the
//! command-line flags into a [`Config`]. Flags win: docs given on the command line replace
//! the file's `inputs`, and any output flag replaces the file's whole `[output]` table.
//! `--merge` (or `merge = true` for the file's `inputs`) makes each input its own doc set.

use std::path::{Path, PathBuf};

use modeldoc::__private::set_rust_output;
use modeldoc::{Config, ConfigFile, Error};

use super::args::{Generate, Inputs, OptionFlags};

const FILE_NAME: &str = ConfigFile::FILE_NAME;

/// The config file in effect and the folder its paths are relative to.
struct FileInEffect {
    file: ConfigFile,
    base: PathBuf,
}

fn config_file(inputs: &Inputs) -> Result<Option<FileInEffect>, Error> {
    let path = match &inputs.config {
        Some(p) => p.clone(),
        None if Path::new(FILE_NAME).is_file() => PathBuf::from(FILE_NAME),
        None => return Ok(None),
    };
    let file = ConfigFile::read(&path)?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Some(FileInEffect { file, base }))
}

/// A configuration for loading: inputs, dialect, strictness and the file's options.
pub fn for_inputs(inputs: &Inputs) -> Result<Config, Error> {
    Ok(with_file(inputs)?.0)
}

fn with_file(inputs: &Inputs) -> Result<(Config, Option<FileInEffect>), Error> {
    let file = config_file(inputs)?;
    let mut config = Config::new();
    let add = |config: &mut Config, path: PathBuf, merge: bool| {
        if merge {
            config.doc_set([path]);
        } else {
            config.input(path);
        }
    };
    if !inputs.docs.is_empty() {
        for d in &inputs.docs {
            add(&mut config, d.clone(), inputs.merge);
        }
    } else if let Some(f) = file.as_ref().filter(|f| !f.file.inputs.is_empty()) {
        for i in &f.file.inputs {
            add(&mut config, f.base.join(i), inputs.merge || f.file.merge);
        }
    } else {
        return Err(Error::Config(format!(
            "no input docs: give DOCS or `inputs` in {FILE_NAME}"
        )));
    }
    // The file's settings go through the same path as for the xtask and build scripts;
    // flags then override them.
    if let Some(f) = &file {
        f.file.apply_settings(&mut config);
    }
    if let Some(d) = inputs.dialect {
        config.dialect(d);
    }
    if let Some(r) = inputs.rename_wire {
        config.rename_wire(r);
    }
    for (key, name) in &inputs.rename_model {
        config.rename_model(key.clone(), name.clone());
    }
    for key in &inputs.exclude_model {
        config.exclude_model(key.clone());
    }
    if let Some(f) = &file {
        for (path, wire) in &f.file.wire_names {
            config.wire_name(path.clone(), wire.clone());
        }
        if let Some(dir) = &f.file.wire_samples {
            config.wire_samples(f.base.join(dir));
        }
    }
    for entry in &inputs.wire_name {
        let (path, wire) = entry.split_once('=').ok_or_else(|| {
            Error::Config(format!(
                "--wire-name `{entry}`: expected `Model.field=name`"
            ))
        })?;
        config.wire_name(path.trim(), wire.trim());
    }
    if let Some(dir) = &inputs.wire_samples {
        config.wire_samples(dir);
    }
    let file_strict = file.as_ref().is_some_and(|f| f.file.strict);
    config.strict(inputs.strict || file_strict);
    Ok((config, file))
}

/// A configuration for `generate`: inputs, outputs, options, check mode.
pub fn for_generate(args: &Generate) -> Result<Config, Error> {
    let (mut config, file) = with_file(&args.inputs)?;
    let flags_give_output =
        args.rust.is_some() || args.openapi.is_some() || args.json_schema.is_some();
    if flags_give_output {
        if let Some(r) = &args.rust {
            set_rust_output(&mut config, r, r);
        }
        if let Some(o) = &args.openapi {
            config.openapi(o);
        }
        if let Some(j) = &args.json_schema {
            config.json_schema(j);
        }
    } else if let Some(f) = file.as_ref().filter(|f| f.file.output.any()) {
        f.file.apply_outputs(&mut config, &f.base);
    } else {
        return Err(Error::Config(format!(
            "nothing to generate: give --rust, --openapi or --json-schema (or [output] in {FILE_NAME})"
        )));
    }
    apply_flags(&mut config, &args.options);
    config.check(args.check);
    Ok(config)
}

/// Flags override the file's options; switches can only turn an option on.
fn apply_flags(config: &mut Config, flags: &OptionFlags) {
    let mut options = config.current_options().clone();
    if let Some(d) = flags.dates {
        options.dates = d;
    }
    if let Some(m) = flags.maps {
        options.maps = m;
    }
    options
        .type_attributes
        .extend(flags.type_attribute.iter().cloned());
    options
        .field_attributes
        .extend(flags.field_attribute.iter().cloned());
    options.derive_default_eq_hash |= flags.derive_default_eq_hash;
    options.schemars |= flags.schemars;
    options.builders |= flags.builders;
    options.deny_unknown_fields |= flags.deny_unknown_fields;
    options.open_enums |= flags.open_enums;
    options.strict_types |= flags.strict_types;
    config.options(options);
}
