//! The fns of a crate that may be spawn wrappers, read from tokens.
//!
//! A spawn wrapper hands one of its parameters to a spawn call
//! (`fn detach(fut: F) { tokio::spawn(fut); }`), so a call of it starts a
//! task whatever the wrapper is called. The rules know a call as one by the
//! callee's name: it says `spawn`, or it is one of the crate's names found
//! here. The crate pass then decides, from the wrapper's parsed body,
//! whether the call really is a spawn call (its handle dropped, the
//! parameter spawned as written): these names only let the rules ask, and
//! let the pre-filter read a file that calls `bg::detach(async { … })`
//! without spelling `spawn` itself.
//!
//! The scan is lexical: a fn whose body has a call whose name contains
//! `spawn` with one of the fn's parameters as a whole argument (or a `let`
//! bound to one), as written or through what does not change what runs:
//! `fut`, `f()`, `fut.instrument(span)`, `Box::pin(fut)`, `async move {
//! fut.await }`. A parameter only mentioned in the argument
//! (`spawn_blocking(move || fs::read(path))`) does not make a wrapper. A
//! fn that hands its parameter so to a wrapper of the same file
//! (`fn outer(f: F) { detach(f); }`, or as the body's tail, `{ detach(f)
//! }`: a wrapper returns no handle) is one too; one that hands it to a
//! wrapper of another file, both named otherwise, is found by the crate
//! from each file's [`scan`] (fns whose signature takes a future or
//! closure, with the names of the calls they hand a parameter to).
//! The crate adds the names a `use … as …` gives a wrapper, or a fn whose
//! name says `spawn` (`pub use rt::spawn_detached as detach;`): its
//! callers call it by that name.

use std::collections::BTreeSet;
use std::sync::Arc;

use leaklint_lints::context::paths::TRANSPARENT_FUTURE_METHODS;

use crate::lexer::{self, TokenKind};
use crate::name_search::{NameSearch, Spelling};
use leaklint_lints::context::crate_names::InCrate;

/// How many `use … as …` renames of a wrapper in a row the crate follows
/// (`pub use bg::detach as background;`, then `pub use crate::background
/// as go;`).
pub const MAX_RENAMES: usize = 4;

/// The names of the fns of `text` that may be spawn wrappers (see the
/// module documentation), in order, each once; empty when `text` does not
/// spell `spawn`.
pub fn wrapper_names(text: &str) -> Vec<String> {
    match says_spawn(text) {
        true => names_in(&tokens(text)),
        false => Vec::new(),
    }
}

/// [`wrapper_names`] and the fns that hand a task on ([`forwarders_in`])
/// of `text`, which is lexed once, and only when it spells `spawn` or may
/// name a future or closure trait.
pub fn scan(text: &str) -> (Vec<String>, Vec<(String, String)>) {
    let (spawns, tasks) = (says_spawn(text), may_take_a_task(text));
    if !spawns && !tasks {
        return (Vec::new(), Vec::new());
    }
    let tokens = tokens(text);
    let names = if spawns {
        names_in(&tokens)
    } else {
        Vec::new()
    };
    let forwarded = if tasks {
        forwarders_in(&tokens)
    } else {
        Vec::new()
    };
    (names, forwarded)
}

/// Whether `text` spells `spawn`: a file that does not has no wrapper of
/// its own.
fn says_spawn(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"spawn").is_some()
}

/// Whether `text` may name a future or closure trait (`Future`, `Fn…`).
fn may_take_a_task(text: &str) -> bool {
    let spells = |word: &str| memchr::memmem::find(text.as_bytes(), word.as_bytes()).is_some();
    spells("Future") || spells("Fn")
}

/// The tokens of `text` that are not whitespace or comments.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    lexer::tokens(text)
        .filter(|t| !t.is_trivia())
        .map(|t| Tok {
            text: &text[t.range()],
            ident: matches!(t.kind, TokenKind::Ident | TokenKind::RawIdent),
        })
        .collect()
}

