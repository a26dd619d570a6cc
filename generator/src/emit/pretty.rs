//! Pretty JSON text of serializable values, written as if nested inside other objects, so
//! that separately serialized pieces can be joined into one document.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

/// `value` as [`serde_json::to_string_pretty`] writes it when it sits `depth` objects
/// deep: every line after the first is indented by a further `2 * depth` spaces.
pub(crate) fn to_string_at<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let mut out = Vec::with_capacity(256);
    write_at(&mut out, value, depth);
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Appends `value`'s pretty JSON at `depth` (see [`to_string_at`]) to `out`.
pub(crate) fn write_at<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) {
    let formatter = Indented {
        depth,
        has_value: false,
    };
    value
        .serialize(&mut Serializer::with_formatter(out, formatter))
        .expect("schemas serialize to JSON");
}

/// `serde_json::ser::PrettyFormatter` with a two-space indent and a starting depth.
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(writer)?;
        }
        writer.write_all(bracket)
    }

    fn newline<W: ?Sized + io::Write>(&self, writer: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        writer.write_all(b"\n")?;
        let mut n = 2 * self.depth;
        while n > 0 {
            let chunk = n.min(SPACES.len());
            writer.write_all(&SPACES[..chunk])?;
            n -= chunk;
        }
        Ok(())
    }

    fn item<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.newline(writer)
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::to_string_at;

    #[test]
    fn depth_zero_is_to_string_pretty() {
        let v = json!({"a": [1, {"b": []}, {}], "c": {"d": "x\ny"}, "e": [[]]});
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        assert_eq!(to_string_at(&v, 0), pretty);
        assert_eq!(to_string_at(&v, 2), pretty.replace('\n', "\n    "));
    }
}
