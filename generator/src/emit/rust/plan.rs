//! Planning: everything Rust-specific decided before a token is rendered.
//!
//! [`plan`] claims an identifier for every model, hoists inline enums, consts and
//! unions into named items of their own, boxes recursive fields, orders union
//! variants, and records which helpers and derives the output needs. It builds
//! on the type mapping ([`super::types`]) and is read by rendering
//! ([`super::render`]); it knows nothing of either's tokens.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde_json::Value;

use super::types::{hoisted_ref, TypeMap};
use crate::emit::names::{self, NameCache, Unique};
use crate::ir::{Discriminator, Enum, Field, Format, ModelKind, Object, Schema, Type};
use crate::options::{DateMapping, Options};

mod dedupe;
mod eq_hash;
mod recursion;
mod unions;

/// Everything Rust-specific decided before rendering.
#[derive(Debug)]
pub(super) struct Plan<'a> {
    /// Every item to emit: each model, followed by the items hoisted out of it.
    pub items: Vec<Item<'a>>,
    /// IR types → Rust types (model identifiers, shadowed std names, options).
    pub types: TypeMap,
    /// Which functions of the `serde_nulls` helper module fields use.
    pub helpers: Helpers,
    /// Type mappings, derives and attributes.
    pub options: Options,
    /// Items (by Rust identifier) whose types all implement `Eq` and `Hash`.
    pub eq_hash: BTreeSet<String>,
    /// Items (by Rust identifier) marked `#[deprecated]`.
    pub deprecated: HashSet<String>,
}

/// A Rust item to emit.
#[derive(Debug)]
pub(super) struct Item<'a> {
    /// Rust identifier.
    pub ident: String,
    /// The IR model this item belongs to (hoisted types belong to their model).
    pub owner: String,
    /// The IR model name when the item is the model itself (not a hoisted type).
    pub model: Option<String>,
    /// Doc comment text.
    pub doc: Option<String>,
    /// Whether the item is `#[deprecated]`.
    pub deprecated: bool,
    /// What the item is.
    pub kind: ItemKind<'a>,
}

/// What an item is.
#[derive(Debug)]
pub(super) enum ItemKind<'a> {
    /// An object model: a struct.
    Struct {
        /// The fields, in doc order.
        fields: Vec<PlannedField<'a>>,
        /// The type of properties not listed (`#[serde(flatten)]` map), if allowed.
        additional: Option<Type>,
    },
    /// An enum of literal values (a model's `## Values`, an inline enum): open
    /// to unknown strings when its doc says so (the flag) or under the `open_enums` option.
    Enum(Vec<Variant>, bool),
    /// A single literal value (an inline const): a one-variant enum, never open.
    Const(Variant),
    /// An untagged union, most specific variant first.
    Untagged(Vec<UnionVariant>),
    /// A type alias.
    Alias(Type),
    /// An alias of an identical earlier item (by Rust identifier): see `dedupe`.
    Same(String),
}

/// One literal value of an enum or const item.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Variant {
    /// Rust variant identifier.
    pub ident: String,
    /// The value on the wire.
    pub value: Value,
}

/// One variant of an untagged union.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UnionVariant {
    /// Rust variant identifier.
    pub ident: String,
    /// The member type (inline types hoisted).
    pub ty: Type,
    /// The member's known keys when it is an object model, or an array of one (its
    /// fields' wire names).
    pub keys: Vec<String>,
    /// Whether `keys` are those of the array's items rather than of the member itself.
    pub keys_of_items: bool,
    /// In a tagged union: the tag's wire name and the values that select this member.
    pub tag: Option<VariantTag>,
}

/// The tag's wire name and the values that select one member of a tagged union.
pub(super) type VariantTag = (String, Vec<String>);

/// A field to render; borrows the IR field (cloning every field was a measurable cost).
#[derive(Debug)]
pub(super) struct PlannedField<'a> {
    /// Rust field identifier (unique within the struct).
    pub ident: String,
    /// The IR field.
    pub field: &'a Field,
    /// The type to render (inline enums/unions replaced by hoisted refs).
    pub ty: Type,
    /// Whether the field refers back to its own struct and needs a `Box`.
    pub boxed: bool,
}

