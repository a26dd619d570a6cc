//! File uploads: Speakeasy SDKs render a `type: string, format: binary` property of a
//! multipart body as a model of their own (`File`: `fileName`, `content` and an optional
//! `contentType`) that the spec does not have. References to such a model are the binary
//! string the spec declares; the model itself stays (its doc exists), unreferenced.

use crate::ir::{for_each_type_mut, Format, ModelKind, Object, Schema, Type};

/// Replaces every reference to an upload model with `string` / `binary`.
pub fn binary_uploads(schema: &mut Schema) {
    let uploads: Vec<String> = schema
        .models
        .iter()
        .filter(|m| matches!(&m.kind, ModelKind::Object(o) if is_upload(o)))
        .map(|m| m.name.clone())
        .collect();
    if uploads.is_empty() {
        return;
    }
    for model in &mut schema.models {
        for_each_type_mut(model, |t| {
            t.visit_mut(&mut |t| {
                if matches!(t, Type::Ref(name) if uploads.contains(name)) {
                    *t = Type::String(Some(Format::Binary));
                }
            })
        });
    }
}

/// Exactly a required file name, required content of a bytes-like type (or one the
/// dialect cannot show: Go's `any`, PHP's `string`) and an optional content type.
fn is_upload(o: &Object) -> bool {
    if o.additional_properties.is_some() || !(2..=3).contains(&o.fields.len()) {
        return false;
    }
    let field = |name: &str| o.fields.iter().find(|f| normalized(&f.wire_name) == name);
    let (Some(file_name), Some(content)) = (field("filename"), field("content")) else {
        return false;
    };
    let content_type = field("contenttype");
    if o.fields.len() != 2 + usize::from(content_type.is_some()) {
        return false;
    }
    file_name.required
        && matches!(file_name.ty, Type::String(None))
        && content.required
        && matches!(
            content.ty,
            Type::String(None | Some(Format::Binary)) | Type::Any | Type::Array(_)
        )
        && content_type.map_or(true, |c| !c.required && matches!(c.ty, Type::String(None)))
}

/// Lowercase without `_`/`-`: `file_name`, `fileName` and `FileName` are one name.
fn normalized(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_values::{field, object};

    #[test]
    fn references_to_upload_models_become_binary_strings() {
        let file = object(
            "File",
            vec![
                field("file_name", Type::String(None), true),
                field("content", Type::String(Some(Format::Binary)), true),
                field("content_type", Type::String(None), false),
            ],
        );
        let go_file = object(
            "File1",
            vec![
                field("FileName", Type::String(None), true),
                field("Content", Type::Any, true),
            ],
        );
        // A JSON model that happens to carry a name and content: not an upload.
        let note = object(
            "Note",
            vec![
                field("fileName", Type::String(None), true),
                field("content", Type::String(None), true),
                field("author", Type::String(None), true),
            ],
        );
        let request = object(
            "Upload",
            vec![
                field(
                    "files",
                    Type::Array(Box::new(Type::Ref("File".into()))),
                    true,
                ),
                field("one", Type::Ref("File1".into()), false),
                field("note", Type::Ref("Note".into()), false),
            ],
        );
        let mut schema = Schema {
            models: vec![file, go_file, note, request],
        };
        binary_uploads(&mut schema);
        let ModelKind::Object(o) = &schema.models[3].kind else {
            panic!("object")
        };
        let binary = Type::String(Some(Format::Binary));
        assert_eq!(o.fields[0].ty, Type::Array(Box::new(binary.clone())));
        assert_eq!(o.fields[1].ty, binary);
        assert_eq!(o.fields[2].ty, Type::Ref("Note".into()));
        assert_eq!(schema.models.len(), 4, "the upload models stay");
    }
}
