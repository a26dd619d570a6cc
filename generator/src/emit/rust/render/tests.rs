use serde_json::json;

use super::*;
use crate::emit::rust::plan::plan;
use crate::emit::rust::test_ir::*;
use crate::ir::{Field, Schema};
use crate::options::Options;

/// Every item of `schema` rendered in `refs` style, formatted (whitespace-free
/// token text is hard to read in a failure).
fn rendered(schema: &Schema, options: &Options, refs: RefStyle) -> String {
    let plan = plan(schema, options);
    let all: Vec<&Item> = plan.items.iter().collect();
    let mut tokens = imports(&plan, &all, refs);
    for i in &plan.items {
        tokens.extend(item(&plan, i, refs));
    }
    let file: syn::File = syn::parse2(tokens).expect("rendered items parse");
    layout_tables(&prettyplease::unparse(&file))
}

#[test]
fn optional_fields_keep_null_and_absent_apart() {
    let schema = schema([object(
        "user",
        [
            required("user_name", Type::STRING),
            Field {
                nullable: true,
                ..required("nickname", Type::STRING)
            },
            optional("age", Type::INTEGER, false),
            optional("email", Type::STRING, true),
        ],
    )]);
    // Default: serde impls from the struct's table, no field attributes.
    let code = rendered(&schema, &Options::default(), RefStyle::Local);
    assert!(!code.contains("use serde"), "{code}");
    for line in [
        "#[derive(Debug, Clone, PartialEq)]\npub struct User {",
        "pub user_name: String,",
        "pub nickname: Option<String>,",
        "pub age: Option<i64>,",
        "pub email: Option<Option<String>>,",
        "serde_nulls::serde_struct! {\n    User {\n",
        "        user_name: Required = \"user_name\",\n",
        "        nickname: Nullable = \"nickname\",\n",
        "        age: Optional = \"age\",\n",
        "        email: OptionalNullable = \"email\",\n    }\n}",
    ] {
        assert!(code.contains(line), "missing `{line}` in\n{code}");
    }
    assert!(!code.contains("#[serde"), "{code}");
    let tree = rendered(&schema, &Options::default(), RefStyle::Super);
    assert!(tree.starts_with("use super::serde_nulls;\n"), "{tree}");
    assert!(tree.contains("serde_nulls::serde_struct! {"), "{tree}");

    // With schemars (which reads serde's attributes) the struct keeps the derive.
    let derived = Options {
        schemars: true,
        ..Options::default()
    };
    let code = rendered(&schema, &derived, RefStyle::Local);
    assert!(
        code.starts_with("use serde::{Deserialize, Serialize};"),
        "{code}"
    );
    for line in [
        "pub user_name: String,",
        "#[serde(deserialize_with = \"Option::deserialize\")]",
        "pub nickname: Option<String>,",
        "deserialize_with = \"serde_nulls::non_null\"",
        "pub age: Option<i64>,",
        "with = \"serde_nulls::double_option\"",
        "pub email: Option<Option<String>>,",
    ] {
        assert!(code.contains(line), "missing `{line}` in\n{code}");
    }
    let tree = rendered(&schema, &derived, RefStyle::Super);
    assert!(tree.contains("\"super::serde_nulls::non_null\""), "{tree}");
}

#[test]
fn a_rename_all_rule_replaces_per_field_renames() {
    let schema = schema([object(
        "page",
        [
            required("nextCursor", Type::STRING),
            required("pageSize", Type::INTEGER),
            required("ID", Type::STRING),
        ],
    )]);
    // A struct with a table names every wire name in it.
    let code = rendered(&schema, &Options::default(), RefStyle::Local);
    assert!(!code.contains("#[serde"), "{code}");
    assert!(
        code.contains("next_cursor: Required = \"nextCursor\","),
        "{code}"
    );
    assert!(code.contains("id: Required = \"ID\","), "{code}");
    // A derived struct (schemars reads serde's attributes) gets the rule.
    let derived = Options {
        schemars: true,
        ..Options::default()
    };
    let code = rendered(&schema, &derived, RefStyle::Local);
    assert!(
        code.contains("#[serde(rename_all = \"camelCase\")]"),
        "{code}"
    );
    assert!(
        code.contains("#[serde(rename = \"ID\")]\n    pub id: String,"),
        "{code}"
    );
    assert!(!code.contains("rename = \"nextCursor\""), "{code}");
}

