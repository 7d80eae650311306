//! Methods of `str`, as Python sees them.
//!
//! Owns: converting Python arguments to Rust ones with CPython's messages, and wrapping
//! results; the text algorithms themselves live in `runtime/text/`. `join` and `format`
//! iterate or format Python values, so their glue is larger.
//! Must not touch: string operators (`sequence_ops.rs`), the algorithms (`runtime/text`).

use super::{arg_count, builtin_method, no_args, no_keywords, only_keywords, receiver};
use crate::interp::Interp;
use crate::runtime::exception::{type_error, Exc, ExcKind, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::str::PyStr;
use crate::runtime::symbol::Symbol;
use crate::runtime::text::{self, Conversion, FieldKey, FormatArgs};
use crate::runtime::value::Value;
use smallvec::SmallVec;

/// Declares a method taking no arguments that maps the text to a new string.
macro_rules! text_to_text {
    ($id:ident, $name:literal, $f:path) => {
        builtin_method!($id, concat!("str.", $name), concat!($name, "()"), {
            fn call(_: &mut Interp, args: Args) -> PyResult<Value> {
                let (s, rest) = this(&args, $name)?;
                no_args(rest, &args, concat!("str.", $name))?;
                Ok(Value::string($f(s.as_str())))
            }
            call
        });
    };
}

/// Declares a predicate method (`isdigit` …).
macro_rules! text_predicate {
    ($id:ident, $name:literal, $f:path) => {
        builtin_method!($id, concat!("str.", $name), concat!($name, "()"), {
            fn call(_: &mut Interp, args: Args) -> PyResult<Value> {
                let (s, rest) = this(&args, $name)?;
                no_args(rest, &args, concat!("str.", $name))?;
                Ok(Value::Bool($f(s.as_str())))
            }
            call
        });
    };
}

text_to_text!(UPPER, "upper", text::upper);
text_to_text!(LOWER, "lower", text::lower);
text_to_text!(CASEFOLD, "casefold", text::casefold);
text_to_text!(CAPITALIZE, "capitalize", text::capitalize);
text_to_text!(TITLE, "title", text::title);
text_to_text!(SWAPCASE, "swapcase", text::swapcase);
text_predicate!(ISALNUM, "isalnum", text::isalnum);
text_predicate!(ISALPHA, "isalpha", text::isalpha);
text_predicate!(ISASCII, "isascii", text::isascii);
text_predicate!(ISDECIMAL, "isdecimal", text::isdecimal);
text_predicate!(ISDIGIT, "isdigit", text::isdigit);
text_predicate!(ISIDENTIFIER, "isidentifier", text::isidentifier);
text_predicate!(ISLOWER, "islower", text::islower);
text_predicate!(ISNUMERIC, "isnumeric", text::isnumeric);
text_predicate!(ISPRINTABLE, "isprintable", text::isprintable);
text_predicate!(ISSPACE, "isspace", text::isspace);
text_predicate!(ISTITLE, "istitle", text::istitle);
text_predicate!(ISUPPER, "isupper", text::isupper);
builtin_method!(SPLIT, "str.split", "split(sep=None, maxsplit=-1)", split);
builtin_method!(
    RSPLIT,
    "str.rsplit",
    "rsplit(sep=None, maxsplit=-1)",
    rsplit
);
builtin_method!(
    SPLITLINES,
    "str.splitlines",
    "splitlines(keepends=False)",
    splitlines
);
builtin_method!(STRIP, "str.strip", "strip(chars=None, /)", strip);
builtin_method!(LSTRIP, "str.lstrip", "lstrip(chars=None, /)", lstrip);
builtin_method!(RSTRIP, "str.rstrip", "rstrip(chars=None, /)", rstrip);
builtin_method!(
    REMOVEPREFIX,
    "str.removeprefix",
    "removeprefix(prefix, /)",
    removeprefix
);
builtin_method!(
    REMOVESUFFIX,
    "str.removesuffix",
    "removesuffix(suffix, /)",
    removesuffix
);
builtin_method!(
    REPLACE,
    "str.replace",
    "replace(old, new, count=-1, /)",
    replace
);
builtin_method!(FIND, "str.find", "find(sub[, start[, end]])", find);
builtin_method!(RFIND, "str.rfind", "rfind(sub[, start[, end]])", rfind);
builtin_method!(INDEX, "str.index", "index(sub[, start[, end]])", index);
builtin_method!(RINDEX, "str.rindex", "rindex(sub[, start[, end]])", rindex);
builtin_method!(COUNT, "str.count", "count(sub[, start[, end]])", count);
builtin_method!(
    STARTSWITH,
    "str.startswith",
    "startswith(prefix[, start[, end]])",
    startswith
);
builtin_method!(
    ENDSWITH,
    "str.endswith",
    "endswith(suffix[, start[, end]])",
    endswith
);
builtin_method!(
    CENTER,
    "str.center",
    "center(width, fillchar=' ', /)",
    center
);
builtin_method!(LJUST, "str.ljust", "ljust(width, fillchar=' ', /)", ljust);
builtin_method!(RJUST, "str.rjust", "rjust(width, fillchar=' ', /)", rjust);
builtin_method!(ZFILL, "str.zfill", "zfill(width, /)", zfill);
builtin_method!(
    EXPANDTABS,
    "str.expandtabs",
    "expandtabs(tabsize=8)",
    expandtabs
);
builtin_method!(PARTITION, "str.partition", "partition(sep, /)", partition);
builtin_method!(
    RPARTITION,
    "str.rpartition",
    "rpartition(sep, /)",
    rpartition
);
builtin_method!(JOIN, "str.join", "join(iterable, /)", join);
builtin_method!(FORMAT, "str.format", "format(*args, **kwargs)", format);
builtin_method!(
    FORMAT_MAP,
    "str.format_map",
    "format_map(mapping, /)",
    format_map
);
builtin_method!(LEN, "str.__len__", "__len__()", dunder_len);
builtin_method!(
    GETITEM,
    "str.__getitem__",
    "__getitem__(index)",
    dunder_getitem
);
builtin_method!(
    CONTAINS,
    "str.__contains__",
    "__contains__(sub)",
    dunder_contains
);
builtin_method!(ITER, "str.__iter__", "__iter__()", dunder_iter);

pub static METHODS: &[&NativeFunction] = &[
    &UPPER,
    &LOWER,
    &CASEFOLD,
    &CAPITALIZE,
    &TITLE,
    &SWAPCASE,
    &ISALNUM,
    &ISALPHA,
    &ISASCII,
    &ISDECIMAL,
    &ISDIGIT,
    &ISIDENTIFIER,
    &ISLOWER,
    &ISNUMERIC,
    &ISPRINTABLE,
    &ISSPACE,
    &ISTITLE,
    &ISUPPER,
    &SPLIT,
    &RSPLIT,
    &SPLITLINES,
    &STRIP,
    &LSTRIP,
    &RSTRIP,
    &REMOVEPREFIX,
    &REMOVESUFFIX,
    &REPLACE,
    &FIND,
    &RFIND,
    &INDEX,
    &RINDEX,
    &COUNT,
    &STARTSWITH,
    &ENDSWITH,
    &CENTER,
    &LJUST,
    &RJUST,
    &ZFILL,
    &EXPANDTABS,
    &PARTITION,
    &RPARTITION,
    &JOIN,
    &FORMAT,
    &FORMAT_MAP,
    &LEN,
    &GETITEM,
    &CONTAINS,
    &ITER,
];

pub fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<(&'a PyStr, &'a [Value])> {
    match receiver(args) {
        (Value::Str(s), rest) => Ok((s, rest)),
        (other, _) => type_error(format!(
            "descriptor '{method}' for 'str' objects doesn't apply to a '{}' object",
            other.type_name()
        )),
    }
}

/// A `str` argument; `message` builds the TypeError for anything else.
fn text_arg(v: &Value, message: impl FnOnce(&Value) -> String) -> PyResult<&str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => type_error(message(other)),
    }
}

