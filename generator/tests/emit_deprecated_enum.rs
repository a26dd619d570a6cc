//! A deprecated enum model must not make the generated code warn: the impls
//! that name it allow `deprecated`.

use modeldoc::__private::emit::rust::{emit_file, RustOptions};
use modeldoc::__private::source::SourceFile;
use modeldoc::ir::{Enum, EnumValue, Model, ModelKind, Schema};

#[test]
fn deprecated_enum_impls_allow_deprecated() {
    let span = SourceFile::new("status.md", "# Status").span(0);
    let schema = Schema {
        models: vec![Model {
            name: "AtsListJobsStatus".into(),
            description: None,
            deprecated: true,
            kind: ModelKind::Enum(Enum {
                values: vec![EnumValue {
                    name: None,
                    value: "open".into(),
                }],
                open: false,
                value_type_unstated: false,
            }),
            span,
            provenance: None,
        }],
    };
    let code = emit_file(&schema, &RustOptions::default());
    for item in ["impl std::fmt::Display", "impl std::str::FromStr"] {
        let at = code.find(item).expect("impl emitted");
        let before = code[..at].trim_end();
        assert!(
            before.ends_with("#[allow(deprecated)]"),
            "`{item}` is not preceded by #[allow(deprecated)]:\n{code}"
        );
    }
}
