//! Lowering Type-cell expressions to IR types: the part every dialect shares.
//!
//! A dialect supplies its [`TypeNames`] (scalars, wrappers, containers); this module walks the [`Expr`] tree, records references to other
//! documents as [`PendingRef`]s and warns about what it cannot understand.

use serde_json::Value;

use super::dialect::PendingRef;
use super::type_expr::Expr;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{Format, Type};
use crate::source::Span;

/// What a field-level wrapper (`Optional[T]`, `*T`, `?T`, `T.nilable(T)`) says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wrapper {
    /// The wrapper marks the value as possibly absent.
    pub optional: bool,
    /// The wrapper marks the value as possibly `null`.
    pub nullable: bool,
}

impl Wrapper {
    /// May be absent (`Optional[T]`, Go `*T`, PHP `?T`).
    pub const OPTIONAL: Wrapper = Wrapper {
        optional: true,
        nullable: false,
    };
    /// May be `null` (`Nullable[T]`).
    pub const NULLABLE: Wrapper = Wrapper {
        optional: false,
        nullable: true,
    };
    /// May be absent or `null` (`OptionalNullable[T]`, `JsonNullable<T>`).
    pub const OPTIONAL_NULLABLE: Wrapper = Wrapper {
        optional: true,
        nullable: true,
    };
}

/// A lowered Type cell: the type and the outermost wrapper.
#[derive(Debug, Clone, PartialEq)]
pub struct Lowered {
    /// The value type.
    pub ty: Type,
    /// The field-level wrapper, if any.
    pub wrapper: Wrapper,
}

/// What a dialect knows about its type names.
pub trait TypeNames {
    /// The IR type of a scalar name (`str`, `int64`, `::String`), if it is one.
    fn scalar(&self, name: &str) -> Option<Type>;
    /// The wrapper a generic name stands for (`Optional`, `JsonNullable`, `*`), if it is one.
    fn wrapper(&self, name: &str) -> Option<Wrapper>;
    /// Whether a generic name is a list (`List`, `[]`, `T::Array`).
    fn is_list(&self, name: &str) -> bool;
    /// Whether a generic name is a map (`Dict`, `map`, `Record`); its last argument is the value.
    fn is_map(&self, name: &str) -> bool;
    /// Whether a generic name is a union of its arguments (by default `Union[A, B]`).
    fn is_union(&self, name: &str) -> bool {
        name == "Union"
    }
    /// The type a stdlib link (by URL or label) stands for, if it is one.
    fn stdlib_link(&self, label: &str, target: &str) -> Option<Type>;
    /// Where the doc of an unlinked qualified name probably is, relative to the
    /// referring doc (TypeScript `*components.X*` → `../components/x.md`).
    fn name_target(&self, _name: &str) -> Option<String> {
        None
    }

    /// The wire (JSON) name of a field the doc lists under its SDK name, where the
    /// dialect's name mangling can be undone (Python `date_` → `date`); by default unchanged.
    fn wire_name(&self, sdk_name: &str) -> String {
        sdk_name.to_string()
    }
    /// The schema name of a model the doc titles with its SDK class name, where the
    /// dialect's mangling can be undone (`Eighta9c6…` → `8a9c6…`); by default unchanged.
    fn model_name(&self, class_name: &str) -> String {
        class_name.to_string()
    }

    /// Whether the dialect renders date and date-time alike (PHP `\DateTime`),
    /// so that a field's date-only examples may tell a date apart.
    fn dates_ambiguous(&self) -> bool {
        false
    }
}

/// Lowering state for one document.
pub struct LowerCx<'a> {
    /// The dialect's names.
    pub names: &'a dyn TypeNames,
    /// References collected so far.
    pub refs: &'a mut Vec<PendingRef>,
    /// Warnings collected so far.
    pub diags: &'a mut Diagnostics,
    /// The span of the cell being lowered.
    pub span: Span,
    /// The cell text, for quoting.
    pub cell: &'a str,
}