fn must_be_str(v: &Value) -> String {
    format!("must be str, not {}", v.type_name())
}

/// An int argument (`__index__` allowed): `'str' object cannot be interpreted as an integer`.
fn int_param(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match interp.to_index(v)? {
        Some(i) => Ok(i),
        None => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )),
    }
}

/// An optional slice bound (`start`/`end`): None, or an int.
fn bound(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match interp.to_index(v)? {
            Some(i) => Ok(Some(i)),
            None => {
                type_error("slice indices must be integers or None or have an __index__ method")
            }
        },
    }
}

fn strings(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str_piece).collect())
}

/// `split`/`rsplit` arguments: `sep=None, maxsplit=-1`, positional or keyword.
fn split_args<'a>(
    interp: &mut Interp,
    args: &Args<'a>,
    rest: &'a [Value],
    name: &str,
) -> PyResult<(Option<&'a str>, i64)> {
    only_keywords(args, &["sep", "maxsplit"], name)?;
    if rest.len() > 2 {
        return type_error(format!(
            "{name}() takes at most 2 arguments ({} given)",
            rest.len()
        ));
    }
    let sep = match rest.first().or(args.kwarg_named("sep")) {
        None | Some(Value::None) => None,
        Some(v) => Some(text_arg(v, |v| {
            format!("must be str or None, not {}", v.type_name())
        })?),
    };
    let maxsplit = match rest.get(1).or(args.kwarg_named("maxsplit")) {
        None => -1,
        Some(v) => int_param(interp, v)?,
    };
    Ok((sep, maxsplit))
}