/// [`wrapper_names`] of a file's tokens.
fn names_in(tokens: &[Tok<'_>]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    // A wrapper of a wrapper of this file (`fn detach_named(n: &str, f: F)
    // { detach(f.instrument(span(n))); }`) is found on the next round, up
    // to four deep as the rules follow them.
    for _ in 0..4 {
        let found = names.len();
        for i in 0..tokens.len() {
            if !(tokens[i].is_ident("fn") && tokens.get(i + 1).is_some_and(|t| t.ident)) {
                continue;
            }
            let name = tokens[i + 1].text.trim_start_matches("r#");
            if names.iter().any(|n| n == name) {
                continue;
            }
            if let Some(true) = spawns_a_parameter(tokens, i + 2, &names) {
                names.push(name.to_string());
            }
        }
        if names.len() == found {
            break;
        }
    }
    names
}

/// The fns of a file's tokens that hand a parameter, a future or a closure by
/// their signature (it names `Future`, `Fn`, `FnOnce` or `FnMut`), to a
/// call of another name not saying `spawn`, as a statement of its own or
/// as the body's tail: `(fn, called name)`, for the crate to find wrappers
/// of wrappers of other files (`fn background(f: F) { crate::detach(f); }`
/// in `health.rs`, `detach` a wrapper of `lib.rs`).
fn forwarders_in(tokens: &[Tok<'_>]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        if !(tokens[i].is_ident("fn") && tokens.get(i + 1).is_some_and(|t| t.ident)) {
            continue;
        }
        // The signature, up to the body or the end of a declaration.
        let signature = tokens[i + 2..]
            .iter()
            .take_while(|t| !t.is("{") && !t.is(";"));
        let takes_a_task = signature.into_iter().any(|t| {
            ["Future", "Fn", "FnOnce", "FnMut"]
                .iter()
                .any(|w| t.is_ident(w))
        });
        if !takes_a_task {
            continue;
        }
        let name = tokens[i + 1].text.trim_start_matches("r#");
        for h in handoffs(tokens, i + 2).into_iter().flatten() {
            if !h.callee.contains("spawn") && h.callee != name && (h.dropped || h.tail) {
                found.push((name.to_string(), h.callee.to_string()));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// One token that is not whitespace or a comment.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    ident: bool,
}

impl Tok<'_> {
    fn is_ident(&self, name: &str) -> bool {
        self.ident && self.text == name
    }

    fn is(&self, punct: &str) -> bool {
        !self.ident && self.text == punct
    }

    fn opens(&self) -> bool {
        self.is("(") || self.is("[") || self.is("{")
    }

    fn closes(&self) -> bool {
        self.is(")") || self.is("]") || self.is("}")
    }
}

/// For the fn whose generics or parameters start at `tokens[at]`: whether
/// its body passes a parameter to a spawn call (a call named `spawn…` or
/// one of `wrappers`); `None` when it has no body or the tokens end first.
fn spawns_a_parameter(tokens: &[Tok<'_>], at: usize, wrappers: &[String]) -> Option<bool> {
    let is_wrapper = |name: &str| wrappers.iter().any(|w| w == name);
    Some(handoffs(tokens, at)?.iter().any(|h| {
        // A wrapper of this file returns no handle: its call may be the
        // body's tail (`fn background(f: F) { detach(f) }`).
        (h.callee.starts_with("spawn") && h.dropped)
            || (is_wrapper(h.callee) && (h.dropped || h.tail))
    }))
}

/// A call to which a fn hands one of its parameters as a whole argument
/// (see [`handoffs`]).
struct Handoff<'a> {
    /// The called fn's or method's name.
    callee: &'a str,
    /// Whether the call is a statement of its own whose result is dropped
    /// ([`handle_dropped`]).
    dropped: bool,
    /// Whether the call is the body's tail, a statement of its own.
    tail: bool,
}

/// For the fn whose generics or parameters start at `tokens[at]`: the
/// calls in its body that are handed one of its parameters as a whole
/// argument (or a `let` bound to one), as written or through what does not
/// change what runs, with no task written in place among the arguments;
/// `None` when it has no body or the tokens end first.
fn handoffs<'a>(tokens: &[Tok<'a>], at: usize) -> Option<Vec<Handoff<'a>>> {
    let mut i = at;
    if tokens.get(i)?.is("<") {
        i = skip_generics(tokens, i)?;
    }
    if !tokens.get(i)?.is("(") {
        return None;
    }
    let params_end = group_end(tokens, i)?;
    let mut aliases: BTreeSet<&str> = parameter_names(&tokens[i + 1..params_end]);
    let mut found = Vec::new();
    if aliases.is_empty() {
        return Some(found);
    }
    // The body: the first `{` after the signature (return type and `where`
    // clause hold no braces); a `;` first is a declaration without one.
    let mut j = params_end + 1;
    loop {
        let t = tokens.get(j)?;
        if t.is(";") {
            return None;
        }
        if t.is("{") {
            break;
        }
        j += 1;
    }
    let body = &tokens[j + 1..group_end(tokens, j)?];
    for (k, t) in body.iter().enumerate() {
        // `let fut = fut.instrument(span);` carries the parameter on.
        if t.is_ident("let") {
            let name = match body.get(k + 1) {
                Some(m) if m.is_ident("mut") => body.get(k + 2),
                other => other,
            };
            if let Some(name) = name.filter(|n| n.ident) {
                let init = body[k + 1..]
                    .iter()
                    .position(|t| t.is("="))
                    .map(|eq| k + 1 + eq + 1);
                if let Some(init) = init {
                    let end = statement_end(body, init);
                    if is_parameter(&body[init..end], &aliases) {
                        aliases.insert(name.text);
                    }
                }
            }
        }
        if !t.ident {
            continue;
        }
        let name = t.text.trim_start_matches("r#");
        let mut open = k + 1;
        // A turbofish: `spawn::<_>(…)`.
        if body.get(open).is_some_and(|t| t.is(":"))
            && body.get(open + 2).is_some_and(|t| t.is("<"))
        {
            open = skip_generics(body, open + 2).unwrap_or(open);
        }
        if !body.get(open).is_some_and(|t| t.is("(")) {
            continue;
        }
        let end = group_end(body, open).unwrap_or(body.len());
        // A task written in place (`spawn_with_cancel(token, async move {
        // … })`) is what runs, whatever else is passed.
        let args: Vec<_> = arguments(&body[open + 1..end]).collect();
        let written_in_place = args.iter().any(|a| {
            a.first()
                .is_some_and(|t| t.is_ident("async") || t.is_ident("move") || t.is("|"))
                && !is_parameter(a, &aliases)
        });
        if written_in_place || !args.iter().any(|arg| is_parameter(arg, &aliases)) {
            continue;
        }
        // The call's path (`crate::tasks::detach`), then the start of a
        // statement.
        let mut start = k;
        while start >= 3
            && body[start - 1].is(":")
            && body[start - 2].is(":")
            && body[start - 3].ident
        {
            start -= 3;
        }
        let tail = end + 1 == body.len()
            && (start == 0 || body[start - 1].is(";") || body[start - 1].is("}"));
        found.push(Handoff {
            callee: name,
            dropped: handle_dropped(body, k, end),
            tail,
        });
    }
    Some(found)
}

