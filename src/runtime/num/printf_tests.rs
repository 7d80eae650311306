//! Tests of `printf.rs`: each row's expected text was printed by CPython 3.11 for the
//! same template and arguments (`template % args`).
#![allow(clippy::approx_constant)] // 3.14159 is test data, not an attempt at pi

use super::*;
use crate::runtime::exception::{Exc, ExcKind};
use crate::runtime::num::float_text::float_repr;
use crate::runtime::num::testdata::outcome;
use crate::runtime::num::unicode::quoted;
use num_bigint::BigInt;
use num_traits::Pow;

/// A host for tests: `Value::List` stands for the dict `{'a': 1, 'b': 2, '(a)': 7}`.
struct TestHost;

impl PrintfHost for TestHost {
    fn convert(&mut self, v: &Value, conversion: char) -> PyResult<String> {
        Ok(match v {
            Value::Str(s) if conversion == 's' => s.as_str().to_string(),
            Value::Str(s) if conversion == 'r' => quoted(s.as_str()),
            Value::Str(s) => {
                // ascii(): non-ASCII as \xNN (enough for these tests).
                let escaped: String = s
                    .as_str()
                    .chars()
                    .map(|c| {
                        if c.is_ascii() {
                            c.to_string()
                        } else {
                            format!("\\x{:02x}", c as u32)
                        }
                    })
                    .collect();
                format!("'{escaped}'")
            }
            Value::Float(f) => float_repr(*f),
            Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Value::List(_) => "{'a': 1, 'b': 2}".to_string(),
            other => match IntRef::of(other) {
                Some(i) => int_to_decimal(i)?,
                None => format!("{other:?}"),
            },
        })
    }

    fn get_item(&mut self, _mapping: &Value, key: &str) -> PyResult<Value> {
        match key {
            "a" => Ok(Value::Int(1)),
            "b" => Ok(Value::Int(2)),
            "(a)" => Ok(Value::Int(7)),
            other => Err(Exc::new(ExcKind::KeyError, format!("'{other}'"))),
        }
    }
}

fn i(n: i64) -> Value {
    Value::Int(n)
}
fn f(x: f64) -> Value {
    Value::Float(x)
}
fn s(text: &str) -> Value {
    Value::str(text)
}
fn t(items: Vec<Value>) -> Value {
    Value::tuple(items)
}
fn map() -> Value {
    Value::list(Vec::new())
}
fn ten_to(n: u32) -> Value {
    Value::from_bigint(Pow::pow(BigInt::from(10), n))
}
fn big30() -> Value {
    ten_to(30)
}
fn big400() -> Value {
    ten_to(400)
}
fn big4300() -> Value {
    ten_to(4300)
}
fn big64() -> Value {
    Value::from_bigint(BigInt::from(1) << 64usize)
}

