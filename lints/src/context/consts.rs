//! Evaluating constant integer expressions: array lengths, capacities and
//! the `const` items of the file they name.
//!
//! [`FileContext::const_eval`] understands integer literals (any base, `_`
//! separators, integer suffixes), `+ - * / % << >> & | ^`, parentheses,
//! `{ N }` blocks, `as` casts to integer types, `uN::MAX` / `iN::MAX`,
//! `.pow(e)`, and paths naming a `const` item of this file, resolved per
//! module (`N`, `limits::N`, `self::N`, `Type::N`, `Self::N`), recursively.
//! Arithmetic is checked: an overflow of the expression's integer type (`usize` is taken as 64 bits), a negative
//! intermediate value, a division by zero or anything not understood gives
//! `None`, never a guess.

use syn::{BinOp, Expr, Lit};

use super::FileContext;

/// How deep `const` items may refer to other `const` items (guards against cycles).
const MAX_DEPTH: u32 = 16;

/// An integer type: its name decides the largest value it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IntTy {
    max: u128,
}

impl IntTy {
    fn parse(name: &str) -> Option<IntTy> {
        let max = match name {
            "u8" => u8::MAX as u128,
            "u16" => u16::MAX as u128,
            "u32" => u32::MAX as u128,
            "u64" | "usize" => u64::MAX as u128,
            "u128" => u128::MAX,
            "i8" => i8::MAX as u128,
            "i16" => i16::MAX as u128,
            "i32" => i32::MAX as u128,
            "i64" | "isize" => i64::MAX as u128,
            "i128" => i128::MAX as u128,
            _ => return None,
        };
        Some(IntTy { max })
    }
}

/// A value with the integer type it is known to have, if any (an
/// unsuffixed literal has none until it meets a typed operand).
#[derive(Debug, Clone, Copy)]
struct Value {
    v: u128,
    ty: Option<IntTy>,
}

impl Value {
    /// `v` typed as `ty`, or `None` when it does not fit.
    fn checked(v: u128, ty: Option<IntTy>) -> Option<Value> {
        let limit = ty.map_or(u64::MAX as u128, |t| t.max);
        (v <= limit).then_some(Value { v, ty })
    }
}

impl<'a> FileContext<'a> {
    /// The value of a constant, non-negative integer expression (an array
    /// length, a capacity), or `None` when it cannot be told from this file
    /// or the arithmetic overflows.
    pub fn const_eval(&self, expr: &Expr) -> Option<u64> {
        self.eval(expr, 0).and_then(|v| u64::try_from(v.v).ok())
    }

    fn eval(&self, expr: &Expr, depth: u32) -> Option<Value> {
        match expr {
            Expr::Lit(lit) => match &lit.lit {
                Lit::Int(i) => {
                    let v: u128 = i.base10_parse().ok()?;
                    let ty = match i.suffix() {
                        "" => None,
                        s => Some(IntTy::parse(s)?),
                    };
                    Value::checked(v, ty)
                }
                _ => None,
            },
            Expr::Paren(p) => self.eval(&p.expr, depth),
            Expr::Group(g) => self.eval(&g.expr, depth),
            Expr::Block(b) if b.label.is_none() => match b.block.stmts.as_slice() {
                [syn::Stmt::Expr(e, None)] => self.eval(e, depth),
                _ => None,
            },
            Expr::Cast(c) => {
                let inner = self.eval(&c.expr, depth)?;
                let syn::Type::Path(t) = &*c.ty else {
                    return None;
                };
                let ty = IntTy::parse(&t.path.get_ident()?.to_string())?;
                // A cast that would truncate changes the value: no guess.
                Value::checked(inner.v, Some(ty))
            }
            Expr::Binary(b) => {
                let l = self.eval(&b.left, depth)?;
                let r = self.eval(&b.right, depth)?;
                binary(&b.op, l, r)
            }
            Expr::MethodCall(m) if m.method == "pow" && m.args.len() == 1 => {
                let base = self.eval(&m.receiver, depth)?;
                let exp = u32::try_from(self.eval(&m.args[0], depth)?.v).ok()?;
                Value::checked(base.v.checked_pow(exp)?, base.ty)
            }
            Expr::Path(p) if p.qself.is_none() => self.eval_path(&p.path, depth),
            _ => None,
        }
    }

    fn eval_path(&self, path: &syn::Path, depth: u32) -> Option<Value> {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let [ty, max] = segments.as_slice() {
            if let (Some(ty), true) = (IntTy::parse(ty), max == "MAX") {
                return Value::checked(ty.max, Some(ty));
            }
        }
        if depth >= MAX_DEPTH || path.leading_colon.is_some() {
            return None;
        }
        self.eval(self.const_value(path)?, depth + 1)
    }
}