impl LowerCx<'_> {
    /// Lowers a whole cell: peels the outermost wrappers, then lowers the type.
    pub fn lower_cell(&mut self, expr: &Expr) -> Lowered {
        let mut wrapper = Wrapper::default();
        let inner = self.peel(expr, &mut wrapper);
        // A wrapper inside a link label (`[Optional[models.X]](x.md)`) is field-level too.
        let ty = match inner {
            Expr::Link {
                label,
                label_text,
                target,
            } => self.link(label, label_text, target, Some(&mut wrapper)),
            _ => self.lower(inner),
        };
        Lowered { ty, wrapper }
    }

    /// Strips wrappers (outside and inside a link label), accumulating what they say.
    fn peel<'e>(&self, expr: &'e Expr, acc: &mut Wrapper) -> &'e Expr {
        match expr {
            Expr::Apply(name, args) if args.len() == 1 => match self.names.wrapper(name) {
                Some(w) => {
                    acc.optional |= w.optional;
                    acc.nullable |= w.nullable;
                    self.peel(&args[0], acc)
                }
                None => expr,
            },
            _ => expr,
        }
    }

    /// Lowers a type below field level (nullable wrappers become `Type::Nullable`).
    pub fn lower(&mut self, expr: &Expr) -> Type {
        match expr {
            Expr::Name(name) => self.name(name, None),
            Expr::Literal(v) => Type::Const(v.clone()),
            Expr::Union(members) => self.union(members),
            Expr::Link {
                label,
                label_text,
                target,
            } => self.link(label, label_text, target, None),
            Expr::Apply(name, args) => self.apply(name, args),
        }
    }

    fn apply(&mut self, name: &str, args: &[Expr]) -> Type {
        // Array-shaped scalars: Java/C# `byte[]`, Go `[]byte`.
        if let (true, [Expr::Name(item)]) = (name == "[]", args) {
            if let Some(ty) = self.names.scalar(&format!("{item}[]")) {
                return ty;
            }
        }
        if let Some(w) = self.names.wrapper(name) {
            if let [inner] = args {
                let ty = self.lower(inner);
                return if w.nullable { nullable(ty) } else { ty };
            }
        }
        // A name can be both (PHP `array<T>` / `array<string, T>`): arity decides.
        let is_map = self.names.is_map(name) && (args.len() > 1 || !self.names.is_list(name));
        if self.names.is_list(name) && !is_map {
            if let Some(item) = args.last() {
                return Type::Array(Box::new(self.lower(item)));
            }
        }
        if is_map {
            if let Some(value) = args.last() {
                return Type::Map(Box::new(self.lower(value)));
            }
        }
        match name {
            "Literal" | "Const" if args.len() == 1 => {
                if let Expr::Literal(v) = &args[0] {
                    return Type::Const(v.clone());
                }
            }
            "Literal" if args.len() > 1 => {
                let values: Option<Vec<Value>> = args
                    .iter()
                    .map(|a| match a {
                        Expr::Literal(v) => Some(v.clone()),
                        _ => None,
                    })
                    .collect();
                if let Some(values) = values {
                    return Type::Enum(values);
                }
            }
            _ if self.names.is_union(name) => return self.union(args),
            _ => {}
        }
        if let Some(ty) = self.names.scalar(name) {
            // Parameterised scalars: `IO[bytes]`, `ReadableStream<Uint8Array>`.
            return ty;
        }
        self.unknown(&format!("{name}[...]"))
    }

    fn union(&mut self, members: &[Expr]) -> Type {
        let mut out: Vec<Type> = Vec::new();
        let mut has_null = false;
        for m in members {
            match self.lower(m) {
                Type::Const(Value::Null) => has_null = true,
                Type::Nullable(t) => {
                    has_null = true;
                    push_unique(&mut out, *t);
                }
                t => push_unique(&mut out, t),
            }
        }
        // A file-upload union (`Union[bytes, IO[bytes], io.BufferedReader]`) is just binary.
        if !out.is_empty() && out.iter().all(|t| *t == Type::String(Some(Format::Binary))) {
            out.truncate(1);
        }
        let ty = if out.len() == 1 {
            out.pop().expect("one member")
        } else if out.is_empty() {
            Type::Any
        } else {
            Type::Union(out)
        };
        if has_null {
            nullable(ty)
        } else {
            ty
        }
    }

    /// Lowers a link; the label's wrappers go to `field` when given, else into the type.
    fn link(
        &mut self,
        label: &Expr,
        label_text: &str,
        target: &str,
        field: Option<&mut Wrapper>,
    ) -> Type {
        let mut w = Wrapper::default();
        let inner = self.peel(label, &mut w);
        let ty = self.link_type(inner, label_text, target);
        match field {
            Some(acc) => {
                acc.optional |= w.optional;
                acc.nullable |= w.nullable;
                ty
            }
            None if w.nullable => nullable(ty),
            None => ty,
        }
    }

    /// The type a link stands for, its label already stripped of wrappers.
    fn link_type(&mut self, inner: &Expr, label_text: &str, target: &str) -> Type {
        if let Some(ty) = self.names.stdlib_link(label_text, target) {
            return ty;
        }
        let is_doc = target.ends_with(".md") || target.contains(".md#");
        if !is_doc {
            self.diags.push(
                Diagnostic::warning(
                    self.span.clone(),
                    format!("link to `{target}` is neither a model doc nor a known library type"),
                )
                .with_snippet(self.cell)
                .with_hint("the field falls back to any JSON value"),
            );
            return Type::Any;
        }
        let stem = file_stem(target);
        match inner {
            // A union written in the label: `[Union[A, B]](u.md)`, `[string|int](u.md)`
            // — the doc it links to is the union model itself.
            Expr::Apply(n, members) if self.names.is_union(n) => {
                let members = self.label_members(members);
                self.link_ref(target, stem, "", members)
            }
            Expr::Union(members) => {
                let members = self.label_members(members);
                self.link_ref(target, stem, "", members)
            }
            Expr::Name(n) => {
                let name = self.names.model_name(&base_name(n));
                self.link_ref(target, stem, &name, None)
            }
            other => {
                // Containers inside a label (`[List[X]](x.md)`, openapi-generator): keep the shape.
                let mut shape = self.lower(other);
                let key = self.link_ref(target, stem, "", None);
                shape.visit_mut(&mut |t| {
                    if matches!(t, Type::Any) {
                        *t = key.clone();
                    }
                });
                shape
            }
        }
    }

    fn name(&mut self, name: &str, stem: Option<String>) -> Type {
        if let Some(ty) = self.names.scalar(name) {
            return ty;
        }
        if name == "None" || name == "null" || name == "nil" {
            return Type::Const(Value::Null);
        }
        let base = base_name(name);
        if base.starts_with(|c: char| c.is_ascii_uppercase()) {
            // Refer to the model by the name its own doc will get.
            let model = self.names.model_name(&base);
            if let Some(target) = self.names.name_target(name) {
                return self.link_ref(&target, file_stem(&target), &model, None);
            }
            return self.reference(stem, &model);
        }
        self.unknown(name)
    }

    /// Lowers the members a union label names, without `null` (the field says that).
    fn label_members(&mut self, members: &[Expr]) -> Option<Vec<Type>> {
        let mut out = Vec::new();
        for m in members {
            match self.lower(m) {
                Type::Const(Value::Null) => {}
                Type::Nullable(t) => push_unique(&mut out, *t),
                t => push_unique(&mut out, t),
            }
        }
        (!out.is_empty()).then_some(out)
    }

    fn link_ref(
        &mut self,
        target: &str,
        stem: String,
        name: &str,
        label_members: Option<Vec<Type>>,
    ) -> Type {
        let index = self.refs.len();
        self.refs.push(PendingRef {
            target: Some(target.to_string()),
            file_stem: Some(stem),
            name: name.to_string(),
            span: self.span.clone(),
            label_members,
        });
        Type::Pending(index)
    }

    /// Records a reference by name and returns its placeholder type.
    pub fn reference(&mut self, file_stem: Option<String>, name: &str) -> Type {
        let index = self.refs.len();
        self.refs.push(PendingRef {
            target: None,
            file_stem,
            name: name.to_string(),
            span: self.span.clone(),
            label_members: None,
        });
        Type::Pending(index)
    }

    fn unknown(&mut self, what: &str) -> Type {
        self.diags.push(
            Diagnostic::warning(self.span.clone(), format!("unknown type `{what}`"))
                .with_snippet(self.cell)
                .with_hint("the field falls back to any JSON value (serde_json::Value)"),
        );
        Type::Any
    }
}

