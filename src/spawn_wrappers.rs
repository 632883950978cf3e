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
//! The scan is lexical and over-approximate: a fn whose body has a call
//! whose name contains `spawn` with one of the fn's parameter names (or a
//! `let` bound from one) among the call's argument tokens. A wrapper of a
//! wrapper named otherwise (`fn outer(f: F) { detach(f) }`) is not found:
//! its callers are read only when they spell `spawn` or a direct wrapper.

use std::collections::BTreeSet;

use crate::lexer::{self, TokenKind};
use crate::name_search::{NameSearch, Spelling};

/// The names of the fns of `text` that may be spawn wrappers (see the
/// module documentation), in order, each once; empty when `text` does not
/// spell `spawn`.
pub fn wrapper_names(text: &str) -> Vec<String> {
    if memchr::memmem::find(text.as_bytes(), b"spawn").is_none() {
        return Vec::new();
    }
    let tokens: Vec<Tok<'_>> = lexer::tokens(text)
        .filter(|t| !t.is_trivia())
        .map(|t| Tok {
            text: &text[t.range()],
            ident: matches!(t.kind, TokenKind::Ident | TokenKind::RawIdent),
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for i in 0..tokens.len() {
        if !(tokens[i].is_ident("fn") && tokens.get(i + 1).is_some_and(|t| t.ident)) {
            continue;
        }
        let name = tokens[i + 1].text.trim_start_matches("r#");
        if names.iter().any(|n| n == name) {
            continue;
        }
        if let Some(true) = spawns_a_parameter(&tokens, i + 2) {
            names.push(name.to_string());
        }
    }
    names
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
/// its body passes a parameter to a spawn call; `None` when it has no body
/// or the tokens end first.
fn spawns_a_parameter(tokens: &[Tok<'_>], at: usize) -> Option<bool> {
    let mut i = at;
    if tokens.get(i)?.is("<") {
        i = skip_generics(tokens, i)?;
    }
    if !tokens.get(i)?.is("(") {
        return None;
    }
    let params_end = group_end(tokens, i)?;
    let mut aliases: BTreeSet<&str> = parameter_names(&tokens[i + 1..params_end]);
    if aliases.is_empty() {
        return Some(false);
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
                    if body[init..end]
                        .iter()
                        .any(|t| t.ident && aliases.contains(t.text))
                    {
                        aliases.insert(name.text);
                    }
                }
            }
        }
        if t.ident && t.text.contains("spawn") {
            let mut open = k + 1;
            // A turbofish: `spawn::<_>(…)`.
            if body.get(open).is_some_and(|t| t.is(":"))
                && body.get(open + 2).is_some_and(|t| t.is("<"))
            {
                open = skip_generics(body, open + 2).unwrap_or(open);
            }
            if body.get(open).is_some_and(|t| t.is("(")) {
                let end = group_end(body, open).unwrap_or(body.len());
                if body[open + 1..end]
                    .iter()
                    .any(|t| t.ident && aliases.contains(t.text))
                {
                    return Some(true);
                }
            }
        }
    }
    Some(false)
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

/// The index of the token that closes the group opened at `tokens[at]`.
fn group_end(tokens: &[Tok<'_>], at: usize) -> Option<usize> {
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
    names: BTreeSet<String>,
    words: Option<NameSearch>,
}

impl SpawnWrappers {
    /// Of these names; `None` when there is none that does not say `spawn`
    /// (those the rules know by their name).
    pub fn new(names: impl IntoIterator<Item = String>) -> Option<SpawnWrappers> {
        let names: BTreeSet<String> = names.into_iter().filter(|n| !n.contains("spawn")).collect();
        if names.is_empty() {
            return None;
        }
        let words = NameSearch::new(&names.iter().collect::<Vec<_>>());
        Some(SpawnWrappers { names, words })
    }

    /// The names.
    pub fn names(&self) -> &BTreeSet<String> {
        &self.names
    }

    /// Whether `text` may call one of them: it spells one as a word.
    pub fn spelled_in(&self, text: &str) -> bool {
        self.words
            .as_ref()
            .is_none_or(|w| w.any_spelled(text.as_bytes(), Spelling::Mention))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn names_saying_spawn_are_left_to_the_rules() {
        let found = SpawnWrappers::new(["spawn_named".to_string(), "detach".to_string()]);
        let found = found.expect("one name does not say spawn");
        assert_eq!(found.names().iter().collect::<Vec<_>>(), ["detach"]);
        assert!(found.spelled_in("bg::detach(async {})"));
        assert!(!found.spelled_in("detached(x)"));
        assert!(SpawnWrappers::new(["spawn_task".to_string()]).is_none());
    }
}