fn split(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "split")?;
    let (sep, maxsplit) = split_args(interp, &args, rest, "split")?;
    Ok(strings(text::split(s.as_str(), sep, maxsplit)?))
}

fn rsplit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "rsplit")?;
    let (sep, maxsplit) = split_args(interp, &args, rest, "rsplit")?;
    Ok(strings(text::rsplit(s.as_str(), sep, maxsplit)?))
}

fn splitlines(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "splitlines")?;
    only_keywords(&args, &["keepends"], "splitlines")?;
    arg_count(rest, "splitlines", 0, 1)?;
    let keepends = match rest.first().or(args.kwarg_named("keepends")) {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    Ok(strings(text::splitlines(s.as_str(), keepends)))
}

fn strip_with(
    args: &Args,
    name: &str,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Value> {
    let (s, rest) = this(args, name)?;
    no_keywords(args, name)?;
    arg_count(rest, name, 0, 1)?;
    let chars = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(text_arg(v, |_| format!("{name} arg must be None or str"))?),
    };
    Ok(Value::str(f(s.as_str(), chars)))
}

fn strip(_: &mut Interp, args: Args) -> PyResult<Value> {
    strip_with(&args, "strip", text::strip)
}

fn lstrip(_: &mut Interp, args: Args) -> PyResult<Value> {
    strip_with(&args, "lstrip", text::lstrip)
}

fn rstrip(_: &mut Interp, args: Args) -> PyResult<Value> {
    strip_with(&args, "rstrip", text::rstrip)
}

fn affix(args: &Args, name: &str, f: for<'a> fn(&'a str, &str) -> &'a str) -> PyResult<Value> {
    let (s, rest) = this(args, name)?;
    no_keywords(args, name)?;
    arg_count(rest, name, 1, 1)?;
    let a = text_arg(&rest[0], |v| {
        format!("{name}() argument must be str, not {}", v.type_name())
    })?;
    Ok(Value::str(f(s.as_str(), a)))
}

fn removeprefix(_: &mut Interp, args: Args) -> PyResult<Value> {
    affix(&args, "removeprefix", text::removeprefix)
}

fn removesuffix(_: &mut Interp, args: Args) -> PyResult<Value> {
    affix(&args, "removesuffix", text::removesuffix)
}

fn replace(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "replace")?;
    no_keywords(&args, "replace")?;
    arg_count(rest, "replace", 2, 3)?;
    let old = text_arg(&rest[0], |v| {
        format!("replace() argument 1 must be str, not {}", v.type_name())
    })?;
    let new = text_arg(&rest[1], |v| {
        format!("replace() argument 2 must be str, not {}", v.type_name())
    })?;
    let count = match rest.get(2) {
        Some(v) => int_param(interp, v)?,
        None => -1,
    };
    Ok(Value::string(text::replace(s.as_str(), old, new, count)?))
}

/// `(sub, start, end)` of the search methods.
fn search_args<'a>(
    interp: &mut Interp,
    args: &Args<'a>,
    rest: &'a [Value],
    name: &str,
) -> PyResult<(&'a str, Option<i64>, Option<i64>)> {
    no_keywords(args, name)?;
    arg_count(rest, name, 1, 3)?;
    let sub = text_arg(&rest[0], must_be_str)?;
    Ok((
        sub,
        bound(interp, rest.get(1))?,
        bound(interp, rest.get(2))?,
    ))
}

fn find(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "find")?;
    let (sub, start, end) = search_args(interp, &args, rest, "find")?;
    Ok(Value::Int(
        text::find(s.as_str(), sub, start, end)
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}

fn rfind(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "rfind")?;
    let (sub, start, end) = search_args(interp, &args, rest, "rfind")?;
    Ok(Value::Int(
        text::rfind(s.as_str(), sub, start, end)
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}

fn index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "index")?;
    let (sub, start, end) = search_args(interp, &args, rest, "index")?;
    Ok(Value::Int(text::index(s.as_str(), sub, start, end)? as i64))
}