/// One checked binary operation; the result has the type of the typed operand.
fn binary(op: &BinOp, l: Value, r: Value) -> Option<Value> {
    let ty = match (l.ty, r.ty) {
        (Some(a), Some(b)) if a != b => return None,
        (Some(a), _) | (_, Some(a)) => Some(a),
        (None, None) => None,
    };
    let (a, b) = (l.v, r.v);
    let v = match op {
        BinOp::Add(_) => a.checked_add(b)?,
        BinOp::Sub(_) => a.checked_sub(b)?,
        BinOp::Mul(_) => a.checked_mul(b)?,
        BinOp::Div(_) => a.checked_div(b)?,
        BinOp::Rem(_) => a.checked_rem(b)?,
        BinOp::BitAnd(_) => a & b,
        BinOp::BitOr(_) => a | b,
        BinOp::BitXor(_) => a ^ b,
        BinOp::Shl(_) | BinOp::Shr(_) => {
            // The shift amount does not take the left operand's type.
            let shift = u32::try_from(b).ok().filter(|s| *s < 128)?;
            let v = if matches!(op, BinOp::Shl(_)) {
                let v = a << shift;
                // Bits shifted out are an overflow.
                if v >> shift != a {
                    return None;
                }
                v
            } else {
                a >> shift
            };
            return Value::checked(v, l.ty);
        }
        _ => return None,
    };
    Value::checked(v, ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval_in(items: &str, expr: &str) -> Option<u64> {
        let file = syn::parse_file(items).unwrap();
        let ctx = FileContext::new(&file, items);
        let expr: Expr = syn::parse_str(expr).unwrap();
        ctx.const_eval(&expr)
    }

    fn eval(expr: &str) -> Option<u64> {
        eval_in("", expr)
    }

    #[test]
    fn literals_and_arithmetic() {
        assert_eq!(eval("4096"), Some(4096));
        assert_eq!(eval("1_048_576usize"), Some(1 << 20));
        assert_eq!(eval("0x1000"), Some(4096));
        assert_eq!(eval("64 * 1024"), Some(65536));
        assert_eq!(eval("1 << 20"), Some(1 << 20));
        assert_eq!(eval("(4 + 4) * 512u32"), Some(4096));
        assert_eq!(eval("{ 16 * 1024 }"), Some(16384));
        assert_eq!(eval("2usize.pow(16)"), Some(65536));
        assert_eq!(eval("u16::MAX as usize + 1"), Some(65536));
        assert_eq!(eval("8192 / 2 - 1"), Some(4095));
        assert_eq!(eval("(1 << 12) | 1"), Some(4097));
    }

    #[test]
    fn overflow_and_unknown_are_none() {
        assert_eq!(eval("1u32 << 40"), None);
        assert_eq!(eval("u64::MAX + 1"), None);
        assert_eq!(eval("1 << 64"), None);
        assert_eq!(eval("1 << 200"), None);
        assert_eq!(eval("4 - 5"), None);
        assert_eq!(eval("1 / 0"), None);
        assert_eq!(eval("300u8"), None);
        assert_eq!(eval("70000 as u16"), None);
        assert_eq!(eval("1u8 + 1u32"), None);
        assert_eq!(eval("n * 2"), None);
        assert_eq!(eval("other::SIZE"), None);
        assert_eq!(eval("len()"), None);
        assert_eq!(eval("-1"), None);
    }

    #[test]
    fn const_items_of_the_file() {
        let items = "const MAX_FRAME: usize = 16 * 1024; const HEADER: usize = 9; \
                     const A: usize = B; const B: usize = A;";
        assert_eq!(eval_in(items, "MAX_FRAME + HEADER"), Some(16393));
        assert_eq!(eval_in(items, "A"), None);
        assert_eq!(eval_in(items, "MISSING"), None);
    }

    /// The values of the array lengths of the `let`s of `src`, in order,
    /// each evaluated where it is written.
    fn lengths(src: &str) -> Vec<Option<u64>> {
        struct Lets<'c, 'a> {
            ctx: &'c FileContext<'a>,
            found: Vec<Option<u64>>,
        }
        impl<'v> syn::visit::Visit<'v> for Lets<'_, '_> {
            fn visit_expr_repeat(&mut self, r: &'v syn::ExprRepeat) {
                self.found.push(self.ctx.const_eval(&r.len));
            }
        }
        let file = syn::parse_file(src).unwrap();
        let ctx = FileContext::new(&file, src);
        let mut lets = Lets {
            ctx: &ctx,
            found: Vec::new(),
        };
        syn::visit::Visit::visit_file(&mut lets, &file);
        lets.found
    }

    #[test]
    fn consts_resolve_per_module() {
        let src = "
            mod limits {
                pub const BUF: usize = 64 * 1024;
                pub mod inner { pub const PAGE: usize = super::BUF / 4; }
            }
            use limits::BUF;
            const TOP: usize = 8192;
            fn a() { let _ = ([0u8; BUF], [0u8; limits::BUF], [0u8; limits::inner::PAGE]); }
            fn b() { let _ = ([0u8; self::TOP], [0u8; crate::TOP]); }
            mod user {
                const BUF: usize = 8;
                fn own() { let _ = [0u8; BUF]; }
                fn unimported() { let _ = [0u8; TOP]; }
            }
            struct Codec;
            impl Codec { const N: usize = 8; }
            struct Big;
            impl Big {
                const N: usize = 1 << 16;
                fn f() { let _ = ([0u8; Self::N], [0u8; Codec::N], [0u8; Big::N]); }
            }
        ";
        assert_eq!(
            lengths(src),
            [
                Some(65536),
                Some(65536),
                Some(16384),
                Some(8192),
                Some(8192),
                Some(8),
                None,
                Some(65536),
                Some(8),
                Some(65536),
            ]
        );
    }
}
