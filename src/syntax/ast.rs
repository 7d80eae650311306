//! The abstract syntax tree: what the user wrote, every node with a byte span.
//!
//! Owns: the tree types the grammar builds and the lowering consumes.
//! Must not touch: scopes, slots, desugaring (that is `lower/`), runtime values.
//! Names are plain `String`s here; interning happens when lowering.

use super::span::Span;
use num_bigint::BigInt;

#[derive(Debug, Clone)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    /// An expression evaluated for its effect (calls, `yield`, docstrings).
    Expr(Expr),
    /// `t1 = t2 = value`: one or more targets, assigned left to right.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation = value` (the annotation is parsed and ignored).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    /// `if`/`elif`/`else`: an `elif` is an `If` alone in `orelse`.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Break,
    Continue,
    Pass,
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    Try(Box<Try>),
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Delete(Vec<Expr>),
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    /// `import a.b as c, d`.
    Import(Vec<ImportName>),
    /// `from module import a as b, c` (`names` empty with `star` for `import *`).
    ImportFrom {
        module: Ident,
        names: Vec<ImportName>,
        star: bool,
    },
}

#[derive(Debug, Clone)]
pub struct ImportName {
    /// Dotted name as written (`a.b`).
    pub name: Ident,
    pub alias: Option<Ident>,
}

#[derive(Debug, Clone)]
pub struct FunctionDef {
    pub name: Ident,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    /// Span of the `def name(...)` header, for tracebacks and diagnostics.
    pub header: Span,
}

#[derive(Debug, Clone)]
pub struct ClassDef {
    pub name: Ident,
    /// Positional bases and keywords (`metaclass=` is parsed, then rejected by lowering).
    pub args: Vec<Arg>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub header: Span,
}

#[derive(Debug, Clone)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
}

#[derive(Debug, Clone)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub class: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

/// A parameter list, in Python's order: `a, b=1, /, c, *args, d, e=2, **kw`.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: Ident,
    pub default: Option<Expr>,
    pub annotation: Option<Expr>,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Name(String),
    Constant(Constant),
    /// An f-string: literal pieces and formatted expressions, in order.
    /// Adjacent plain and f-string literals are merged into one `FString`.
    FString(Vec<FStringPart>),
    /// `a and b and c` / `a or b`.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a < b <= c`: `left` then `(op, right)` pairs.
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `name := value`.
    NamedExpr {
        target: Ident,
        value: Box<Expr>,
    },
    Dict(Vec<DictItem>),
    /// Elements may be `Starred`.
    Set(Vec<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `yield` / `yield value`.
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Ident,
    },
    /// `value[index]`; a multi-dimensional index is a `Tuple`, slices are `Slice`.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `*value` in a display, call or assignment target.
    Starred(Box<Expr>),
}

#[derive(Debug, Clone)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    /// A string after escape processing; adjacent literals already concatenated.
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone)]
pub enum FStringPart {
    Literal(String),
    Formatted(FormattedValue),
}

/// `{value!conversion:spec}` inside an f-string. `debug_text` is set for the
/// `{expr=}` form and holds the text to print before the value (`"expr="`).
#[derive(Debug, Clone)]
pub struct FormattedValue {
    pub value: Box<Expr>,
    pub conversion: Option<Conversion>,
    /// The format spec, itself an f-string (it may contain `{…}` fields).
    pub spec: Option<Vec<FStringPart>>,
    pub debug_text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

#[derive(Debug, Clone)]
pub enum DictItem {
    Pair(Expr, Expr),
    /// `**mapping`
    Unpack(Expr),
}

#[derive(Debug, Clone)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Arg {
    Positional(Expr),
    /// `*iterable`
    Starred(Expr),
    /// `name=value`
    Keyword(Ident, Expr),
    /// `**mapping`
    DoubleStarred(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    /// The operator as written: `+`, `//`, `**` …
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
