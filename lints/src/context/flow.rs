//! Following the paths through a piece of code: which ways of reaching a
//! point exist, and what happened on each way.
//!
//! A rule that asks "can the code come back here without X happening on
//! the way?" needs the control flow of Rust, not the order of the text. A
//! [`Flow`] runs over syntax like an abstract interpreter: it carries a set
//! of *path states* (a bitset, [`States`], whose bits the rule defines, one
//! per way of having reached the current point) and reads
//!
//! * statements in order, and a `let … else` whose `else` never falls through;
//! * `if`, `match` (arms tried in order, guards), `if let` / `while let`;
//! * conditions as what they mean: `a && b` runs `b` only when `a` holds,
//!   `a || b` only when it does not, `!a` swaps the outcomes, `true` /
//!   `false` take one side only;
//! * loops run until the states at their head settle (a fixed point), with
//!   `break` / `continue` (labelled too) and labelled blocks; `return`
//!   ends a path;
//! * closures and async blocks as not run where they are written;
//! * parsed macro bodies as the code they hold ([`crate::macros`]).
//!
//! What the rule cares about — what a call, an `.await`, a `?`, a match on
//! a value does to its states — it says by implementing [`Analysis`]; the
//! flow calls those hooks and handles everything else. `busy_poll_loop`
//! ("after a poll found nothing, can a path come round and poll again
//! without waiting?") is written this way.

use syn::{Block, Expr, Stmt};

use super::FileContext;
use crate::macros::MacroBody;

/// A set of path states: one bit per way of having reached a point, with
/// meanings the [`Analysis`] defines. `0` means "not reached".
pub type States = u8;

/// What one rule's analysis says about the code a [`Flow`] follows. Every
/// hook gets the flow itself, to follow sub-expressions with
/// [`Flow::expr`] / [`Flow::exprs`] and to reach its own state in
/// [`Flow::analysis`].
pub trait Analysis: Sized {
    /// The effect of `e`, or `None` to let the flow read it (control flow,
    /// and any other expression as its sub-expressions in order). Called
    /// first for every expression reached.
    fn expr(flow: &mut Flow<'_, '_, Self>, e: &Expr, states: States) -> Option<States>;

    /// The states going into the code that runs when `scrutinee`'s value
    /// matches `pat` (an `if let`, `while let`, `let … else` or `match`
    /// arm), and into the code that runs when it does not.
    /// `scrutinee` has already been followed.
    fn split(
        flow: &mut Flow<'_, '_, Self>,
        scrutinee: &Expr,
        pat: &syn::Pat,
        states: States,
    ) -> (States, States);

    /// A condition's states when true and when false, for a condition the
    /// flow does not take apart itself (`r.is_ok()`), or `None` to follow it
    /// as a check whose outcome is unknown.
    fn cond(flow: &mut Flow<'_, '_, Self>, e: &Expr, states: States) -> Option<(States, States)>;

    /// A `let` without `else` whose initialiser was just followed.
    fn bind(flow: &mut Flow<'_, '_, Self>, local: &syn::Local, init: &Expr);

    /// A macro call, or `None` to let the flow read its parsed body (a
    /// `select!`'s handlers each from `states`, a body that did not parse as
    /// doing nothing).
    fn mac(flow: &mut Flow<'_, '_, Self>, mac: &syn::Macro, states: States) -> Option<States>;

    /// What going back to the head of a loop that can turn without end
    /// (`loop`, `while`) does to states.
    fn came_round(states: States) -> States;

    /// Whether a `while` with this condition runs a bounded number of turns,
    /// like a `for` (its head then does not count as coming round).
    fn bounded_while(cond: &Expr) -> bool;
}

/// A loop or labelled block the paths are inside, and the path states that
/// reach its `continue`s and `break`s.
struct Frame {
    label: Option<String>,
    is_loop: bool,
    continues: States,
    breaks: States,
}

/// Follows the paths through code for one [`Analysis`].
pub struct Flow<'c, 'a, A> {
    /// The file being analysed.
    pub ctx: &'c FileContext<'a>,
    /// The rule's own state.
    pub analysis: A,
    frames: Vec<Frame>,
    budget: usize,
    checking: bool,
}