fn rindex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "rindex")?;
    let (sub, start, end) = search_args(interp, &args, rest, "rindex")?;
    Ok(Value::Int(text::rindex(s.as_str(), sub, start, end)? as i64))
}

fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "count")?;
    let (sub, start, end) = search_args(interp, &args, rest, "count")?;
    Ok(Value::Int(text::count(s.as_str(), sub, start, end) as i64))
}

/// `startswith`/`endswith`: a str or a tuple of str, then optional bounds.
fn affix_test(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    f: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    let (s, rest) = this(args, name)?;
    no_keywords(args, name)?;
    arg_count(rest, name, 1, 3)?;
    let (start, end) = (bound(interp, rest.get(1))?, bound(interp, rest.get(2))?);
    match &rest[0] {
        Value::Str(p) => Ok(Value::Bool(f(s.as_str(), p.as_str(), start, end))),
        Value::Tuple(t) => {
            for item in t.as_slice() {
                let p = text_arg(item, |v| {
                    format!(
                        "tuple for {name} must only contain str, not {}",
                        v.type_name()
                    )
                })?;
                if f(s.as_str(), p, start, end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        )),
    }
}

fn startswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    affix_test(interp, &args, "startswith", text::startswith)
}

fn endswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    affix_test(interp, &args, "endswith", text::endswith)
}

fn padded(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    f: fn(&str, i64, Option<&str>) -> PyResult<String>,
) -> PyResult<Value> {
    let (s, rest) = this(args, name)?;
    no_keywords(args, name)?;
    arg_count(rest, name, 1, 2)?;
    let width = int_param(interp, &rest[0])?;
    let fill = match rest.get(1) {
        None => None,
        Some(v) => Some(text_arg(v, |v| {
            format!(
                "The fill character must be a unicode character, not {}",
                v.type_name()
            )
        })?),
    };
    Ok(Value::string(f(s.as_str(), width, fill)?))
}

fn center(interp: &mut Interp, args: Args) -> PyResult<Value> {
    padded(interp, &args, "center", text::center)
}

fn ljust(interp: &mut Interp, args: Args) -> PyResult<Value> {
    padded(interp, &args, "ljust", text::ljust)
}

fn rjust(interp: &mut Interp, args: Args) -> PyResult<Value> {
    padded(interp, &args, "rjust", text::rjust)
}

fn zfill(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "zfill")?;
    no_keywords(&args, "zfill")?;
    arg_count(rest, "zfill", 1, 1)?;
    let width = int_param(interp, &rest[0])?;
    Ok(Value::string(text::zfill(s.as_str(), width)?))
}

fn expandtabs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "expandtabs")?;
    only_keywords(&args, &["tabsize"], "expandtabs")?;
    arg_count(rest, "expandtabs", 0, 1)?;
    let size = match rest.first().or(args.kwarg_named("tabsize")) {
        Some(v) => int_param(interp, v)?,
        None => 8,
    };
    Ok(Value::string(text::expandtabs(s.as_str(), size)?))
}

