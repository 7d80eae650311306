//! Tests of `format_template` through a fake `FormatArgs` whose values are a small enum,
//! with expected results printed by python3.11 for the same templates and arguments.
//!
//! Owns: nothing but tests. Must not touch: the engine's internals.

use super::*;
use crate::runtime::exception::type_error;
use crate::runtime::text::{ascii_str, center, ljust, repr_str, rjust};

#[derive(Debug, Clone, PartialEq)]
enum Fake {
    Int(i64),
    Text(String),
    List(Vec<Fake>),
    /// An object with attributes `x` and `y`, of class `P`.
    Point(i64, i64),
    Map(Vec<(String, Fake)>),
}

use Fake::{Int, List, Map, Point, Text};

fn text(s: &str) -> Fake {
    Text(s.to_string())
}

impl Fake {
    fn display(&self) -> String {
        match self {
            Int(i) => i.to_string(),
            Text(s) => s.clone(),
            other => format!("{other:?}"),
        }
    }
}

/// Arguments of one call, recording every operation the engine asks for.
struct Call {
    args: Vec<Fake>,
    kwargs: Vec<(&'static str, Fake)>,
    format_map: bool,
    log: Vec<String>,
}

fn call(args: Vec<Fake>) -> Call {
    Call {
        args,
        kwargs: Vec::new(),
        format_map: false,
        log: Vec::new(),
    }
}

fn key_error<T>(key: &str) -> PyResult<T> {
    Err(Exc::new(ExcKind::KeyError, key))
}

impl FormatArgs for Call {
    type Value = Fake;

    fn positional(&mut self, index: usize) -> Option<Fake> {
        self.log.push(format!("arg {index}"));
        self.args.get(index).cloned()
    }

    fn takes_positional(&self) -> bool {
        !self.format_map
    }

    fn keyword(&mut self, name: &str) -> PyResult<Fake> {
        self.log.push(format!("kwarg {name}"));
        match self.kwargs.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => Ok(v.clone()),
            None => key_error(name),
        }
    }

    fn attribute(&mut self, value: &Fake, name: &str) -> PyResult<Fake> {
        self.log.push(format!("getattr {name}"));
        match (value, name) {
            (Point(x, _), "x") => Ok(Int(*x)),
            (Point(_, y), "y") => Ok(Int(*y)),
            _ => Err(Exc::new(
                ExcKind::AttributeError,
                format!("'P' object has no attribute '{name}'"),
            )),
        }
    }

    fn item(&mut self, value: &Fake, key: FieldKey<'_>) -> PyResult<Fake> {
        self.log.push(format!("getitem {key:?}"));
        match (value, key) {
            (List(items), FieldKey::Index(i)) => items
                .get(i)
                .cloned()
                .ok_or_else(|| Exc::new(ExcKind::IndexError, "list index out of range")),
            (List(_), FieldKey::Name(_)) => {
                type_error("list indices must be integers or slices, not str")
            }
            (Map(entries), FieldKey::Name(k)) => match entries.iter().find(|(e, _)| e == k) {
                Some((_, v)) => Ok(v.clone()),
                None => key_error(k),
            },
            _ => type_error("not subscriptable"),
        }
    }

    fn convert(&mut self, value: Fake, conversion: Conversion) -> PyResult<Fake> {
        self.log.push(format!("convert {conversion:?}"));
        Ok(Text(match (conversion, &value) {
            (Conversion::Str, v) => v.display(),
            (Conversion::Repr, Text(s)) => repr_str(s),
            (Conversion::Ascii, Text(s)) => ascii_str(s),
            (_, v) => v.display(),
        }))
    }

    /// Understands `[fill]align width` specs only, enough to show nested fields.
    fn format(&mut self, value: &Fake, spec: &str) -> PyResult<String> {
        self.log.push(format!("format {spec:?}"));
        let shown = value.display();
        if spec.is_empty() {
            return Ok(shown);
        }
        let chars: Vec<char> = spec.chars().collect();
        let (fill, rest) = match chars.as_slice() {
            [f, a, ..] if "<>^".contains(*a) => (f.to_string(), &spec[f.len_utf8()..]),
            _ => (" ".to_string(), spec),
        };
        let width: i64 = rest.get(1..).and_then(|w| w.parse().ok()).unwrap_or(-1);
        match rest.chars().next() {
            Some('<') => ljust(&shown, width, Some(&fill)),
            Some('>') => rjust(&shown, width, Some(&fill)),
            Some('^') => center(&shown, width, Some(&fill)),
            _ => value_error("Invalid format specifier"),
        }
    }
}

fn run(template: &str, c: &mut Call) -> Result<String, String> {
    format_template(template, c).map_err(|e| crate::runtime::text::error_line(&e))
}

fn ok(template: &str, args: Vec<Fake>) -> String {
    run(template, &mut call(args)).unwrap()
}

fn err(template: &str, args: Vec<Fake>) -> String {
    run(template, &mut call(args)).unwrap_err()
}

#[test]
fn substitutes_fields() {
    // template.format(*args) in python3.11
    assert_eq!(ok("{} and {}", vec![Int(1), text("x")]), "1 and x");
    assert_eq!(ok("{1}{0}{1}", vec![text("a"), text("b")]), "bab");
    assert_eq!(ok("a{{{0}}}b", vec![Int(1)]), "a{1}b");
    assert_eq!(ok("{0.x},{0.y}", vec![Point(1, 2)]), "1,2");
    assert_eq!(ok("{.x}", vec![Point(1, 2)]), "1");
    assert_eq!(ok("{0[1]}", vec![List(vec![Int(10), Int(20)])]), "20");
    assert_eq!(
        ok(
            "{[0]}{[1]}",
            vec![List(vec![Int(1), Int(2)]), List(vec![Int(3), Int(4)])]
        ),
        "14"
    );
    let map = Map(vec![("}".into(), Int(5)), ("a.b".into(), Int(7))]);
    assert_eq!(ok("{0[}]}", vec![map.clone()]), "5");
    assert_eq!(ok("{0[a.b]}", vec![map]), "7");
    // Any script's decimal digits number a field: '{٠}'.format('zero')
    assert_eq!(ok("{٠}", vec![text("zero")]), "zero");
    assert_eq!(ok("{0!s:}", vec![Int(3)]), "3");
    assert_eq!(ok("", vec![]), "");
}

