//! Trimming the ends: `strip`, `lstrip`, `rstrip`, `removeprefix`, `removesuffix`.
//!
//! Owns: which characters come off either end. Results borrow from the input; a result
//! as long as the input means "unchanged" (CPython then returns the same object).
//! Must not touch: anything in the middle of the string.

use super::unicode::is_space;

/// What `strip` removes: whitespace (`str.isspace`) when `chars` is `None`, otherwise any
/// character of `chars`.
fn strippable(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    }
}

/// `s.strip(chars)`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(strippable(chars))
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(strippable(chars))
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(strippable(chars))
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_python_whitespace() {
        // values from python3.11
        let s = "\x1c\u{3000} é x\u{a0}\u{85}\n";
        assert_eq!(strip(s, None), "é x");
        assert_eq!(lstrip(s, None), "é x\u{a0}\u{85}\n");
        assert_eq!(rstrip(s, None), "\x1c\u{3000} é x");
        assert_eq!(strip("\u{200b}a\u{200b}", None), "\u{200b}a\u{200b}");
        assert_eq!(strip("   ", None), "");
        assert_eq!(strip("", None), "");
    }

    #[test]
    fn strips_a_set_of_characters() {
        assert_eq!(strip("xyéxaéyx", Some("xyé")), "a");
        assert_eq!(lstrip("😀😀a😀", Some("😀")), "a😀");
        assert_eq!(rstrip("😀😀a😀", Some("😀")), "😀😀a");
        assert_eq!(strip("  a  ", Some("")), "  a  ");
        assert_eq!(strip("e\u{301}e", Some("\u{301}e")), "");
    }

    #[test]
    fn removes_prefix_and_suffix_once() {
        assert_eq!(removeprefix("ééa", "é"), "éa");
        assert_eq!(removeprefix("abc", ""), "abc");
        assert_eq!(removeprefix("ab", "abc"), "ab");
        assert_eq!(removesuffix("a😀😀", "😀"), "a😀");
        assert_eq!(removesuffix("abc", "abc"), "");
    }
}