/// A method splitting the text in three around a separator.
type Partitioner = for<'a> fn(&'a str, &str) -> PyResult<(&'a str, &'a str, &'a str)>;

fn parted(args: &Args, name: &str, f: Partitioner) -> PyResult<Value> {
    let (s, rest) = this(args, name)?;
    no_keywords(args, name)?;
    arg_count(rest, name, 1, 1)?;
    let sep = text_arg(&rest[0], must_be_str)?;
    let (a, b, c) = f(s.as_str(), sep)?;
    Ok(Value::tuple(vec![
        Value::str(a),
        Value::str(b),
        Value::str(c),
    ]))
}

fn partition(_: &mut Interp, args: Args) -> PyResult<Value> {
    parted(&args, "partition", text::partition)
}

fn rpartition(_: &mut Interp, args: Args) -> PyResult<Value> {
    parted(&args, "rpartition", text::rpartition)
}

/// `sep.join(iterable)`: every item must be a str.
fn join(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (sep, rest) = this(&args, "join")?;
    let [iterable] = rest else {
        return type_error(format!(
            "str.join() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    // A list or tuple is read in place: checking and copying strs runs no Python code,
    // so the list cannot change underneath.
    let joined = match iterable {
        Value::List(l) => join_items(sep.as_str(), &l.items.borrow())?,
        Value::Tuple(t) => join_items(sep.as_str(), t.as_slice())?,
        _ => {
            // CPython's `PySequence_Fast(iterable, "can only join an iterable")`.
            let it = interp.iter(iterable).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    Exc::new(ExcKind::TypeError, "can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut items = Vec::new();
            while let Some(item) = interp.next(&it)? {
                items.push(item);
            }
            join_items(sep.as_str(), &items)?
        }
    };
    Ok(Value::Str(joined))
}

/// `sep.join(items)` over strs already in hand (a list or tuple read in place, or the
/// items of a display, see `Interp::join_display`).
pub fn join_items(sep: &str, items: &[Value]) -> PyResult<PyStr> {
    let mut parts: SmallVec<[&str; 8]> = SmallVec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => parts.push(s.as_str()),
            other => {
                return type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                ))
            }
        }
    }
    text::join(sep, &parts)
}

/// `str.format`'s view of its arguments and of the interpreter.
struct FormatCall<'a> {
    interp: &'a mut Interp,
    pos: &'a [Value],
    kw: &'a [(Symbol, Value)],
    /// `format_map`'s mapping.
    mapping: Option<&'a Value>,
}

impl FormatArgs for FormatCall<'_> {
    type Value = Value;

    fn positional(&mut self, index: usize) -> Option<Value> {
        self.pos.get(index).cloned()
    }

    fn takes_positional(&self) -> bool {
        self.mapping.is_none()
    }

    fn keyword(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.mapping {
            return self.interp.get_item(m, &Value::str(name));
        }
        let sym = Symbol::intern(name);
        match self.kw.iter().find(|(k, _)| *k == sym) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(Exc::instantiate(
                crate::runtime::types::types()
                    .exception(ExcKind::KeyError)
                    .clone(),
                vec![Value::str(name)],
            )),
        }
    }

    fn attribute(&mut self, value: &Value, name: &str) -> PyResult<Value> {
        self.interp.get_attr(value, Symbol::intern(name))
    }

    fn item(&mut self, value: &Value, key: FieldKey<'_>) -> PyResult<Value> {
        let key = match key {
            FieldKey::Index(i) => Value::Int(i as i64),
            FieldKey::Name(n) => Value::str(n),
        };
        self.interp.get_item(value, &key)
    }

    fn convert(&mut self, value: Value, conversion: Conversion) -> PyResult<Value> {
        let conversion = match conversion {
            Conversion::Str => crate::lower::ir::Conversion::Str,
            Conversion::Repr => crate::lower::ir::Conversion::Repr,
            Conversion::Ascii => crate::lower::ir::Conversion::Ascii,
        };
        self.interp.format_field(&value, Some(conversion), None)
    }

    fn format(&mut self, value: &Value, spec: &str) -> PyResult<String> {
        self.interp.format_value(value, spec)
    }
}

fn format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "format")?;
    let mut call = FormatCall {
        interp,
        pos: rest,
        kw: args.kw,
        mapping: None,
    };
    Ok(Value::string(text::format_template(s.as_str(), &mut call)?))
}

fn format_map(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "format_map")?;
    no_keywords(&args, "format_map")?;
    let [mapping] = rest else {
        return type_error(format!(
            "format_map() takes exactly one argument ({} given)",
            rest.len()
        ));
    };
    let mut call = FormatCall {
        interp,
        pos: &[],
        kw: &[],
        mapping: Some(mapping),
    };
    Ok(Value::string(text::format_template(s.as_str(), &mut call)?))
}

fn dunder_len(_: &mut Interp, args: Args) -> PyResult<Value> {
    let (s, rest) = this(&args, "__len__")?;
    no_args(rest, &args, "str.__len__")?;
    Ok(Value::Int(s.char_len() as i64))
}

fn dunder_getitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__getitem__")?;
    arg_count(rest, "__getitem__", 1, 1)?;
    interp.get_item(&args.pos[0], &rest[0])
}

fn dunder_contains(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__contains__")?;
    arg_count(rest, "__contains__", 1, 1)?;
    Ok(Value::Bool(interp.contains(&args.pos[0], &rest[0])?))
}

fn dunder_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, rest) = this(&args, "__iter__")?;
    no_args(rest, &args, "str.__iter__")?;
    interp.iter(&args.pos[0])
}