#[test]
fn keywords() {
    let mut c = call(vec![]);
    c.kwargs = vec![
        ("name", text("é")),
        (" ", Int(1)),
        ("m", Map(vec![("key".into(), text("v"))])),
    ];
    assert_eq!(run("{name}!{ }{m[key]}", &mut c).unwrap(), "é!1v");
    // '{0x}' and '{-1}' are keyword fields, not numbers.
    let missing = run("{0x}", &mut c).unwrap_err();
    assert_eq!(missing, "KeyError: 0x");
    assert!(run("{missing}", &mut c).unwrap_err().contains("KeyError"));
}

#[test]
fn conversions_and_nested_specs() {
    assert_eq!(ok("{!r:>6}", vec![text("é")]), "   'é'");
    assert_eq!(ok("{!a}", vec![text("é")]), "'\\xe9'");
    assert_eq!(ok("{:{}{}}", vec![text("ab"), text(">"), Int(4)]), "  ab");
    assert_eq!(ok("{:{}}", vec![text("é"), text("😀^5")]), "😀😀é😀😀");
    assert_eq!(ok("{0:{1}}", vec![Int(7), text(">3")]), "  7");
}

#[test]
fn errors_are_cpythons() {
    // (template, args, the error python3.11 raises)
    let cases: Vec<(&str, Vec<Fake>, &str)> = vec![
        (
            "{2}",
            vec![Int(1), Int(2)],
            "IndexError: Replacement index 2 out of range for positional args tuple",
        ),
        (
            "{} {1}",
            vec![Int(1), Int(2)],
            "cannot switch from automatic field numbering to manual field specification",
        ),
        (
            "{1} {}",
            vec![Int(1), Int(2)],
            "cannot switch from manual field specification to automatic field numbering",
        ),
        (
            "{:{:{}}}",
            vec![Int(1), Int(2), Int(3)],
            "Max string recursion exceeded",
        ),
        ("{0!x}", vec![Int(1)], "Unknown conversion specifier x"),
        ("{0!é}", vec![Int(1)], "Unknown conversion specifier \\xe9"),
        (
            "{0!\u{1}}",
            vec![Int(1)],
            "Unknown conversion specifier \\x1",
        ),
        ("{0!}}", vec![Int(1)], "Unknown conversion specifier }"),
        ("{0!x}", vec![], "IndexError"),
        ("{0.}", vec![Int(1)], "Empty attribute in format string"),
        ("{0[]}", vec![Int(1)], "Empty attribute in format string"),
        (
            "{0[0]x}",
            vec![List(vec![Int(1)])],
            "Only '.' or '[' may follow ']' in format field specifier",
        ),
        (
            "{99999999999999999999}",
            vec![Int(1)],
            "Too many decimal digits in format string",
        ),
        (
            "{0[99999999999999999999]}",
            vec![Int(1)],
            "Too many decimal digits in format string",
        ),
        (
            "{0[-1]}",
            vec![List(vec![Int(1)])],
            "list indices must be integers or slices, not str",
        ),
        (
            "{0[5]}",
            vec![List(vec![Int(1)])],
            "list index out of range",
        ),
        (
            "{0.z}",
            vec![Point(1, 2)],
            "'P' object has no attribute 'z'",
        ),
        (
            "{0.x[}",
            vec![Point(1, 2)],
            "expected '}' before end of string",
        ),
        ("{0", vec![Int(1)], "expected '}' before end of string"),
        ("}", vec![], "Single '}' encountered in format string"),
    ];
    for (template, args, message) in cases {
        let e = err(template, args);
        assert!(e.contains(message), "{template:?}: got {e}, want {message}");
    }
}

#[test]
fn format_map_has_no_positional_fields() {
    let mut c = call(vec![Int(1)]);
    c.format_map = true;
    c.kwargs = vec![("x", Int(1)), ("0", Int(2))];
    assert_eq!(run("{x}", &mut c).unwrap(), "1");
    // '{x}{}'.format_map({'x': 1}) and '{0}'.format_map({'0': 1})
    for template in ["{x}{}", "{0}"] {
        let e = run(template, &mut c).unwrap_err();
        assert!(
            e.contains("Format string contains positional fields"),
            "{e}"
        );
    }
}

#[test]
fn evaluates_in_cpythons_order() {
    // The argument is looked up before its conversion is checked, and earlier fields are
    // formatted before a later syntax error is found.
    let mut c = call(vec![Point(1, 2), Int(5)]);
    assert!(run("{0.x!r:>{1}}", &mut c).is_ok());
    assert_eq!(
        c.log,
        [
            "arg 0",
            "getattr x",
            "convert Repr",
            "arg 1",
            "format \"\"",
            "format \">5\""
        ]
    );
    let mut c = call(vec![Int(1)]);
    assert!(run("{0} {", &mut c).unwrap_err().contains("Single '{'"));
    assert_eq!(c.log, ["arg 0", "format \"\""]);
    let mut c = call(vec![Int(1)]);
    assert!(run("{0!q}", &mut c)
        .unwrap_err()
        .contains("Unknown conversion"));
    assert_eq!(c.log, ["arg 0"]);
}