#[test]
fn consts_render_as_closed_one_variant_enums_even_with_open_enums() {
    let schema = schema([
        alias("kind", Type::Const(json!("pet"))),
        alias("version", Type::Const(json!(2))),
        enumeration("status", [json!("on"), json!("off")]),
    ]);
    let options = Options {
        open_enums: true,
        ..Options::default()
    };
    let code = rendered(&schema, &options, RefStyle::Local);
    assert!(code.contains("pub enum Kind {\n    Pet,\n}"), "{code}");
    // A non-string literal has hand-written serde comparing JSON values.
    assert!(code.contains("impl serde::Serialize for Version"), "{code}");
    assert!(code.contains("if value == 2i64"), "{code}");
    // The enum opens; the string const derives serde, so the import stays.
    assert!(code.contains("Other(String)"), "{code}");
    assert!(
        code.starts_with("use serde::{Deserialize, Serialize};"),
        "{code}"
    );
}

#[test]
fn no_serde_import_when_nothing_derives_it() {
    let schema = schema([
        alias("ids", Type::Array(Box::new(Type::STRING))),
        enumeration("level", [json!(1), json!(2)]),
    ]);
    let code = rendered(&schema, &Options::default(), RefStyle::Local);
    assert!(!code.contains("use serde"), "{code}");
    assert!(code.contains("pub type Ids = Vec<String>;"), "{code}");
}

#[test]
fn models_named_like_std_types_push_std_to_full_paths() {
    let schema = schema([
        object("Option", [optional("value", Type::STRING, false)]),
        object("Serialize", []),
        object("Deserialize", []),
        object("Result", []),
    ]);
    let code = rendered(&schema, &Options::default(), RefStyle::Local);
    assert!(!code.contains("use serde"), "{code}");
    assert!(
        code.contains(
            "#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]"
        ),
        "{code}"
    );
    assert!(
        code.contains("pub value: ::std::option::Option<String>,"),
        "{code}"
    );
    // The table's macro, expanded next to the models, reaches `Result` by its full path too.
    let file = crate::emit::rust::emit_file(&schema, &Default::default());
    assert!(file.contains("::std::result::Result::Ok(Self"), "{file}");
    assert!(!file.contains(" Result::Ok(Self"), "{file}");
}

#[test]
fn deprecation_is_marked_and_allowed_where_used() {
    let mut old = object("old", []);
    old.deprecated = true;
    let schema = schema([
        old,
        object("user", [required("legacy", reference("old"))]),
        union("either", [reference("old"), Type::STRING]),
    ]);
    let plan = plan(&schema, &Options::default());
    let text = |ident: &str| {
        let i = plan.items.iter().find(|i| i.ident == ident).unwrap();
        item(&plan, i, RefStyle::Local).to_string()
    };
    assert!(text("Old").starts_with("# [deprecated] # [allow (deprecated)] # [derive"));
    for user in ["User", "Either"] {
        let code = text(user);
        assert!(code.starts_with("# [allow (deprecated)]"), "{code}");
        assert!(!code.contains("# [deprecated]"), "{code}");
    }
}

#[test]
fn a_model_shadowing_one_serde_trait_keeps_the_other_imported() {
    // A model named `Serialize`: that derive goes through `::serde::`, `Deserialize`
    // is still imported (it used to be neither imported nor qualified).
    // (Empty, so it derives: a struct with fields gets its impls from a table.)
    let schema = schema([object("Serialize", [])]);
    let code = rendered(&schema, &Options::default(), RefStyle::Local);
    assert!(code.starts_with("use serde::Deserialize;\n"), "{code}");
    assert!(
        code.contains("#[derive(Debug, Clone, PartialEq, ::serde::Serialize, Deserialize)]"),
        "{code}"
    );
}