#[test]
fn printf_matches_python() {
    let cases: Vec<(&str, Value, &str)> = vec![
        ("%d", f(3.7), "3"),
        ("%d", f(-3.7), "-3"),
        ("%d", s("x"), "!TypeError: %d format: a real number is required, not str"),
        ("%x", f(3.7), "!TypeError: %x format: an integer is required, not float"),
        ("%x", s("a"), "!TypeError: %x format: an integer is required, not str"),
        ("%c", i(65), "A"),
        ("%c", s("ab"), "!TypeError: %c requires int or char"),
        ("%c", s("a"), "a"),
        ("%c", f(1.5), "!TypeError: %c requires int or char"),
        ("%c", i(-1), "!OverflowError: %c arg not in range(0x110000)"),
        ("%c", i(0x110000), "!OverflowError: %c arg not in range(0x110000)"),
        ("%s %s", t(vec![i(1)]), "!TypeError: not enough arguments for format string"),
        ("%s", t(vec![i(1), i(2)]), "!TypeError: not all arguments converted during string formatting"),
        ("%s", t(vec![]), "!TypeError: not enough arguments for format string"),
        ("%d%%", i(5), "5%"),
        ("%5d|%-5d|%05d|%+d|% d", t(vec![i(1), i(2), i(3), i(4), i(5)]), "    1|2    |00003|+4| 5"),
        ("%.3d", i(5), "005"),
        ("%8.3d", i(-5), "    -005"),
        ("%-08.3d", i(5), "005     "),
        ("%#x %#X %#o", t(vec![i(255), i(255), i(8)]), "0xff 0XFF 0o10"),
        ("%#08x", i(255), "0x0000ff"),
        ("%08.3x", i(255), "000000ff"),
        ("%x", i(-255), "-ff"),
        ("%#x", i(-255), "-0xff"),
        ("%o", i(-8), "-10"),
        ("%#010X", i(-255), "-0X00000FF"),
        ("%.2f", f(2.675), "2.67"),
        ("%e", f(12345.678), "1.234568e+04"),
        ("%E", f(0.0001), "1.000000E-04"),
        ("%g", f(1e-5), "1e-05"),
        ("%G", f(1e20), "1E+20"),
        ("%#g", f(1.0), "1.00000"),
        ("%#.0f", f(1.0), "1."),
        ("%10.2f|", f(3.14159), "      3.14|"),
        ("%-10.2f|", f(3.14159), "3.14      |"),
        ("%+.1e", f(1.0), "+1.0e+00"),
        ("%f", f(f64::INFINITY), "inf"),
        ("%F", f(f64::NAN), "NAN"),
        ("%010f", f(f64::NEG_INFINITY), "-000000inf"),
        ("%f", big400(), "!OverflowError: int too large to convert to float"),
        ("%d", big30(), "1000000000000000000000000000000"),
        ("%x", big30(), "c9f2c9cd04674edea40000000"),
        ("%*d", t(vec![i(5), i(1)]), "    1"),
        ("%-*d", t(vec![i(5), i(1)]), "1    "),
        ("%*d", t(vec![i(-5), i(1)]), "1    "),
        ("%.*f", t(vec![i(2), f(1.2345)]), "1.23"),
        ("%.*f", t(vec![i(-2), f(1.2345)]), "1"),
        ("%*d", t(vec![s("x"), i(1)]), "!TypeError: * wants int"),
        ("%*.*f", t(vec![i(8), i(2), f(3.14159)]), "    3.14"),
        ("%(a)s %(b)d", map(), "1 2"),
        ("%(c)s", map(), "!KeyError: 'c'"),
        ("%(a)s %s", map(), "!TypeError: not enough arguments for format string"),
        ("%(a", map(), "!ValueError: incomplete format key"),
        ("%(a)*d", map(), "!TypeError: not enough arguments for format string"),
        ("%(a)", map(), "!ValueError: incomplete format"),
        ("%s %(a)s", map(), "{'a': 1, 'b': 2} 1"),
        ("%(a)%", map(), "!ValueError: unsupported format character '%' (0x25) at index 4"),
        ("%((a))s", map(), "7"),
        ("no args", map(), "no args"),
        ("%", t(vec![]), "!ValueError: incomplete format"),
        ("%z", i(1), "!ValueError: unsupported format character 'z' (0x7a) at index 1"),
        ("abc%", t(vec![]), "!ValueError: incomplete format"),
        ("%d", Value::None, "!TypeError: %d format: a real number is required, not NoneType"),
        ("%i %u", t(vec![i(1), i(2)]), "1 2"),
        ("%d", Value::Bool(true), "1"),
        ("%s", Value::Bool(true), "True"),
        ("%r", s("x"), "'x'"),
        ("%5s|%-5s|%.1s", t(vec![s("ab"), s("cd"), s("ef")]), "   ab|cd   |e"),
        ("%c", Value::Bool(true), "\u{1}"),
        ("%.0e", f(1.5), "2e+00"),
        ("%.0e", f(2.5), "2e+00"),
        ("%ld", i(5), "5"),
        ("%hd", i(5), "5"),
        ("%Lf", f(1.5), "1.500000"),
        ("%5%", t(vec![]), "!TypeError: not enough arguments for format string"),
        ("%5%", t(vec![i(1)]), "!ValueError: unsupported format character '%' (0x25) at index 2"),
        ("%-5%|", t(vec![Value::None]), "!ValueError: unsupported format character '%' (0x25) at index 3"),
        ("%d", f(1.5e300), "1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240"),
        ("%d", f(f64::INFINITY), "!OverflowError: cannot convert float infinity to integer"),
        ("%d", f(f64::NAN), "!ValueError: cannot convert float NaN to integer"),
        ("%x", Value::Bool(true), "1"),
        ("%.30f", f(1.0), "1.000000000000000000000000000000"),
        ("% x", i(255), " ff"),
        ("%+x", i(255), "+ff"),
        ("%+o", i(-8), "-10"),
        ("%#5o", i(0), "  0o0"),
        ("%#x", i(0), "0x0"),
        ("%e", big400(), "!OverflowError: int too large to convert to float"),
        ("%.2s", f(1.5), "1."),
        ("no args", t(vec![]), "no args"),
        ("no args", i(5), "!TypeError: not all arguments converted during string formatting"),
        ("no args", t(vec![i(5)]), "!TypeError: not all arguments converted during string formatting"),
        ("x", s("abc"), "!TypeError: not all arguments converted during string formatting"),
        ("%s", t(vec![s("a")]), "a"),
        ("%(x)s", t(vec![s("a")]), "!TypeError: format requires a mapping"),
        ("%f", s("x"), "!TypeError: must be real number, not str"),
        ("%f", Value::None, "!TypeError: must be real number, not NoneType"),
        ("%c", Value::None, "!TypeError: %c requires int or char"),
        ("%c", s("é"), "é"),
        ("%c", big30(), "!OverflowError: %c arg not in range(0x110000)"),
        ("%#.3g", f(1.0), "1.00"),
        ("%-#10x|", i(255), "0xff      |"),
        ("%0-10d|", i(5), "5         |"),
        ("%03c", s("a"), "  a"),
        ("%-3c|", s("a"), "a  |"),
        ("%.3c", s("a"), "a"),
        ("%s %s %s", t(vec![i(1), i(2)]), "!TypeError: not enough arguments for format string"),
        ("%*s", t(vec![i(1)]), "!TypeError: not enough arguments for format string"),
        ("%", t(vec![i(1)]), "!ValueError: incomplete format"),
        ("%(a)s", i(5), "!TypeError: format requires a mapping"),
        ("%*d", t(vec![big64(), i(1)]), "!OverflowError: Python int too large to convert to C ssize_t"),
        ("%.*d", t(vec![big64(), i(1)]), "!OverflowError: Python int too large to convert to C int"),
        ("%ñ", i(1), "!ValueError: unsupported format character '?' (0xf1) at index 1"),
        ("%\u{1f}", i(1), "!ValueError: unsupported format character '\u{1f}' (0x1f) at index 1"),
        ("%~", i(1), "!ValueError: unsupported format character '~' (0x7e) at index 1"),
        ("%-", i(1), "!ValueError: incomplete format"),
        ("%.", i(1), "!ValueError: incomplete format"),
        ("%*", t(vec![i(1)]), "!ValueError: incomplete format"),
        ("%5.", i(1), "!ValueError: incomplete format"),
        ("%.5", i(1), "!ValueError: incomplete format"),
        ("%l", i(1), "!ValueError: incomplete format"),
        ("%99999999999999999999d", i(1), "!ValueError: width too big"),
        ("%.99999999999999999999f", f(1.0), "!ValueError: precision too big"),
        ("%.2147483648f", f(1.0), "!ValueError: precision too big"),
        ("%s", big4300(), "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"),
        ("%x", Value::Bool(false), "0"),
        ("%+5d|%+5d|% 05d|%+05.1f", t(vec![i(3), i(-3), i(3), f(-2.25)]), "   +3|   -3| 0003|-02.2"),
        ("%-+8.2e|", f(12345.6789), "+1.23e+04|"),
        ("%#o", i(0o17), "0o17"),
        ("%#X", i(0), "0X0"),
        ("%5c|", s("x"), "    x|"),
        ("%s and %r", t(vec![s("é"), s("é")]), "é and 'é'"),
        ("%a", s("é"), "'\\xe9'"),
        ("%(a)s%(b)s%(a)d", map(), "121"),
    ];
    let mut failures = Vec::new();
    for (template, args, want) in cases {
        let got = outcome(printf_format(template, &args, &mut TestHost));
        if got != want {
            failures.push(format!(
                "{template:?} % {args:?}: got {got:?}, want {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
