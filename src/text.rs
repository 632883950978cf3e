//! Small helpers on source text.

/// The text without a leading UTF-8 byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The 1-based line and 1-based column (in characters) of byte offset `byte`
/// in `text`. Offsets past the end or inside a character are clamped to the
/// previous character boundary.
pub fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &text[..byte];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The byte offset of the 1-based `line` and `column` (in characters) in
/// `text`, the inverse of [`line_column`]; `None` past the end of the text
/// or of the line.
pub fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = match line.checked_sub(1)? {
        0 => 0,
        n => text.match_indices('\n').nth(n - 1)?.0 + 1,
    };
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let within = match column.checked_sub(1)? {
        n if n == line_text.chars().count() => line_text.len(),
        n => line_text.char_indices().nth(n)?.0,
    };
    Some(start + within)
}

/// The 1-based line and column of byte offset `byte` in `bytes`, which may
/// not be valid UTF-8 from that offset on (the prefix must be).
pub fn line_column_bytes(bytes: &[u8], byte: usize) -> (usize, usize) {
    let prefix = &bytes[..byte.min(bytes.len())];
    match std::str::from_utf8(prefix) {
        Ok(text) => line_column(text, text.len()),
        Err(e) => line_column_bytes(bytes, e.valid_up_to()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_invert_positions() {
        let text = "ab\nçd\n";
        for byte in [0, 1, 2, 3, 5, 6, 7] {
            let (line, column) = line_column(text, byte);
            assert_eq!(byte_offset(text, line, column), Some(byte), "{byte}");
        }
        assert_eq!(byte_offset(text, 2, 9), None);
        assert_eq!(byte_offset(text, 9, 1), None);
        assert_eq!(byte_offset(text, 0, 1), None);
    }

    #[test]
    fn positions() {
        let text = "ab\nçd\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 3));
        assert_eq!(line_column(text, 3), (2, 1));
        // `d` is after the two-byte `ç`
        assert_eq!(line_column(text, 5), (2, 2));
        // inside `ç`: clamped to its start
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 100), (3, 1));
    }

    #[test]
    fn bom() {
        assert_eq!(strip_bom("\u{feff}fn"), "fn");
        assert_eq!(strip_bom("fn"), "fn");
    }

    #[test]
    fn invalid_utf8_prefix() {
        let bytes = b"fn a() {}\n  \xff";
        assert_eq!(line_column_bytes(bytes, 12), (2, 3));
    }
}
