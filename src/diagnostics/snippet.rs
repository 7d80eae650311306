//! One source snippet of a report: the line(s) of a span with a label under it and an
//! optional `help:` line, drawn by miette's graphical handler.
//!
//! Owns: the miette side of reports: the fixed theme and width (so output never depends
//! on the terminal), colours only when asked, and adapting `SourceFile` to miette's
//! `SourceCode` so a snippet always shows whole lines.
//! Must not touch: what the labels and help say (that is `explain.rs`), the traceback
//! around snippets (that is `traceback.rs`).

use super::line_window::clip_long_lines;
use crate::syntax::span::{SourceFile, Span};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::rc::Rc;

/// Reports are wrapped at this width whatever the terminal, so snapshots are stable.
pub const REPORT_WIDTH: usize = 100;

/// A label under a span; `text` is what it says (none: the span is only underlined).
#[derive(Debug, Clone)]
pub struct Label {
    pub span: Span,
    pub text: Option<String>,
}

/// A `help:` line: what to do, and the fix as code in the user's own names. The code is
/// never broken across lines: it ends the line after ` — `, or stands on its own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub text: String,
    pub fix: Option<String>,
}

impl Help {
    pub fn new(text: impl Into<String>) -> Help {
        Help {
            text: text.into(),
            fix: None,
        }
    }

    pub fn with_fix(text: impl Into<String>, fix: impl Into<String>) -> Help {
        Help {
            text: text.into(),
            fix: Some(fix.into()),
        }
    }
}

/// A span of a source file to show, its labels (the first is the primary one) and help.
#[derive(Debug)]
pub struct Snippet {
    pub source: Rc<SourceFile>,
    pub labels: Vec<Label>,
    pub help: Option<Help>,
}

/// How reports are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn handler(self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(REPORT_WIDTH)
            .with_context_lines(0)
            .without_primary_span_start()
            .with_links(false)
            .with_urls(false)
            .tab_width(4)
    }

    /// The snippet drawn as text, each line ending in a newline.
    pub fn render(self, snippet: &Snippet) -> String {
        let (clipped, labels) = clip_long_lines(&snippet.source, &snippet.labels);
        let clipped = clipped.as_ref().unwrap_or(&snippet.source);
        let (padded, labels) = pad_line_ends(clipped, &labels);
        let file = padded.as_ref().unwrap_or(clipped);
        let mut out = String::new();
        let diagnostic = SnippetDiagnostic {
            source: Lines(file),
            labels: &labels,
        };
        if self.handler().render_report(&mut out, &diagnostic).is_err() {
            out.clear();
        }
        // miette starts with the diagnostic's message line (`  × `); ours is empty: the
        // traceback writes its own header above the snippet.
        let body = out.split_once('\n').map_or("", |(_, rest)| rest);
        let mut text: String = body.trim_end_matches('\n').to_string();
        text.push('\n');
        if let Some(help) = &snippet.help {
            text.push_str(&self.help(help));
        }
        text
    }

    /// `  help: …` wrapped at the report width, continuation lines indented under the text.
    pub fn help(self, help: &Help) -> String {
        const FIRST: &str = "  help: ";
        const REST: &str = "        ";
        let width = REPORT_WIDTH - 2;
        let mut lines: Vec<String> = vec![String::new()];
        for word in help.text.split(' ').filter(|w| !w.is_empty()) {
            let last = lines.last_mut().expect("at least one line");
            if !last.is_empty() && FIRST.len() + last.len() + 1 + word.len() > width {
                lines.push(word.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        if let Some(fix) = &help.fix {
            let last = lines.last_mut().expect("at least one line");
            if FIRST.len() + last.len() + " — ".chars().count() + fix.chars().count() <= width {
                last.push_str(" — ");
                last.push_str(fix);
            } else {
                lines.push(fix.clone());
            }
        }
        let label = if self.color {
            "  \u{1b}[36mhelp:\u{1b}[0m "
        } else {
            FIRST
        };
        let mut out = String::new();
        for (i, line) in lines.iter().enumerate() {
            out.push_str(if i == 0 { label } else { REST });
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

/// A label at the very end of a line (a missing `:`) has no character to stand under:
/// the line is shown with a space added there. Returns the padded file, if needed, and
/// the labels moved to match.
fn pad_line_ends(
    source: &Rc<SourceFile>,
    labels: &[Label],
) -> (Option<Rc<SourceFile>>, Vec<Label>) {
    let text = &source.text;
    let labels: Vec<Label> = labels
        .iter()
        .map(|l| Label {
            span: visible(text, l.span),
            text: l.text.clone(),
        })
        .collect();
    let labels = &labels[..];
    let at_line_end = |l: &Label| {
        let i = l.span.start as usize;
        l.span.is_empty() && (i >= text.len() || text.as_bytes()[i] == b'\n')
    };
    let Some(pad) = labels
        .iter()
        .find(|l| at_line_end(l))
        .map(|l| (l.span.start as usize).min(text.len()))
    else {
        return (None, labels.to_vec());
    };
    let mut padded = text.clone();
    padded.insert(pad, ' ');
    let shift = |o: u32| if o as usize > pad { o + 1 } else { o };
    let moved = labels
        .iter()
        .map(|l| {
            let span = if at_line_end(l) && l.span.start as usize == pad {
                Span::new(pad, pad + 1)
            } else {
                Span {
                    start: shift(l.span.start),
                    end: shift(l.span.end),
                }
            };
            Label {
                span,
                text: l.text.clone(),
            }
        })
        .collect();
    (Some(SourceFile::new(source.name.clone(), padded)), moved)
}

struct SnippetDiagnostic<'a> {
    source: Lines<'a>,
    labels: &'a [Label],
}

impl fmt::Debug for SnippetDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("snippet")
    }
}

impl fmt::Display for SnippetDiagnostic<'_> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for SnippetDiagnostic<'_> {}

impl Diagnostic for SnippetDiagnostic<'_> {
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let text = &self.source.0.text;
        let labels = self.labels.iter().enumerate().map(move |(i, l)| {
            let span = visible(text, l.span);
            let at = SourceSpan::new((span.start as usize).into(), span.len());
            if i == 0 {
                LabeledSpan::new_primary_with_span(l.text.clone(), at)
            } else {
                LabeledSpan::new_with_span(l.text.clone(), at)
            }
        });
        Some(Box::new(labels))
    }
}