/// `T` or null, without double wrapping.
pub fn nullable(ty: Type) -> Type {
    match ty {
        Type::Nullable(_) | Type::Any => ty,
        Type::Const(Value::Null) => ty,
        other => Type::Nullable(Box::new(other)),
    }
}

fn push_unique(out: &mut Vec<Type>, t: Type) {
    if !out.contains(&t) {
        out.push(t);
    }
}

/// Lowercased file name without directories, `.md` and anchor: `../Models/X.md` → `x`.
pub fn file_stem(target: &str) -> String {
    let path = target.split('#').next().unwrap_or(target);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name).to_lowercase()
}

/// `pkg.Name` → `../pkg/name.md`: where Speakeasy puts the doc of a qualified
/// name (one folder per package, lowercase file names). The path is relative to
/// a doc in a sibling package folder or in the same folder.
pub fn package_doc(name: &str) -> Option<String> {
    let name = name.trim_start_matches('*');
    let (package, base) = name.rsplit_once('.')?;
    let package = package.rsplit('.').next()?;
    let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (valid(package) && valid(base)).then(|| format!("../{package}/{}.md", base.to_lowercase()))
}

/// The last segment of a qualified name: `models.X`, `::Mod::X`, `Components\X`, `*shared.X` → `X`.
pub fn base_name(name: &str) -> String {
    let name = name.trim().trim_start_matches(['*', '?', '\\']);
    name.rsplit(['.', ':', '\\'])
        .find(|s| !s.is_empty())
        .unwrap_or(name)
        .to_string()
}

