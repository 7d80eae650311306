//! A differential test against python3: every str function that works character by
//! character is run on each code point of planes 0-3 and 14-16 and compared with what
//! CPython 3.11 answers. Skipped, saying so, where python3 3.11 is absent.
//!
//! Owns: nothing but this test. Must not touch: the functions under test.

use super::{
    ascii_str, casefold, isalnum, isalpha, isdecimal, isdigit, isidentifier, islower, isnumeric,
    isprintable, isspace, istitle, isupper, lower, repr_str, split, splitlines, strip, swapcase,
    title, upper,
};
use std::process::Command;

/// Prints one line per code point; `describe` below prints the same from our functions.
const SCRIPT: &str = r#"
import sys
if sys.version_info[:2] != (3, 11):
    print("skip: not CPython 3.11")
    sys.exit(0)
def hexes(s):
    return ",".join("%x" % ord(ch) for ch in s)
def flags(*bs):
    return "".join("1" if b else "0" for b in bs)
cps = [*range(0, 0x40000), *range(0xE0000, 0xE1000), *range(0xF0000, 0xF0010), *range(0x10FFF0, 0x110000)]
out = []
for cp in cps:
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    out.append(" ".join([
        "%x" % cp,
        flags(c.isalnum(), c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
              c.islower(), c.isupper(), c.istitle(), c.isidentifier(), ("a" + c).isidentifier(),
              c.isprintable(), len(("x" + c + "x").split()) == 2, len(("x" + c + "x").splitlines()) == 2,
              c.strip() == ""),
        hexes(c.upper()), hexes(c.lower()), hexes(c.title()), hexes(c.casefold()), hexes(c.swapcase()),
        hexes(("A" + c + "\u03a3").lower()), hexes((c + "\u03a3").lower()), hexes((c + "a").title()),
        hexes(repr(c)), hexes(ascii(c)),
    ]))
print("\n".join(out))
"#;

fn hexes(s: &str) -> String {
    s.chars()
        .map(|c| format!("{:x}", c as u32))
        .collect::<Vec<_>>()
        .join(",")
}

fn describe(cp: u32, c: char) -> String {
    let s = c.to_string();
    let flag = |b: bool| if b { '1' } else { '0' };
    let flags: String = [
        isalnum(&s),
        isalpha(&s),
        isdecimal(&s),
        isdigit(&s),
        isnumeric(&s),
        isspace(&s),
        islower(&s),
        isupper(&s),
        istitle(&s),
        isidentifier(&s),
        isidentifier(&format!("a{c}")),
        isprintable(&s),
        split(&format!("x{c}x"), None, -1).is_ok_and(|v| v.len() == 2),
        splitlines(&format!("x{c}x"), false).len() == 2,
        strip(&s, None).is_empty(),
    ]
    .into_iter()
    .map(flag)
    .collect();
    [
        format!("{cp:x}"),
        flags,
        hexes(&upper(&s)),
        hexes(&lower(&s)),
        hexes(&title(&s)),
        hexes(&casefold(&s)),
        hexes(&swapcase(&s)),
        hexes(&lower(&format!("A{c}\u{3a3}"))),
        hexes(&lower(&format!("{c}\u{3a3}"))),
        hexes(&title(&format!("{c}a"))),
        hexes(&repr_str(&s)),
        hexes(&ascii_str(&s)),
    ]
    .join(" ")
}

#[test]
fn every_code_point_matches_python() {
    let output = match Command::new("python3").arg("-c").arg(SCRIPT).output() {
        Ok(o) if o.status.success() => o,
        _ => {
            eprintln!("skipped: python3 is not available");
            return;
        }
    };
    let expected = String::from_utf8_lossy(&output.stdout);
    if expected.starts_with("skip") {
        eprintln!("skipped: python3 is not CPython 3.11");
        return;
    }
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for line in expected.lines() {
        let cp = line
            .split(' ')
            .next()
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        let Some((cp, c)) = cp.and_then(|cp| Some((cp, char::from_u32(cp)?))) else {
            mismatches.push(format!("unreadable line {line:?}"));
            continue;
        };
        let ours = describe(cp, c);
        if ours != line && mismatches.len() < 20 {
            mismatches.push(format!("python {line}\n  ours {ours}"));
        }
        checked += 1;
    }
    assert!(checked > 250_000, "python3 printed only {checked} lines");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