/// Which helper functions an output needs (unused ones would trip `dead_code`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Helpers {
    /// Optional non-nullable fields of derived structs: reject `null`.
    pub non_null: bool,
    /// Optional nullable fields of derived structs: `Option<Option<T>>` (`with`).
    pub double_option: bool,
    /// Structs with serde impls from a `serde_struct!` table ([`lean_deserialize`]):
    /// the macro and its generic helpers.
    pub structs: bool,
    /// The field kinds their tables use, by (required, nullable): `[Required,
    /// Nullable, Optional, OptionalNullable]`.
    pub kinds: [bool; 4],
    /// The `time` date wrappers (emitted by `types::dates::time_module`).
    pub time: bool,
    /// Enums of strings with impls from a `string_enum!` table ([`lean_enum`]).
    pub enums: bool,
    /// Untagged unions, read by the generic `untagged` reader.
    pub unions: bool,
}

impl Helpers {
    /// Whether the `serde_nulls` module is needed at all.
    pub(super) fn any(self) -> bool {
        self.non_null || self.double_option || self.structs || self.enums || self.unions
    }

    /// Records what the fields of one struct need.
    fn add_struct(&mut self, fields: &[PlannedField], lean: bool) {
        if lean {
            self.structs = true;
            for f in fields {
                let (required, nullable) = (f.field.required, f.field.nullable);
                self.kinds[usize::from(!required) * 2 + usize::from(nullable)] = true;
            }
            return;
        }
        for f in fields {
            let (required, nullable) = (f.field.required, f.field.nullable);
            self.non_null |= !required && !nullable;
            self.double_option |= !required && nullable;
        }
    }
}

/// Whether a struct gets its serde impls from a `serde_struct!` table instead of the
/// derives (`render::lean_de`, the cheaper to compile): the options add no attributes
/// serde would read (user attributes, schemars), and the struct has fields and no
/// `flatten`ed map of additional properties.
pub(super) fn lean_deserialize(
    options: &Options,
    fields: &[PlannedField],
    additional: Option<&Type>,
) -> bool {
    !options.schemars
        && options.type_attributes.is_empty()
        && options.field_attributes.is_empty()
        && additional.is_none()
        && !fields.is_empty()
}

/// Whether an item is a closed enum of strings whose impls come from a `string_enum!`
/// table instead of serde's derive (`render::lean_enum`): the options add no attributes
/// serde or schemars would read.
pub(super) fn lean_enum(options: &Options, item: &Item) -> bool {
    let ItemKind::Enum(values, open) = &item.kind else {
        return false;
    };
    !options.schemars
        && options.type_attributes.is_empty()
        && !options.open_enums
        && !*open
        && !values.is_empty()
        && values.iter().all(|v| v.value.is_string())
}

/// The Rust identifier of every model (IR name → identifier), as the emitted code names them.
///
/// For glue code that refers to the generated types (registries, re-exports).
pub fn model_idents(schema: &Schema) -> BTreeMap<String, String> {
    claim_model_idents(schema, &mut Unique::default())
}

fn claim_model_idents(schema: &Schema, unique: &mut Unique) -> BTreeMap<String, String> {
    schema
        .models
        .iter()
        .map(|m| (m.name.clone(), unique.claim(names::type_name(&m.name))))
        .collect()
}

/// Plans the Rust items of `schema`.
pub(super) fn plan<'a>(schema: &'a Schema, options: &Options) -> Plan<'a> {
    let mut unique = Unique::default();
    let idents = claim_model_idents(schema, &mut unique);
    let mut planner = Planner {
        schema,
        idents,
        boxed: recursion::recursive_edges(schema),
        cache: NameCache::default(),
        unique,
        hoisted: Vec::new(),
        helpers: Helpers::default(),
    };
    let mut items = Vec::new();
    for m in &schema.models {
        let ident = planner.idents[&m.name].clone();
        let kind = match &m.kind {
            ModelKind::Object(o) => planner.struct_kind(&m.name, &ident, o),
            ModelKind::Enum(e) => planner.enum_kind(e, &ident),
            ModelKind::Union(u) => planner.union_kind(&u.members, u.discriminator.as_ref(), &ident),
            ModelKind::Alias { ty } => planner.type_kind(ty, &ident),
        };
        items.push(Item {
            ident,
            owner: m.name.clone(),
            model: Some(m.name.clone()),
            doc: m.description.clone(),
            deprecated: m.deprecated,
            kind,
        });
        // Hoisting a type hoists what it contains first: members precede their union.
        for h in std::mem::take(&mut planner.hoisted) {
            let kind = planner.type_kind(&h.ty, &h.ident);
            debug_assert!(
                planner.hoisted.is_empty(),
                "hoisted types are hoisted through"
            );
            items.push(Item {
                ident: h.ident,
                owner: m.name.clone(),
                model: None,
                doc: h.doc,
                deprecated: false,
                kind,
            });
        }
    }
    let Planner {
        idents,
        mut helpers,
        ..
    } = planner;
    dedupe::dedupe(&mut items, &idents, options);
    helpers.time = options.dates == DateMapping::Time && schema_has_dates(schema);
    for item in &items {
        if let ItemKind::Struct { fields, additional } = &item.kind {
            let lean = lean_deserialize(options, fields, additional.as_ref());
            helpers.add_struct(fields, lean);
        }
        helpers.enums |= lean_enum(options, item);
        helpers.unions |= matches!(&item.kind, ItemKind::Untagged(vs) if !vs.first().is_some_and(|v| v.tag.is_some()));
    }
    let eq_hash = eq_hash::eq_hash_items(&items, &idents, options);
    let deprecated = items
        .iter()
        .filter(|i| i.deprecated)
        .map(|i| i.ident.clone())
        .collect();
    Plan {
        deprecated,
        items,
        types: TypeMap::new(idents, options.dates, options.maps),
        helpers,
        options: options.clone(),
        eq_hash,
    }
}