/// Lowers one Type cell with a dialect's names, for unit tests:
/// (the lowered cell, the references it recorded, the number of warnings).
#[cfg(test)]
pub(crate) fn lower_for_test(
    names: &dyn TypeNames,
    cell: &str,
) -> (Lowered, Vec<PendingRef>, usize) {
    let mut refs = Vec::new();
    let mut diags = Diagnostics::default();
    let mut cx = LowerCx {
        names,
        refs: &mut refs,
        diags: &mut diags,
        span: Span {
            file: "t.md".into(),
            line: 1,
            column: 1,
        },
        cell,
    };
    let lowered = cx.lower_cell(&super::type_expr::parse(cell).expect("test cell parses"));
    let warnings = diags.warning_count();
    (lowered, refs, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_base_names() {
        assert_eq!(file_stem("../../models/shared/EnumT.md"), "enumt");
        assert_eq!(file_stem("x.md#anchor"), "x");
        assert_eq!(base_name("models.UserAPIKey"), "UserAPIKey");
        assert_eq!(base_name("::OpenApiSDK::Shared::X"), "X");
        assert_eq!(base_name("\\OpenAPI\\Models\\Shared\\Enum"), "Enum");
        assert_eq!(base_name("*components.X"), "X");
    }

    #[test]
    fn package_docs() {
        assert_eq!(
            package_doc("errors.Detail").as_deref(),
            Some("../errors/detail.md")
        );
        assert_eq!(
            package_doc("*components.X").as_deref(),
            Some("../components/x.md")
        );
        assert_eq!(package_doc("Detail"), None);
        assert_eq!(package_doc("a b.C"), None);
    }
}