impl<'c, 'a, A: Analysis> Flow<'c, 'a, A> {
    /// A flow that visits at most `budget` expressions: nested loops are
    /// re-run until their states settle, so deep nesting costs more than
    /// its size.
    pub fn new(ctx: &'c FileContext<'a>, analysis: A, budget: usize) -> Self {
        Flow {
            ctx,
            analysis,
            frames: Vec::new(),
            budget,
            checking: false,
        }
    }

    /// Whether the budget ran out: the result then means nothing.
    pub fn exhausted(&self) -> bool {
        self.budget == 0
    }

    /// Whether the expression being followed decides a condition (`if
    /// !self.is_alive()`, `match queue.pop()`): a check rather than work.
    pub fn checking(&self) -> bool {
        self.checking
    }

    /// Runs a loop (its label, its `while` condition if any, its body) from
    /// `entry` until the states at its head are stable.
    pub fn run_loop(
        &mut self,
        label: Option<&syn::Label>,
        cond: Option<&Expr>,
        body: &Block,
        entry: States,
    ) {
        self.frames.push(Frame {
            label: label.map(|l| l.name.ident.to_string()),
            is_loop: true,
            continues: 0,
            breaks: 0,
        });
        let mut entry = entry;
        loop {
            let into_body = match cond {
                Some(c) => self.cond(c, entry).0,
                None => entry,
            };
            let end = self.block(&body.stmts, into_body);
            let continues = self.frames.last().map_or(0, |f| f.continues);
            let next = entry | A::came_round(end | continues);
            if next == entry {
                break;
            }
            entry = next;
        }
        self.frames.pop();
    }

    /// Follows statements in order.
    pub fn block(&mut self, stmts: &[Stmt], mut states: States) -> States {
        for stmt in stmts {
            if states == 0 {
                return 0;
            }
            states = match stmt {
                Stmt::Local(local) => match &local.init {
                    Some(init) => {
                        let after = self.expr(&init.expr, states);
                        match &init.diverge {
                            Some((_, diverge)) => {
                                // The `else` of a let-else never falls through.
                                let (matched, unmatched) =
                                    A::split(self, &init.expr, &local.pat, after);
                                self.expr(diverge, unmatched);
                                matched
                            }
                            None => {
                                A::bind(self, local, &init.expr);
                                after
                            }
                        }
                    }
                    None => states,
                },
                Stmt::Item(_) => states,
                Stmt::Expr(e, _) => self.expr(e, states),
                Stmt::Macro(m) => self.mac(&m.mac, states),
            };
        }
        states
    }

