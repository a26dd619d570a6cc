//! The public API is deliberate: this lists it from the source and compares the list to
//! a committed snapshot, so a change of the surface is a reviewed snapshot diff.
//!
//! Listed: the crate root's public items (re-exports resolved to what they name), for
//! each public struct and enum its public fields or variants, and the public constants
//! and functions of its inherent impls (with their signatures); the same for the public
//! `ir` module. `#[doc(hidden)]` items (`__private`, the workspace's hatch) are named but
//! not walked, and `cfg(doctest)` items are left out. Parsing the source (not rustdoc
//! JSON) keeps this on stable Rust.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use quote::ToTokens;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The file of the crate-root module `name` (`name.rs` or `name/mod.rs`).
fn module_file(name: &str) -> syn::File {
    let flat = src().join(format!("{name}.rs"));
    if flat.is_file() {
        parse(&flat)
    } else {
        parse(&src().join(name).join("mod.rs"))
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn tokens(t: &impl ToTokens) -> String {
    t.to_token_stream().to_string()
}

/// `#[cfg(...)]` attributes, as a suffix.
fn cfgs(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .map(|a| format!("  #[{}]", tokens(&a.meta)))
        .collect()
}

fn attr_is(attrs: &[syn::Attribute], what: &str) -> bool {
    attrs
        .iter()
        .any(|a| tokens(&a.meta).replace(' ', "") == what)
}

/// Public fields, variants, constants and methods of the type `name` defined in `file`.
fn members(items: &[syn::Item], name: &str, out: &mut Vec<String>) {
    for item in items {
        match item {
            syn::Item::Struct(s) if s.ident == name => {
                for (i, f) in s.fields.iter().enumerate() {
                    if is_pub(&f.vis) {
                        let field = f.ident.as_ref().map_or(i.to_string(), ToString::to_string);
                        out.push(format!("    field {field}: {}", tokens(&f.ty)));
                    }
                }
            }
            syn::Item::Enum(e) if e.ident == name => {
                for v in &e.variants {
                    out.push(format!("    variant {}{}", v.ident, tokens(&v.fields)));
                }
            }
            syn::Item::Impl(i) if i.trait_.is_none() && tokens(&i.self_ty) == name => {
                for member in &i.items {
                    match member {
                        syn::ImplItem::Fn(f) if is_pub(&f.vis) => {
                            out.push(format!("    {}{}", tokens(&f.sig), cfgs(&f.attrs)));
                        }
                        syn::ImplItem::Const(c) if is_pub(&c.vis) => {
                            out.push(format!("    const {}: {}", c.ident, tokens(&c.ty)));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// One line per public item of `file` (`path` is its module path), plus its members.
fn list(items: &[syn::Item], path: &str, out: &mut Vec<String>) {
    for item in items {
        let line = |kind: &str, name: &dyn std::fmt::Display, attrs: &[syn::Attribute]| {
            format!("{kind} {path}{name}{}", cfgs(attrs))
        };
        match item {
            syn::Item::Mod(m) if is_pub(&m.vis) => {
                if attr_is(&m.attrs, "cfg(doctest)") {
                    continue;
                }
                out.push(line("mod", &m.ident, &m.attrs));
                if attr_is(&m.attrs, "doc(hidden)") {
                    out.last_mut().unwrap().push_str("  (hidden: not walked)");
                } else {
                    let inner = match &m.content {
                        Some((_, items)) => items.clone(),
                        None => module_file(&m.ident.to_string()).items,
                    };
                    list(&inner, &format!("{path}{}::", m.ident), out);
                }
            }
            syn::Item::Use(u) if is_pub(&u.vis) => {
                let mut leaves = Vec::new();
                use_leaves(&u.tree, Vec::new(), &mut leaves);
                for (module, name, alias) in leaves {
                    out.push(format!(
                        "use {path}{alias} = crate::{}::{name}{}",
                        module.join("::"),
                        cfgs(&u.attrs)
                    ));
                    // The item is defined in the first module of the path (or a submodule
                    // that module re-exports it from).
                    let defined_in = defining_file(&module, &name);
                    members(&defined_in.items, &name, out);
                }
            }
            syn::Item::Struct(s) if is_pub(&s.vis) => {
                out.push(line("struct", &s.ident, &s.attrs));
                members(items, &s.ident.to_string(), out);
            }
            syn::Item::Enum(e) if is_pub(&e.vis) => {
                out.push(line("enum", &e.ident, &e.attrs));
                members(items, &e.ident.to_string(), out);
            }
            syn::Item::Fn(f) if is_pub(&f.vis) => {
                let sig = tokens(&f.sig);
                let sig = sig.strip_prefix("fn ").unwrap_or(&sig);
                out.push(format!("fn {path}{sig}{}", cfgs(&f.attrs)));
            }
            syn::Item::Const(c) if is_pub(&c.vis) => {
                out.push(format!("const {path}{}: {}", c.ident, tokens(&c.ty)));
            }
            syn::Item::Trait(t) if is_pub(&t.vis) => out.push(line("trait", &t.ident, &t.attrs)),
            syn::Item::Type(t) if is_pub(&t.vis) => out.push(line("type", &t.ident, &t.attrs)),
            syn::Item::Static(s) if is_pub(&s.vis) => out.push(line("static", &s.ident, &s.attrs)),
            _ => {}
        }
    }
}

/// The (module path, name, alias) of every leaf of a `use` tree below `crate::`.
fn use_leaves(
    tree: &syn::UseTree,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, String, String)>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            let mut prefix = prefix;
            if p.ident != "crate" {
                prefix.push(p.ident.to_string());
            }
            use_leaves(&p.tree, prefix, out);
        }
        syn::UseTree::Name(n) => out.push((prefix, n.ident.to_string(), n.ident.to_string())),
        syn::UseTree::Rename(r) => out.push((prefix, r.ident.to_string(), r.rename.to_string())),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_leaves(t, prefix.clone(), out);
            }
        }
        syn::UseTree::Glob(_) => panic!("a glob re-export at the crate root hides what is public"),
    }
}

/// The file that defines `name`: the module's file, or the submodule it re-exports it from.
fn defining_file(module: &[String], name: &str) -> syn::File {
    let mut file = module_file(&module[0]);
    let mut dir = src().join(&module[0]);
    for sub in &module[1..] {
        file = parse(&dir.join(format!("{sub}.rs")));
        dir = dir.join(sub);
    }
    let defines = |f: &syn::File| {
        f.items.iter().any(|i| match i {
            syn::Item::Struct(s) => s.ident == name,
            syn::Item::Enum(e) => e.ident == name,
            syn::Item::Trait(t) => t.ident == name,
            _ => false,
        })
    };
    if defines(&file) {
        return file;
    }
    // `pub use sub::{Name, ..}` inside the module.
    let mut from: BTreeMap<String, String> = BTreeMap::new();
    for item in &file.items {
        if let syn::Item::Use(u) = item {
            let mut leaves = Vec::new();
            use_leaves(&u.tree, Vec::new(), &mut leaves);
            for (m, n, _) in leaves {
                if let Some(first) = m.first() {
                    from.insert(n, first.clone());
                }
            }
        }
    }
    match from.get(name) {
        Some(sub) => {
            let flat = dir.join(format!("{sub}.rs"));
            parse(&flat)
        }
        None => file,
    }
}

#[test]
fn public_api_is_the_reviewed_one() {
    let lib = parse(&src().join("lib.rs"));
    let mut lines = Vec::new();
    list(&lib.items, "", &mut lines);
    let mut text = String::new();
    for l in &lines {
        writeln!(text, "{l}").unwrap();
    }
    insta::assert_snapshot!("public_api", text);
}