/// A span that can be drawn: inside the text, not ending in a newline.
fn visible(text: &str, span: Span) -> Span {
    let len = text.len();
    let start = (span.start as usize).min(len);
    let mut end = (span.end as usize).clamp(start, len);
    while end > start && text.as_bytes()[end - 1] == b'\n' {
        end -= 1;
    }
    Span::new(start, end)
}

/// A `SourceFile` as miette reads it: a span widened to the whole lines it touches.
struct Lines<'a>(&'a SourceFile);

impl SourceCode for Lines<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let file = self.0;
        let text = file.text.as_str();
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let first = file.line_of(start as u32).saturating_sub(before).max(1);
        let last_offset = if end > start { end - 1 } else { end };
        let last = (file.line_of(last_offset as u32) + after).min(file.line_count());
        let from = file.line_start(first);
        let to = file.line_start(last) + file.line_text(last).len();
        let to = to.max(from);
        let column = text.get(from..start).map_or(0, |s| s.chars().count());
        Ok(Box::new(MietteSpanContents::new(
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            first - 1,
            column,
            last - first + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, span: Span, label: Option<&str>, help: Option<Help>) -> String {
        let snippet = Snippet {
            source: SourceFile::new("t.py", text),
            labels: vec![Label {
                span,
                text: label.map(str::to_string),
            }],
            help,
        };
        Style { color: false }.render(&snippet)
    }

    fn span_of(text: &str, part: &str) -> Span {
        let at = text.find(part).expect("part is in the text");
        Span::new(at, at + part.len())
    }

    #[test]
    fn shows_the_whole_line_with_a_label_and_help() {
        let text = "xs = [1, 2]\nprint(next(xs))\n";
        let out = render(
            text,
            span_of(text, "next(xs)"),
            Some("not an iterator"),
            Some(Help::with_fix("call iter() first", "next(iter(xs))")),
        );
        assert_eq!(
            out,
            "   ╭────\n 2 │ print(next(xs))\n   ·       ────┬───\n   ·           ╰── not an iterator\n   ╰────\n  help: call iter() first — next(iter(xs))\n"
        );
    }

    /// miette pads underlines with a `format!` width, which panics past 65,535 columns.
    #[test]
    fn a_label_far_along_a_very_long_line_is_drawn_in_a_window() {
        let text = format!("x = 1 +{} +\n", " ".repeat(100_000));
        let at = text.rfind('+').unwrap();
        let out = render(&text, Span::new(at, at + 1), Some("invalid syntax"), None);
        assert!(
            out.contains(" 1 │ …") && out.contains("╰── invalid syntax"),
            "{out}"
        );
        assert!(out.lines().all(|line| line.chars().count() < 400), "{out}");
    }

    #[test]
    fn a_label_at_the_end_of_a_line_stands_after_its_last_character() {
        let text = "for i in x\n    pass\n";
        let out = render(text, Span::new(10, 10), Some("expected ':'"), None);
        assert!(
            out.contains(" 1 │ for i in x \n   ·           ┬\n"),
            "{out}"
        );
    }

    #[test]
    fn help_wraps_its_text_but_never_its_code() {
        let long = "word ".repeat(30);
        let help = Style { color: false }.help(&Help::with_fix(long.trim(), "for i in range(10):"));
        let lines: Vec<&str> = help.lines().collect();
        assert!(lines.iter().all(|l| l.chars().count() <= REPORT_WIDTH));
        assert!(lines[0].starts_with("  help: word word"));
        assert!(lines[1].ends_with("word — for i in range(10):"), "{help}");
        // When the code does not fit after the text, it gets a line of its own.
        let full = "x".repeat(88);
        let help =
            Style { color: false }.help(&Help::with_fix(full.as_str(), "for i in range(10):"));
        let lines: Vec<&str> = help.lines().collect();
        assert_eq!(
            lines,
            [
                format!("  help: {full}").as_str(),
                "        for i in range(10):"
            ]
        );
    }
}
