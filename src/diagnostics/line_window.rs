//! Over-long source lines cut down to a window around their labels before a snippet is
//! drawn.
//!
//! A report is REPORT_WIDTH columns wide, so a line of thousands of characters (a
//! generated expression, minified data) helps no one in full, and miette cannot draw an
//! underline more than 65,535 columns in (its padding is a `format!` width).
//!
//! Owns: choosing the shown part of a long line and moving label spans to match.
//! Must not touch: how snippets are drawn (that is `snippet.rs`).

use super::snippet::Label;
use crate::syntax::span::{SourceFile, Span};
use std::rc::Rc;

/// Lines longer than this many bytes are shown as a window around their labels.
pub const MAX_SHOWN_LINE: usize = 240;
/// Bytes kept before the first label and after the last one on a clipped line.
const CONTEXT: usize = 60;
/// Stands for the cut-off part of a line.
const ELLIPSIS: &str = "…";

/// One long line and the part of it that is kept (byte offsets in the original text).
struct Cut {
    line_start: usize,
    keep_start: usize,
    keep_end: usize,
    line_end: usize,
}

impl Cut {
    fn head(&self) -> &'static str {
        if self.keep_start > self.line_start {
            ELLIPSIS
        } else {
            ""
        }
    }

    fn tail(&self) -> &'static str {
        if self.keep_end < self.line_end {
            ELLIPSIS
        } else {
            ""
        }
    }

    /// Bytes the clipped line is shorter than the original (may be negative when an
    /// ellipsis replaces less than its own length).
    fn shrink(&self) -> isize {
        let old = self.line_end - self.line_start;
        let new = self.head().len() + (self.keep_end - self.keep_start) + self.tail().len();
        old as isize - new as isize
    }
}

/// The file with every long line that a label touches cut to a window around the
/// labels, and the labels moved to match; `None` when no line needed cutting.
pub fn clip_long_lines(
    source: &Rc<SourceFile>,
    labels: &[Label],
) -> (Option<Rc<SourceFile>>, Vec<Label>) {
    let cuts = cuts_for(source, labels);
    if cuts.is_empty() {
        return (None, labels.to_vec());
    }
    let text = &source.text;
    let mut clipped = String::with_capacity(text.len().min(cuts.len() * 2 * MAX_SHOWN_LINE));
    let mut copied = 0;
    for cut in &cuts {
        clipped.push_str(&text[copied..cut.line_start]);
        clipped.push_str(cut.head());
        clipped.push_str(&text[cut.keep_start..cut.keep_end]);
        clipped.push_str(cut.tail());
        copied = cut.line_end;
    }
    clipped.push_str(&text[copied..]);
    let moved = labels
        .iter()
        .map(|l| Label {
            span: Span::new(
                moved_offset(&cuts, l.span.start),
                moved_offset(&cuts, l.span.end),
            ),
            text: l.text.clone(),
        })
        .collect();
    (Some(SourceFile::new(source.name.clone(), clipped)), moved)
}

/// The long lines the labels touch, in file order, each with the window to keep.
fn cuts_for(source: &SourceFile, labels: &[Label]) -> Vec<Cut> {
    let text = &source.text;
    let mut lines: Vec<usize> = labels
        .iter()
        .flat_map(|l| [l.span.start, l.span.end])
        .map(|o| source.line_of(o.min(text.len() as u32)))
        .filter(|&line| source.line_text(line).len() > MAX_SHOWN_LINE)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
        .into_iter()
        .map(|line| {
            let line_start = source.line_start(line);
            let line_end = line_start + source.line_text(line).len();
            let offsets = labels
                .iter()
                .flat_map(|l| [l.span.start as usize, l.span.end as usize])
                .filter(|o| (line_start..=line_end).contains(o));
            let (low, high) =
                offsets.fold((line_end, line_start), |(lo, hi), o| (lo.min(o), hi.max(o)));
            let keep_start = low.saturating_sub(CONTEXT).max(line_start);
            let keep_end = (high + CONTEXT)
                .min(line_end)
                .min(keep_start + MAX_SHOWN_LINE);
            Cut {
                line_start,
                keep_start: char_boundary_at_or_before(text, keep_start),
                keep_end: char_boundary_at_or_after(text, keep_end),
                line_end,
            }
        })
        .collect()
}

/// Where a byte offset of the original text lands in the clipped text; an offset in a
/// cut-off part lands on the edge of the kept window.
fn moved_offset(cuts: &[Cut], offset: u32) -> usize {
    let offset = offset as usize;
    let mut shift: isize = 0;
    for cut in cuts {
        if offset < cut.line_start {
            break;
        }
        if offset <= cut.line_end {
            let inside = offset.clamp(cut.keep_start, cut.keep_end) - cut.keep_start;
            let new_line_start = cut.line_start as isize - shift;
            let at = new_line_start + (cut.head().len() + inside) as isize;
            return at.max(0) as usize;
        }
        shift += cut.shrink();
    }
    (offset as isize - shift).max(0) as usize
}

fn char_boundary_at_or_before(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn char_boundary_at_or_after(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(start: usize, end: usize) -> Label {
        Label {
            span: Span::new(start, end),
            text: None,
        }
    }

    #[test]
    fn short_lines_are_left_alone() {
        let source = SourceFile::new("t.py", "x = 1\n");
        let (clipped, labels) = clip_long_lines(&source, &[label(4, 5)]);
        assert!(clipped.is_none());
        assert_eq!(labels[0].span, Span::new(4, 5));
    }

    #[test]
    fn a_long_line_keeps_a_window_around_its_label_and_later_lines_move_up() {
        let long = format!("x = {}+\n", "-".repeat(100_000));
        let text = format!("{long}y = ?\n");
        let at = long.find('+').unwrap();
        let source = SourceFile::new("t.py", text.as_str());
        let (clipped, labels) = clip_long_lines(
            &source,
            &[label(at, at + 1), label(long.len() + 4, long.len() + 5)],
        );
        let clipped = clipped.expect("the line is cut");
        let first = clipped.line_text(1);
        assert!(
            first.starts_with(ELLIPSIS) && first.ends_with('+'),
            "{first}"
        );
        assert!(first.len() < MAX_SHOWN_LINE);
        let [plus, question] = [&labels[0], &labels[1]]
            .map(|l| &clipped.text[l.span.start as usize..l.span.end as usize]);
        assert_eq!((plus, question), ("+", "?"));
    }

    #[test]
    fn a_window_never_splits_a_character() {
        let text = format!("s = '{}' +\n", "é".repeat(5_000));
        let at = text.find('+').unwrap();
        let source = SourceFile::new("t.py", text.as_str());
        let (clipped, labels) = clip_long_lines(&source, &[label(at, at + 1)]);
        let clipped = clipped.expect("the line is cut");
        let span = labels[0].span;
        assert_eq!(&clipped.text[span.start as usize..span.end as usize], "+");
    }
}