    /// Follows expressions in order.
    pub fn exprs<'e>(
        &mut self,
        exprs: impl IntoIterator<Item = &'e Expr>,
        mut states: States,
    ) -> States {
        for e in exprs {
            states = self.expr(e, states);
        }
        states
    }

    /// Follows an expression whose value decides a branch.
    pub fn checked(&mut self, e: &Expr, states: States) -> States {
        let outer = std::mem::replace(&mut self.checking, true);
        let after = self.expr(e, states);
        self.checking = outer;
        after
    }

    /// A condition: the states when it is true and when it is false, with
    /// `&&`, `||` and `!` read as what they mean (`a && b` runs `b` only
    /// when `a` holds).
    pub fn cond(&mut self, e: &Expr, states: States) -> (States, States) {
        if states == 0 {
            return (0, 0);
        }
        match e {
            Expr::Paren(p) => self.cond(&p.expr, states),
            Expr::Group(g) => self.cond(&g.expr, states),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                let (t, f) = self.cond(&u.expr, states);
                (f, t)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                let (ta, fa) = self.cond(&b.left, states);
                let (tb, fb) = self.cond(&b.right, ta);
                (tb, fa | fb)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::Or(_)) => {
                let (ta, fa) = self.cond(&b.left, states);
                let (tb, fb) = self.cond(&b.right, fa);
                (ta | tb, fb)
            }
            Expr::Let(l) => {
                let after = self.checked(&l.expr, states);
                A::split(self, &l.expr, &l.pat, after)
            }
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(b),
                ..
            }) => {
                if b.value {
                    (states, 0)
                } else {
                    (0, states)
                }
            }
            other => A::cond(self, other, states).unwrap_or_else(|| {
                let after = self.checked(other, states);
                (after, after)
            }),
        }
    }

    /// Follows an expression: the states after it.
    pub fn expr(&mut self, e: &Expr, states: States) -> States {
        if states == 0 || self.budget == 0 {
            return 0;
        }
        self.budget -= 1;
        if let Some(after) = A::expr(self, e, states) {
            return after;
        }
        match e {
            Expr::Macro(m) => self.mac(&m.mac, states),
            Expr::Block(b) => match &b.label {
                Some(label) => {
                    self.frames.push(Frame {
                        label: Some(label.name.ident.to_string()),
                        is_loop: false,
                        continues: 0,
                        breaks: 0,
                    });
                    let end = self.block(&b.block.stmts, states);
                    let frame = self.frames.pop().expect("pushed above");
                    end | frame.breaks
                }
                None => self.block(&b.block.stmts, states),
            },
            Expr::Unsafe(u) => self.block(&u.block.stmts, states),
            Expr::If(i) => {
                let (into_then, into_else) = self.cond(&i.cond, states);
                let then = self.block(&i.then_branch.stmts, into_then);
                let otherwise = match &i.else_branch {
                    Some((_, e)) => self.expr(e, into_else),
                    None => into_else,
                };
                then | otherwise
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                let (t, f) = self.cond(e, states);
                t | f
            }
            Expr::Let(l) => self.expr(&l.expr, states),
            Expr::Match(m) => {
                let after = self.checked(&m.expr, states);
                let mut rest = after;
                let mut out = 0;
                for arm in &m.arms {
                    let (into_arm, unmatched) = A::split(self, &m.expr, &arm.pat, rest);
                    let (pass, fail) = match &arm.guard {
                        Some((_, g)) => self.cond(g, into_arm),
                        None => (into_arm, 0),
                    };
                    out |= self.expr(&arm.body, pass);
                    rest = unmatched | fail;
                }
                out
            }
            Expr::Loop(l) => self.nested_loop(
                l.label.as_ref(),
                false,
                states,
                |_, s| (s, 0),
                |f, s| f.block(&l.body.stmts, s),
            ),
            Expr::While(w) => self.nested_loop(
                w.label.as_ref(),
                A::bounded_while(&w.cond),
                states,
                |f, s| f.cond(&w.cond, s),
                |f, s| f.block(&w.body.stmts, s),
            ),
            Expr::ForLoop(l) => {
                let after = self.expr(&l.expr, states);
                self.nested_loop(
                    l.label.as_ref(),
                    true,
                    after,
                    |_, s| (s, s),
                    |f, s| f.block(&l.body.stmts, s),
                )
            }
            Expr::Break(b) => {
                let after = match &b.expr {
                    Some(v) => self.expr(v, states),
                    None => states,
                };
                if let Some(i) = self.target_frame(b.label.as_ref()) {
                    self.frames[i].breaks |= after;
                }
                0
            }
            Expr::Continue(c) => {
                if let Some(i) = self.target_frame(c.label.as_ref()) {
                    self.frames[i].continues |= states;
                }
                0
            }
            Expr::Return(r) => {
                if let Some(v) = &r.expr {
                    self.expr(v, states);
                }
                0
            }
            // Not run where they are written.
            Expr::Closure(_) | Expr::Async(_) => states,
            other => {
                let mut children = Children(Vec::new());
                syn::visit::visit_expr(&mut children, other);
                self.exprs(children.0, states)
            }
        }
    }

    /// Follows a macro call.
    pub fn mac(&mut self, mac: &syn::Macro, states: States) -> States {
        if states == 0 {
            return 0;
        }
        if let Some(after) = A::mac(self, mac, states) {
            return after;
        }
        let ctx = self.ctx;
        match ctx.macro_body(mac) {
            MacroBody::Select(select) => {
                let mut out = 0;
                for branch in &select.branches {
                    out |= self.expr(&branch.handler, states);
                }
                for e in &select.else_branches {
                    out |= self.expr(e, states);
                }
                out
            }
            MacroBody::Exprs(exprs) => self.exprs(exprs, states),
            MacroBody::Stmts(stmts) => self.block(stmts, states),
            MacroBody::Statics(_) | MacroBody::Tokens => states,
        }
    }

    /// The frame a `break` / `continue` with this label targets; `None` when
    /// it leaves the followed code altogether.
    fn target_frame(&self, label: Option<&syn::Lifetime>) -> Option<usize> {
        match label {
            Some(l) => {
                let name = l.ident.to_string();
                self.frames
                    .iter()
                    .rposition(|f| f.label.as_deref() == Some(name.as_str()))
            }
            None => self.frames.iter().rposition(|f| f.is_loop),
        }
    }

    /// Runs a nested loop: `head` follows what runs before each iteration
    /// and returns the states going into the body and those leaving the
    /// loop there; `body` runs the iteration. The states leaving the loop
    /// are those leaving at its head plus those reaching its `break`s. A
    /// `bounded` loop's head (a `for`) does not count as coming round.
    fn nested_loop(
        &mut self,
        label: Option<&syn::Label>,
        bounded: bool,
        states: States,
        mut head: impl FnMut(&mut Self, States) -> (States, States),
        mut body: impl FnMut(&mut Self, States) -> States,
    ) -> States {
        self.frames.push(Frame {
            label: label.map(|l| l.name.ident.to_string()),
            is_loop: true,
            continues: 0,
            breaks: 0,
        });
        let mut entry = states;
        let mut exits;
        loop {
            let (into_body, out) = head(self, entry);
            exits = out;
            let end = body(self, into_body);
            let back = end | self.frames.last().map_or(0, |f| f.continues);
            let next = entry | if bounded { back } else { A::came_round(back) };
            if next == entry {
                break;
            }
            entry = next;
        }
        let frame = self.frames.pop().expect("pushed above");
        frame.breaks | exits
    }
}