/// An inline enum, const or union replaced by a reference, waiting to become an item.
struct Hoisted {
    ident: String,
    ty: Type,
    doc: Option<String>,
}

/// The state of [`plan`] while it walks the models.
struct Planner<'s> {
    schema: &'s Schema,
    /// IR model name → Rust identifier.
    idents: BTreeMap<String, String>,
    /// (model, wire name) of the fields that need a `Box`.
    boxed: HashSet<(String, String)>,
    cache: NameCache,
    /// Every item identifier claimed so far (models first).
    unique: Unique,
    /// Types hoisted out of the current model.
    hoisted: Vec<Hoisted>,
    helpers: Helpers,
}

impl<'s> Planner<'s> {
    /// A struct's fields, with inline types hoisted as `{Struct}{Field}` and additional
    /// properties as `{Struct}Value`.
    fn struct_kind(&mut self, model: &str, ident: &str, o: &'s Object) -> ItemKind<'s> {
        let mut field_names = Unique::default();
        let fields = o
            .fields
            .iter()
            .map(|f| {
                let fident = field_names.claim(self.cache.field_name(&f.wire_name));
                let ty = if needs_hoisting(&f.ty) {
                    let camel = self.cache.type_name(names::unraw(&fident));
                    self.hoist(&f.ty, &format!("{ident}{camel}"), f.description.clone())
                } else {
                    f.ty.clone()
                };
                PlannedField {
                    boxed: !self.boxed.is_empty()
                        && self
                            .boxed
                            .contains(&(model.to_string(), f.wire_name.clone())),
                    ident: fident,
                    field: f,
                    ty,
                }
            })
            .collect();
        let additional = o
            .additional_properties
            .as_ref()
            .map(|t| self.hoist(t, &format!("{ident}Value"), None));
        ItemKind::Struct { fields, additional }
    }

    /// An enum model: its values, with their documented names where they have any
    /// (without the enum's own name in front: `Status::Active`, not `Status::StatusActive`).
    fn enum_kind(&mut self, e: &Enum, ident: &str) -> ItemKind<'s> {
        let values = e.values.iter().map(|v| (v.name.as_deref(), &v.value));
        let mut vs = variants(&mut self.cache, values);
        strip_enum_name(&mut vs, ident);
        ItemKind::Enum(vs, e.open)
    }

