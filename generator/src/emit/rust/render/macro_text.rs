//! The output's `macro_rules!` (`serde_struct!`, `string_enum!`), written as formatted
//! text. prettyplease prints a macro's body as a run of tokens filled like prose; the
//! body a reader sees is this text instead, put in place of prettyplease's print by
//! [`layout_macros`]. The tokens syn checks are parsed from the same text, so the two
//! cannot drift apart.

use proc_macro2::TokenStream;

/// A `macro_rules!` item of the output and its formatted text.
pub(in crate::emit::rust) struct MacroText {
    /// The macro's name.
    name: &'static str,
    /// `macro_rules! name { ... }`, formatted, unindented.
    text: String,
}

impl MacroText {
    /// The macro `name` from `template`, each `{key}` of `fills` replaced by its value.
    pub(super) fn new(name: &'static str, template: &str, fills: &[(&str, &str)]) -> MacroText {
        let text = fills
            .iter()
            .fold(template.to_string(), |text, (key, value)| {
                text.replace(&format!("{{{key}}}"), value)
            });
        MacroText { name, text }
    }

    /// The macro's tokens, for syn.
    pub(super) fn tokens(&self) -> TokenStream {
        match self.text.parse() {
            Ok(tokens) => tokens,
            Err(e) => panic!("modeldoc bug: macro_rules! {} does not lex: {e}", self.name),
        }
    }
}

/// `code` (prettyplease's output) with each of `macros` printed as its formatted text,
/// at the indentation prettyplease gave it.
pub(in crate::emit::rust) fn layout_macros(code: &str, macros: &[MacroText]) -> String {
    if macros.is_empty() {
        return code.to_string();
    }
    let mut out = String::with_capacity(code.len());
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let Some(m) = macros
            .iter()
            .find(|m| body.strip_prefix("macro_rules! ") == Some(&format!("{} {{", m.name)))
        else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        // prettyplease closes the item at the indentation it opened it.
        let close = format!("{indent}}}");
        lines.by_ref().find(|l| *l == close);
        for text_line in m.text.lines() {
            if !text_line.is_empty() {
                out.push_str(indent);
                out.push_str(text_line);
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "macro_rules! pair {
    ($a:ident, $b:ident) => {
        // A comment only the text keeps.
        impl {path}::Pair for $a {
            type Other = $b;
        }
    };
}";

    #[test]
    fn the_formatted_text_replaces_prettyplease_s_print_with_the_same_tokens() {
        let m = MacroText::new("pair", TEMPLATE, &[("path", "crate::pairs")]);
        let tokens = m.tokens();
        let file: syn::File = syn::parse2(quote::quote! {
            mod inner {
                /// Pairs two types.
                #tokens
                pub(crate) use pair;
            }
        })
        .unwrap();
        let printed = prettyplease::unparse(&file);
        let laid_out = layout_macros(&printed, &[m]);
        assert!(
            laid_out.contains(
                "    /// Pairs two types.\n    macro_rules! pair {\n        ($a:ident, $b:ident) => {\n            // A comment only the text keeps.\n            impl crate::pairs::Pair for $a {\n"
            ),
            "{laid_out}"
        );
        assert!(
            laid_out.ends_with("    };\n    }\n    pub(crate) use pair;\n}\n"),
            "{laid_out}"
        );
        // Comments aside, the laid-out text is the printed one, token for token.
        let tokens_of = |code: &str| {
            let file: syn::File = syn::parse_str(code).unwrap();
            quote::ToTokens::to_token_stream(&file).to_string()
        };
        assert_eq!(tokens_of(&laid_out), tokens_of(&printed));
    }

    #[test]
    fn code_without_the_macros_is_left_alone() {
        let code = "fn main() {}\nmacro_rules! other {\n    () => {};\n}\n";
        let m = MacroText::new("pair", TEMPLATE, &[("path", "x")]);
        assert_eq!(layout_macros(code, &[m]), code);
        assert_eq!(layout_macros(code, &[]), code);
    }
}