/// The direct sub-expressions of an expression, in source order.
struct Children<'e>(Vec<&'e Expr>);

impl<'e> syn::visit::Visit<'e> for Children<'e> {
    fn visit_expr(&mut self, e: &'e Expr) {
        self.0.push(e);
    }

    fn visit_item(&mut self, _: &'e syn::Item) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy analysis: has the path called `wait()` yet?
    struct Waits;
    const NOT_YET: States = 1;
    const WAITED: States = 2;

    impl Analysis for Waits {
        fn expr(flow: &mut Flow<'_, '_, Self>, e: &Expr, states: States) -> Option<States> {
            match e {
                Expr::Call(c) if matches!(&*c.func, Expr::Path(p) if p.path.is_ident("wait")) => {
                    let after = flow.exprs(&c.args, states);
                    Some(if after == 0 { 0 } else { WAITED })
                }
                _ => None,
            }
        }
        fn split(
            _: &mut Flow<'_, '_, Self>,
            _: &Expr,
            _: &syn::Pat,
            s: States,
        ) -> (States, States) {
            (s, s)
        }
        fn cond(_: &mut Flow<'_, '_, Self>, _: &Expr, _: States) -> Option<(States, States)> {
            None
        }
        fn bind(_: &mut Flow<'_, '_, Self>, _: &syn::Local, _: &Expr) {}
        fn mac(_: &mut Flow<'_, '_, Self>, _: &syn::Macro, _: States) -> Option<States> {
            None
        }
        fn came_round(states: States) -> States {
            states
        }
        fn bounded_while(_: &Expr) -> bool {
            false
        }
    }

    /// The states at the end of `body` (a block's statements).
    fn end(body: &str) -> States {
        let src = format!("fn f() {{ {body} }}");
        let file: syn::File = syn::parse_str(&src).unwrap();
        let ctx = FileContext::new(&file, &src);
        let syn::Item::Fn(f) = &file.items[0] else {
            unreachable!()
        };
        Flow::new(&ctx, Waits, 1000).block(&f.block.stmts, NOT_YET)
    }

    #[test]
    fn conditions_short_circuit() {
        // `wait()` runs only when `a()` holds: the other path has not waited.
        assert_eq!(end("if a() && wait() {}"), NOT_YET | WAITED);
        assert_eq!(end("if wait() || a() {}"), WAITED);
        assert_eq!(end("if !true { wait(); }"), NOT_YET);
        assert_eq!(end("if true { wait(); }"), WAITED);
    }

    #[test]
    fn loops_breaks_returns_and_deferred_code() {
        assert_eq!(end("loop { if a() { break; } wait(); }"), NOT_YET | WAITED);
        assert_eq!(end("loop { wait(); if a() { break; } }"), WAITED);
        assert_eq!(end("if a() { return; } wait();"), WAITED);
        assert_eq!(end("let c = || wait(); let f = async { wait() };"), NOT_YET);
        assert_eq!(end("match x { 1 => wait(), _ => () }"), NOT_YET | WAITED);
        assert_eq!(end("tokio::join!(a(), wait());"), WAITED);
    }
}