/// Whether the spawn call whose name is `body[name]` and whose argument
/// list closes at `body[close]` is a statement of its own, so that its
/// handle is dropped: `tokio::spawn(fut);`, `self.rt.spawn(fut);`,
/// `thread::Builder::new().spawn(f).expect("…");`, `let _ = spawn(fut);`,
/// or perhaps: `let h = spawn(fut);` (the crate pass tells whether `h` is
/// kept) — not `Self { task: spawn(fut) }` or a tail.
fn handle_dropped(body: &[Tok<'_>], name: usize, close: usize) -> bool {
    // After the call: methods on its result (`.detach()`, `.expect(…)`),
    // `?`, then the `;` that ends the statement.
    let mut k = close + 1;
    loop {
        match body.get(k) {
            Some(t) if t.is(";") => break,
            Some(t) if t.is("?") => k += 1,
            Some(t) if t.is(".") && body.get(k + 1).is_some_and(|m| m.ident) => {
                match body.get(k + 2) {
                    Some(open) if open.is("(") => match group_end(body, k + 2) {
                        Some(end) => k = end + 1,
                        None => return false,
                    },
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
    // Before the call: the path or receiver chain it is called on
    // (`tokio::task::`, `self.rt.`, `Builder::new().name(n).`), then the
    // start of a statement.
    let before = |k: usize, n: usize| k.checked_sub(n).and_then(|i| body.get(i));
    let mut k = name;
    loop {
        if before(k, 1).is_some_and(|t| t.is(":")) && before(k, 2).is_some_and(|t| t.is(":")) {
            k -= 2;
        } else if before(k, 1).is_some_and(|t| t.is(".")) {
            k -= 1;
        } else {
            break;
        }
        while before(k, 1).is_some_and(|t| t.is("?")) {
            k -= 1;
        }
        match before(k, 1) {
            Some(t) if t.ident => k -= 1,
            Some(t) if t.is(")") => {
                let Some(open) = group_start(body, k - 1) else {
                    return false;
                };
                k = open;
                if before(k, 1).is_some_and(|t| t.ident) {
                    k -= 1;
                }
            }
            _ => return false,
        }
    }
    match before(k, 1) {
        None => true,
        Some(t) if t.is(";") || t.is("{") || t.is("}") => true,
        // `let _ = spawn(fut);`, or bound to a name (`let h =
        // spawn(fut);`) that may only be looked at or dropped: the crate
        // pass tells from the parsed body.
        Some(t) if t.is("=") => {
            let is_let = |at: usize| before(k, at).is_some_and(|l| l.is_ident("let"));
            before(k, 2).is_some_and(|name| name.ident)
                && (is_let(3) || (before(k, 3).is_some_and(|m| m.is_ident("mut")) && is_let(4)))
        }
        _ => false,
    }
}

/// Whether the tokens of an argument are one of `params` as written
/// (`fut`, `make()`), or through what does not change what runs
/// (`fut.instrument(span)`, `Box::pin(fut)`, `async move { fut.await }`).
fn is_parameter(arg: &[Tok<'_>], params: &BTreeSet<&str>) -> bool {
    let closes_at_end = |open: usize| group_end(arg, open) == Some(arg.len() - 1);
    match arg {
        [one] => one.ident && params.contains(one.text),
        [f, open, close] if open.is("(") && close.is(")") => f.ident && params.contains(f.text),
        // `Box::pin(…)`
        [b, c1, c2, pin, open, inner @ .., _]
            if b.is_ident("Box")
                && c1.is(":")
                && c2.is(":")
                && pin.is_ident("pin")
                && open.is("(")
                && closes_at_end(4) =>
        {
            is_parameter(inner, params)
        }
        // `async move { fut.await }`
        [a, rest @ ..] if a.is_ident("async") => {
            let rest = match rest.first() {
                Some(m) if m.is_ident("move") => &rest[1..],
                _ => rest,
            };
            let [open, inner @ .., close] = rest else {
                return false;
            };
            let inner = match inner.last() {
                Some(semi) if semi.is(";") => &inner[..inner.len() - 1],
                _ => inner,
            };
            open.is("{")
                && close.is("}")
                && group_end(rest, 0) == Some(rest.len() - 1)
                && matches!(inner, [.., dot, w] if dot.is(".") && w.is_ident("await"))
                && is_parameter(&inner[..inner.len() - 2], params)
        }
        // `fut.instrument(span)`: the receiver is the parameter.
        [.., close] if close.is(")") => {
            let Some(open) = group_start(arg, arg.len() - 1).filter(|&k| arg[k].is("(")) else {
                return false;
            };
            open >= 3
                && arg[open - 2].is(".")
                && TRANSPARENT_FUTURE_METHODS
                    .iter()
                    .any(|m| arg[open - 1].is_ident(m))
                && is_parameter(&arg[..open - 2], params)
        }
        _ => false,
    }
}

/// The top-level arguments of the tokens between a call's parentheses.
fn arguments<'t, 'a>(tokens: &'t [Tok<'a>]) -> impl Iterator<Item = &'t [Tok<'a>]> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut cuts = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.opens() {
            depth += 1;
        } else if t.closes() {
            depth = depth.saturating_sub(1);
        } else if t.is(",") && depth == 0 {
            cuts.push(start..k);
            start = k + 1;
        }
    }
    cuts.push(start..tokens.len());
    cuts.into_iter().map(move |r| &tokens[r])
}

/// The names bound by the parameters `params` (between the parentheses):
/// `name: Type` and `mut name: Type` at the top level, `self` aside.
fn parameter_names<'a>(params: &[Tok<'a>]) -> BTreeSet<&'a str> {
    let mut names = BTreeSet::new();
    let mut depth = 0usize;
    for (k, t) in params.iter().enumerate() {
        if t.opens() || t.is("<") {
            depth += 1;
        } else if t.closes() || (t.is(">") && !(k > 0 && params[k - 1].is("-"))) {
            depth = depth.saturating_sub(1);
        }
        let starts = k == 0 || params[k - 1].is(",") || params[k - 1].is_ident("mut");
        let typed = params.get(k + 1).is_some_and(|c| c.is(":"))
            && !params.get(k + 2).is_some_and(|c| c.is(":"));
        if depth == 0 && t.ident && starts && typed && t.text != "self" {
            names.insert(t.text.trim_start_matches("r#"));
        }
    }
    names
}