    /// The one mapping of a type that is an item of its own (an alias model's
    /// type or a hoisted type) to its kind: enums, consts and unions become
    /// enums, anything else an alias (inline types inside hoisted as `{ident}Inner`).
    fn type_kind(&mut self, ty: &Type, ident: &str) -> ItemKind<'s> {
        match ty {
            Type::Enum(values) => {
                let mut vs = variants(&mut self.cache, values.iter().map(|v| (None, v)));
                strip_enum_name(&mut vs, ident);
                ItemKind::Enum(vs, false)
            }
            Type::Const(value) => {
                let mut one = variants(&mut self.cache, [(None, value)]);
                ItemKind::Const(one.remove(0))
            }
            Type::Union(members) => self.union_kind(members, None, ident),
            other => ItemKind::Alias(self.hoist(other, &format!("{ident}Inner"), None)),
        }
    }

    /// An untagged union: inline member types hoisted as `{ident}Member{n}`
    /// (members of a hoisted union are hoisted already), then ordered.
    fn union_kind(
        &mut self,
        members: &[Type],
        discriminator: Option<&Discriminator>,
        ident: &str,
    ) -> ItemKind<'s> {
        let members: Vec<Type> = members
            .iter()
            .enumerate()
            .map(|(i, t)| self.hoist(t, &format!("{ident}Member{}", i + 1), None))
            .collect();
        ItemKind::Untagged(unions::union_variants(
            self.schema,
            ident,
            members,
            discriminator,
            &self.idents,
        ))
    }

    /// Replaces inline enums, consts and unions in `ty` by references to new
    /// items named after `name` (`Item` for array items, `Value` for map values,
    /// a number per union member).
    fn hoist(&mut self, ty: &Type, name: &str, doc: Option<String>) -> Type {
        match ty {
            Type::Enum(_) | Type::Const(_) | Type::Union(_) => {
                let inner = match ty {
                    Type::Union(members) => Type::Union(
                        members
                            .iter()
                            .enumerate()
                            .map(|(i, m)| self.hoist(m, &format!("{name}{}", i + 1), None))
                            .collect(),
                    ),
                    other => other.clone(),
                };
                let ident = self.unique.claim(name.to_string());
                let reference = hoisted_ref(&ident);
                self.hoisted.push(Hoisted {
                    ident,
                    ty: inner,
                    doc,
                });
                reference
            }
            Type::Array(t) => Type::Array(Box::new(self.hoist(t, &format!("{name}Item"), doc))),
            Type::Map(t) => Type::Map(Box::new(self.hoist(t, &format!("{name}Value"), doc))),
            Type::Nullable(t) => Type::Nullable(Box::new(self.hoist(t, name, doc))),
            other => other.clone(),
        }
    }
}

/// Whether hoisting would replace anything in `ty`.
fn needs_hoisting(ty: &Type) -> bool {
    match ty {
        Type::Enum(_) | Type::Const(_) | Type::Union(_) => true,
        Type::Array(t) | Type::Map(t) | Type::Nullable(t) => needs_hoisting(t),
        _ => false,
    }
}

/// Variant identifiers for literal values: the documented name if it makes an
/// identifier, else the value itself (`V`-prefixed where it does not start with a letter).
fn variants<'v>(
    cache: &mut NameCache,
    values: impl IntoIterator<Item = (Option<&'v str>, &'v Value)>,
) -> Vec<Variant> {
    let mut unique = Unique::default();
    values
        .into_iter()
        .map(|(name, value)| {
            let base = match (value, name) {
                (_, Some(n)) if !cache.type_name(n).starts_with('_') => cache.type_name(n),
                (Value::String(s), _) => cache.type_name(s),
                (Value::Bool(b), _) => cache.type_name(&b.to_string()),
                (Value::Null, _) => "Null".into(),
                (other, _) => format!("V{}", other.to_string().replace(['-', '.', '+'], "_")),
            };
            let base = if base.starts_with('_') || base == "Unnamed" {
                format!("V{}", base.trim_start_matches('_'))
            } else {
                base
            };
            Variant {
                ident: unique.claim(base),
                value: value.clone(),
            }
        })
        .collect()
}

/// Drops the enum's name where every variant starts with it (`DepartmentStatusActive`
/// in `DepartmentStatus` → `Active`), unless that would leave a variant empty, starting
/// with a digit, or two variants alike. Wire values are unchanged.
fn strip_enum_name(variants: &mut [Variant], enum_ident: &str) {
    let stripped: Option<Vec<&str>> = variants
        .iter()
        .map(|v| {
            v.ident
                .strip_prefix(enum_ident)
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
        })
        .collect();
    let Some(stripped) = stripped else {
        return;
    };
    let unique: std::collections::HashSet<&str> = stripped.iter().copied().collect();
    if unique.len() != stripped.len() || stripped.iter().any(|s| s == &"Self_" || s == &"Self") {
        return;
    }
    let stripped: Vec<String> = stripped.into_iter().map(str::to_string).collect();
    for (v, s) in variants.iter_mut().zip(stripped) {
        v.ident = s;
    }
}

/// Whether any model uses a `date` or `date-time` string.
fn schema_has_dates(schema: &Schema) -> bool {
    fn has(t: &Type) -> bool {
        match t {
            Type::String(f) => matches!(f, Some(Format::Date | Format::DateTime)),
            Type::Array(t) | Type::Map(t) | Type::Nullable(t) => has(t),
            Type::Union(ms) => ms.iter().any(has),
            _ => false,
        }
    }
    let mut found = false;
    for m in &schema.models {
        crate::ir::for_each_type(m, |t| found |= has(t));
    }
    found
}

#[cfg(test)]
mod tests;
