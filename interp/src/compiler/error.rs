//! Compile errors and the source positions they point at.

use std::fmt;
use std::rc::Rc;

use ruff_text_size::TextRange;

/// Why compilation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// The program is not valid Python (CPython would reject it too).
    SyntaxError,
    /// Valid Python that rceval does not compile yet; the message names the construct.
    NotImplemented,
}

/// A compile error with everything needed to print it the way CPython does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// The whole offending line, without its line break.
    pub source_line: String,
}

impl CompileError {
    /// The error as CPython's traceback printing shows a `SyntaxError`: the location, the
    /// source line stripped of leading whitespace, a caret under the column, then the message
    /// and a line break.
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        let trimmed = self.source_line.trim_start_matches([' ', '\t', '\x0c']);
        if !trimmed.trim_end().is_empty() {
            let stripped = self.source_line.chars().count() - trimmed.chars().count();
            let text = trimmed.trim_end_matches(['\n', '\r']);
            out.push_str("    ");
            out.push_str(text);
            out.push('\n');
            // CPython clips the caret to the end of the text and omits it left of the text.
            let offset =
                (self.column as i64 - 1 - stripped as i64).min(text.chars().count() as i64);
            if offset >= 0 {
                out.push_str("    ");
                out.push_str(&" ".repeat(offset as usize));
                out.push_str("^\n");
            }
        }
        out.push_str("SyntaxError: ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, line {})",
            self.message, self.filename, self.line
        )
    }
}

impl std::error::Error for CompileError {}

pub type CompileResult<T> = Result<T, CompileError>;

/// The source text with a line index, turning byte offsets into lines and columns.
pub(crate) struct SourceMap<'src> {
    pub text: &'src str,
    pub filename: Rc<str>,
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
}

impl<'src> SourceMap<'src> {
    pub fn new(text: &'src str, filename: &str) -> Self {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                // A lone CR ends a line too, as in CPython's tokenizer.
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            text,
            filename: filename.into(),
            line_starts,
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> u32 {
        let index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        index as u32 + 1
    }

    /// The 1-based line where `range` starts.
    pub fn start_line(&self, range: TextRange) -> u32 {
        self.line_of(range.start().to_usize())
    }

    /// The 1-based line where `range` ends.
    pub fn end_line(&self, range: TextRange) -> u32 {
        let end = range.end().to_usize();
        // The end is exclusive: a range ending right after a newline still ends on the line before.
        self.line_of(end.saturating_sub(usize::from(end > range.start().to_usize())))
    }

    fn line_text(&self, line: u32) -> &'src str {
        let index = line as usize - 1;
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// CPython's error for a NUL byte at `offset`: the line up to it, and no caret (the byte
    /// itself is never echoed).
    pub fn null_byte_error(&self, offset: usize) -> CompileError {
        let line = self.line_of(offset);
        let line_start = self.line_starts[line as usize - 1];
        CompileError {
            kind: CompileErrorKind::SyntaxError,
            message: "source code cannot contain null bytes".to_string(),
            filename: self.filename.to_string(),
            line,
            column: 0,
            source_line: self.text[line_start..offset].to_string(),
        }
    }

    /// An error of `kind` located at byte `offset`.
    pub fn error_at(&self, kind: CompileErrorKind, offset: usize, message: String) -> CompileError {
        let offset = offset.min(self.text.len());
        let line = self.line_of(offset);
        let line_start = self.line_starts[line as usize - 1];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count()) as u32
            + 1;
        CompileError {
            kind,
            message,
            filename: self.filename.to_string(),
            line,
            column,
            source_line: self.line_text(line).to_string(),
        }
    }

    /// A syntax error pointing at the start of `line`.
    pub fn error_at_line(&self, line: u32, message: &str) -> CompileError {
        let offset = self
            .line_starts
            .get(line as usize - 1)
            .copied()
            .unwrap_or(0);
        self.error_at(CompileErrorKind::SyntaxError, offset, message.to_string())
    }

    pub fn syntax_error(&self, range: TextRange, message: impl Into<String>) -> CompileError {
        self.error_at(
            CompileErrorKind::SyntaxError,
            range.start().to_usize(),
            message.into(),
        )
    }

    /// "`construct` is not supported by rceval yet".
    pub fn not_implemented(&self, range: TextRange, construct: &str) -> CompileError {
        self.error_at(
            CompileErrorKind::NotImplemented,
            range.start().to_usize(),
            format!("{construct} is not supported by rceval yet"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruff_text_size::TextSize;

    fn range(start: u32, end: u32) -> TextRange {
        TextRange::new(TextSize::new(start), TextSize::new(end))
    }

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let map = SourceMap::new("a = 1\nλβ = = 2\n", "x.py");
        assert_eq!(map.line_of(0), 1);
        assert_eq!(map.line_of(6), 2);
        // 'λ' and 'β' are two bytes each: byte 13 is the second '=', at character column 6.
        let error = map.syntax_error(range(13, 14), "invalid syntax");
        assert_eq!((error.line, error.column), (2, 6));
        assert_eq!(error.source_line, "λβ = = 2");
    }

    #[test]
    fn render_strips_indentation_and_moves_the_caret() {
        let map = SourceMap::new("if x:\n    x = = 1\n", "x.py");
        let error = map.syntax_error(range(14, 15), "invalid syntax");
        assert_eq!(
            error.render(),
            "  File \"x.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
        );
    }

    #[test]
    fn not_implemented_names_the_construct() {
        let map = SourceMap::new("match x:\n    case 1: pass\n", "m.py");
        let error = map.not_implemented(range(0, 5), "'match' statement");
        assert_eq!(error.kind, CompileErrorKind::NotImplemented);
        assert!(
            error
                .render()
                .ends_with("SyntaxError: 'match' statement is not supported by rceval yet\n")
        );
    }
}