/// The index just after the `>` that closes the `<` at `tokens[at]` (`->`
/// inside does not close it).
fn skip_generics(tokens: &[Tok<'_>], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(at) {
        if t.is("<") {
            depth += 1;
        } else if t.is(">") && !tokens[k - 1].is("-") {
            depth -= 1;
            if depth == 0 {
                return Some(k + 1);
            }
        } else if t.is("{") || t.is(";") {
            return None;
        }
    }
    None
}

/// The index of the token that opens the group closed at `tokens[at]`
/// (`None` if none closes there, or it is not opened).
fn group_start(tokens: &[Tok<'_>], at: usize) -> Option<usize> {
    if !tokens.get(at)?.closes() {
        return None;
    }
    let mut depth = 0usize;
    for k in (0..=at).rev() {
        if tokens[k].closes() {
            depth += 1;
        } else if tokens[k].opens() {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// The index of the token that closes the group opened at `tokens[at]`
/// (`None` if none opens there, or it is not closed).
fn group_end(tokens: &[Tok<'_>], at: usize) -> Option<usize> {
    if !tokens.get(at)?.opens() {
        return None;
    }
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(at) {
        if t.opens() {
            depth += 1;
        } else if t.closes() {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// The index of the `;` that ends the statement going on at `tokens[at]`
/// (outside groups), or of the token that closes the enclosing group.
fn statement_end(tokens: &[Tok<'_>], at: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(at) {
        if t.opens() {
            depth += 1;
        } else if t.closes() {
            if depth == 0 {
                return k;
            }
            depth -= 1;
        } else if t.is(";") && depth == 0 {
            return k;
        }
    }
    tokens.len()
}

/// The names of a crate's fns that may be spawn wrappers named otherwise
/// than `spawn…` (see the module documentation).
#[derive(Debug)]
pub struct SpawnWrappers {
    names: Arc<BTreeSet<String>>,
    words: Option<NameSearch>,
    /// The names of the libraries of the crate's packages: a package calls
    /// a wrapper of another one through them (`common::task::detach(…)`,
    /// `common::spawn_named(…)`).
    libraries: Vec<String>,
}

/// The names through which a file whose place in its crate is `place`
/// calls fns of the crate's libraries: its package's (in a binary,
/// `app::util::x`), and those of the crate's other packages
/// (`common::spawn_named(…)`, from `wrappers`), each once.
pub fn crate_libraries(place: Option<&InCrate>, wrappers: Option<&SpawnWrappers>) -> Vec<String> {
    let own = place.map_or(&[][..], |k| k.names.libraries.as_slice());
    let others = wrappers.map_or(&[][..], |w| w.libraries());
    let all: BTreeSet<&String> = own.iter().chain(others).collect();
    all.into_iter().cloned().collect()
}

/// Those of `names` that do not say `spawn` (the rules know those by their
/// name).
pub fn named_otherwise(names: impl IntoIterator<Item = String>) -> Arc<BTreeSet<String>> {
    Arc::new(names.into_iter().filter(|n| !n.contains("spawn")).collect())
}

impl SpawnWrappers {
    /// Of these names, but those that say `spawn`.
    pub fn new(names: impl IntoIterator<Item = String>) -> SpawnWrappers {
        let names = named_otherwise(names);
        let words = match names.is_empty() {
            true => None,
            false => NameSearch::new(&names.iter().collect::<Vec<_>>()),
        };
        SpawnWrappers {
            names,
            words,
            libraries: Vec::new(),
        }
    }

    /// These wrappers, of a crate whose packages' libraries go by
    /// `libraries`.
    pub fn in_crate_with_libraries(mut self, libraries: &BTreeSet<String>) -> SpawnWrappers {
        self.libraries = libraries.iter().cloned().collect();
        self
    }

    /// The names the crate's packages' libraries go by.
    pub fn libraries(&self) -> &[String] {
        &self.libraries
    }

    /// The names.
    pub fn names(&self) -> &Arc<BTreeSet<String>> {
        &self.names
    }

    /// Whether `text` may call one of them: it spells one as a word.
    pub fn spelled_in(&self, text: &str) -> bool {
        match &self.words {
            Some(words) => words.any_spelled(text.as_bytes(), Spelling::Mention),
            // Too many names to search for: any may be.
            None => !self.names.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fns_handing_a_task_to_another_call_are_forwarders() {
        let text = r#"
            pub fn background<F: Future<Output = ()>>(fut: F) { crate::detach(fut); }
            pub fn quietly(fut: impl Future<Output = ()>) { background(fut) }
            pub fn with_name<F>(name: &str, f: F) where F: FnOnce() { log(name); run(f) }
            pub fn count(n: u32) { record(n); }
            pub fn spawns<F: Future>(f: F) { spawn_named(f); }
            pub fn kept<F: Future>(f: F) -> Handle { let h = start(f); h }
        "#;
        // Candidates: the crate keeps those whose callee is a wrapper
        // (`log` is handed the name; `start`'s handle is bound, which the
        // crate pass judges). A call saying `spawn` is the file's own scan's.
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            scan(text).1,
            pairs(&[
                ("background", "detach"),
                ("kept", "start"),
                ("quietly", "background"),
                ("with_name", "log"),
                ("with_name", "run"),
            ])
        );
        assert!(scan("fn f(x: u32) { g(x); }").1.is_empty());
    }

    #[test]
    fn fns_that_spawn_a_parameter_are_found() {
        let text = r#"
            pub fn detach<F>(label: &'static str, fut: F)
            where
                F: Future<Output = ()> + Send + 'static,
            {
                tracing::debug!(label);
                tokio::spawn(fut);
            }
            fn run_in_background<F: FnOnce() -> Fut, Fut>(mut make: F) {
                let task = make().instrument(span());
                rt().spawn::<_>(async move { task.await });
            }
            impl Pool {
                pub fn go(&self, job: impl Future<Output = ()>) -> u64 {
                    self.tracker.spawn(Box::pin(job));
                    1
                }
            }
        "#;
        assert_eq!(wrapper_names(text), ["detach", "run_in_background", "go"]);
        let more = r#"
            impl Pool {
                fn later(&self, name: &str, fut: F) {
                    self.rt.spawn(async move { fut.await; });
                }
                fn named(&self, name: String, fut: F) {
                    tokio::task::Builder::new().name(&name).spawn(fut.in_current_span());
                }
            }
        "#;
        assert_eq!(wrapper_names(more), ["later", "named"]);
        // A wrapper of a wrapper of the same file, declared first.
        let twice = r#"
            pub fn detach_named<F>(name: &str, fut: F) { bg::detach(fut.instrument(span(name))); }
            fn detach<F>(fut: F) { tokio::spawn(fut); }
        "#;
        assert_eq!(wrapper_names(twice), ["detach", "detach_named"]);
    }

    #[test]
    fn fns_that_spawn_something_else_are_not() {
        let text = r#"
            fn start(cfg: Config) { tokio::spawn(async { loop {} }); let _ = cfg; }
            fn wait(fut: F) { block_on(fut); }
            fn spawn_it(); // a declaration
            trait T { fn detach(&self, fut: F); }
            fn no_params() { tokio::spawn(work()); }
            fn shadow((a, b): (u8, u8)) { tokio::spawn(async move { a }); }
        "#;
        assert_eq!(wrapper_names(text), Vec::<String>::new());
        assert_eq!(
            wrapper_names("fn detach(fut: F) { run(fut) }"),
            Vec::<String>::new()
        );
        // A parameter only used inside the task is no task handed in.
        let uses = r#"
            pub async fn read(path: PathBuf) -> Vec<u8> {
                spawn_blocking(move || std::fs::read(path)).await.unwrap()
            }
            fn start(cfg: Config) { tokio::spawn(serve(cfg)); }
            fn boxed(fut: F) { tokio::spawn(Box::pin(fut).with(x)); }
            fn read(path: &Path) { read_spawn_blocking(path); }
            fn watch(token: Token) { spawn_with_cancel(token, async move { run().await }); }
        "#;
        assert_eq!(wrapper_names(uses), Vec::<String>::new());
        // The handle kept or returned: not dropped.
        let kept = r#"
            fn new(fut: F) -> Self { Self { task: tokio::spawn(fut) } }
            fn start(fut: F) -> JoinHandle<()> { tokio::spawn(fut) }
            fn push(&mut self, fut: F) { self.tasks.push(tokio::spawn(fut)); }
        "#;
        assert_eq!(wrapper_names(kept), Vec::<String>::new());
        // Bound to a name: the crate pass tells from the parsed body
        // whether the handle is kept (`self.h = h`) or only looked at.
        let bound = r#"
            fn keep(&mut self, fut: F) { let h = tokio::spawn(fut); self.h = h; }
            fn log(fut: F) { let h = tokio::spawn(fut); debug!(id = %h.id()); }
            fn unused(fut: F) { let mut _h = tokio::spawn(fut); }
        "#;
        assert_eq!(wrapper_names(bound), ["keep", "log", "unused"]);
        let dropped = r#"
            fn a(fut: F) { let _ = tokio::spawn(fut); }
            fn b(f: F) { std::thread::Builder::new().name(n()).spawn(f).expect("thread"); }
            fn c(fut: F) -> io::Result<()> { rt()?.spawn(fut); Ok(()) }
            fn d(fut: F) { if ready() { smol::spawn(fut).detach(); } }
        "#;
        assert_eq!(wrapper_names(dropped), ["a", "b", "c", "d"]);
    }

    #[test]
    fn names_saying_spawn_are_left_to_the_rules() {
        let found = SpawnWrappers::new(["spawn_named".to_string(), "detach".to_string()]);
        assert_eq!(found.names().iter().collect::<Vec<_>>(), ["detach"]);
        assert!(found.spelled_in("bg::detach(async {})"));
        assert!(!found.spelled_in("detached(x)"));
        let none = SpawnWrappers::new(["spawn_task".to_string()]);
        assert!(none.names().is_empty() && !none.spelled_in("spawn_task(x); detach(y)"));
    }
}
