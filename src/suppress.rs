//! Suppression comments.
//!
//! * `// leaklint: allow(rule_a, rule_b) reason` suppresses those rules'
//!   findings that start on the comment's line, and, when the comment is
//!   alone on its line (or follows only attributes: `#[allow(x)] //
//!   leaklint: …`), on the line directly below it (or below the attribute
//!   lines that follow it: `#[cfg(unix)]` before a statement).
//! * `// leaklint: allow-file(rule) reason`, anywhere, suppresses the rules
//!   in the whole file.
//!
//! Only a plain line comment whose text starts with `leaklint:` is a
//! directive: doc comments, block comments, string contents and prose that
//! merely mentions leaklint are not. A directive that suppresses nothing,
//! names an unknown rule, or is malformed is reported as
//! `unused_suppression`; one without a reason as `suppression_without_reason`
//! (when that rule is on). The driver's own findings cannot be suppressed.

use std::collections::{BTreeMap, HashSet};

use leaklint_lints::{Finding, Level, Position, Span};

use crate::config::Config;
use crate::lexer::{self, for_each_comment_and_literal, TokenKind};
use crate::outcome::{Diagnostic, FileResult, PendingSuppression};
use crate::rules::{self, SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION};
use crate::suggest::hint;
use crate::text::line_column;

/// One `// leaklint: …` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The comment, from `//` to the end of its line.
    pub span: Span,
    /// Whether nothing but whitespace, or outer attributes that belong to
    /// the code below (`#[allow(unused)] // leaklint: …`), precedes the
    /// comment on its line: then it applies to the line below as well.
    pub own_line: bool,
    /// `allow-file(…)` rather than `allow(…)`.
    pub file_wide: bool,
    /// The rules named, in order; empty when malformed.
    pub rules: Vec<String>,
    /// The text after the rule list, if any.
    pub reason: Option<String>,
    /// The comment starts with `leaklint: allow` but is not a valid directive.
    pub malformed: bool,
}

/// Every directive in `text`, in order.
pub fn directives(text: &str) -> Vec<Directive> {
    if !text.contains("leaklint:") {
        return Vec::new();
    }
    line_comments(text)
        .into_iter()
        .filter_map(|(start, end)| parse_directive(text, start, end))
        .collect()
}

fn parse_directive(text: &str, start: usize, end: usize) -> Option<Directive> {
    let body = &text[start + 2..end];
    if body.starts_with('/') || body.starts_with('!') {
        return None; // a doc comment
    }
    let rest = body.trim_start().strip_prefix("leaklint:")?.trim_start();
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let position = |byte: usize| {
        let (line, column) = line_column(text, byte);
        Position { line, column, byte }
    };
    let mut directive = Directive {
        span: Span {
            start: position(start),
            end: position(end),
        },
        own_line: only_attributes(&text[line_start..start]),
        file_wide: false,
        rules: Vec::new(),
        reason: None,
        malformed: false,
    };
    if !rest.starts_with("allow") {
        return None; // prose
    }
    let (file_wide, after) = match rest.strip_prefix("allow-file") {
        Some(after) => (true, after),
        None => (false, &rest["allow".len()..]),
    };
    directive.file_wide = file_wide;
    let parsed = after.trim_start().strip_prefix('(').and_then(|inner| {
        let close = inner.find(')')?;
        let names: Vec<String> = inner[..close]
            .split(',')
            // `spawn-without-cancel` names `spawn_without_cancel`.
            .map(|n| n.trim().replace('-', "_"))
            .collect();
        let valid = names
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_'));
        valid.then_some((names, &inner[close + 1..]))
    });
    match parsed {
        Some((names, reason)) => {
            directive.rules = names;
            let reason = reason
                .trim()
                .trim_start_matches(['-', ':', '—', '–'])
                .trim();
            directive.reason = (!reason.is_empty()).then(|| reason.to_string());
        }
        None => directive.malformed = true,
    }
    Some(directive)
}

/// Byte ranges of the line comments in `text` (from `//` to the end of the
/// line, without a `\r` before the line break).
fn line_comments(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for_each_comment_and_literal(text, |token| {
        if let TokenKind::LineComment { .. } = token.kind {
            let end = if text[..token.end].ends_with('\r') {
                token.end - 1
            } else {
                token.end
            };
            out.push((token.start, end));
        }
    });
    out
}

/// Whether `before` (what precedes a comment on its line) is only
/// whitespace and outer attributes (`#[cfg(unix)] #[allow(x)]`).
fn only_attributes(before: &str) -> bool {
    past_attributes(before, 0) == Some(before.len())
}

/// The first line below `directive` that is not only outer attributes: a
/// directive alone on its line applies down to it (`#[cfg(unix)]` between
/// the comment and the spawn it is about, also one written over several
/// lines). A comment line stops the search.
fn line_after_attributes(text: &str, directive: &Directive) -> usize {
    let line = directive.span.start.line;
    let end = directive.span.end.byte;
    let next_line = text[end..].find('\n').map(|i| end + i + 1);
    let code = next_line.and_then(|start| past_attributes(text, start));
    match code {
        Some(at) if at < text.len() => line_column(text, at).0,
        _ => line + 1,
    }
}

/// The offset of the first token of `text` from `at` on that is not
/// whitespace nor part of an outer attribute (`#[…]`, read by the lexer:
/// a `]` in a string does not close it); `text.len()` when there is none,
/// `None` when an attribute is not closed.
fn past_attributes(text: &str, at: usize) -> Option<usize> {
    let mut tokens = lexer::tokens_from(text, at);
    loop {
        let mut ahead = tokens.clone();
        let Some(token) = ahead.find(|t| t.kind != TokenKind::Whitespace) else {
            return Some(text.len());
        };
        let opens = ahead.clone().find(|t| t.kind != TokenKind::Whitespace);
        if !token.is_punct(text, b'#') || !opens.is_some_and(|t| t.is_punct(text, b'[')) {
            return Some(token.start);
        }
        ahead.find(|t| t.kind != TokenKind::Whitespace);
        ahead.skip_group()?;
        tokens = ahead;
    }
}

/// Removes the diagnostics suppressed by directives in `text` and adds the
/// findings about the directives themselves. `complete` says whether every
/// enabled rule ran over the whole file (no parse error, no rule panicked);
/// otherwise unused directives are not reported; nor are those inside
/// `skipped` code (test code that was not linted).
pub fn apply(
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    pending: &mut Vec<PendingSuppression>,
    complete: bool,
    config: &Config,
    skipped: &[Span],
) {
    let directives = directives(text);
    if directives.is_empty() {
        return;
    }
    let level_of = |name: &str| {
        config
            .lints
            .iter()
            .find(|l| l.lint.name == name)
            .map_or(Level::Allow, |l| l.level)
    };
    let driver_rule = |name: &str| rules::DRIVER_LINTS.iter().any(|l| l.name == name);
    // (d, rule): the rule named in directive d suppressed something.
    let mut used: HashSet<(usize, &str)> = HashSet::new();
    // (d, rule) → the findings waiting for the crate that it applies to:
    // kept until the crate decides them (see `settle`).
    let mut waiting: BTreeMap<(usize, &str), Vec<(&'static str, Span)>> = BTreeMap::new();
    let below: Vec<std::ops::RangeInclusive<usize>> = (directives.iter())
        .map(|d| d.span.start.line + 1..=line_after_attributes(text, d))
        .collect();
    diagnostics.retain(|diagnostic| {
        let finding = &diagnostic.finding;
        if driver_rule(finding.rule) {
            return true;
        }
        let waits = finding.waits_on_crate();
        let line = finding.span.start.line;
        let mut keep = true;
        for (d, directive) in directives.iter().enumerate() {
            let applies = directive.file_wide
                || directive.span.start.line == line
                || (directive.own_line && below[d].contains(&line));
            if !applies {
                continue;
            }
            if let Some(rule) = directive.rules.iter().find(|r| *r == finding.rule) {
                if waits {
                    let found = (finding.rule, finding.span);
                    waiting.entry((d, rule.as_str())).or_default().push(found);
                } else {
                    used.insert((d, rule.as_str()));
                    keep = false;
                }
            }
        }
        keep
    });

    let unused_level = level_of(UNUSED_SUPPRESSION.name);
    let reason_level = level_of(SUPPRESSION_WITHOUT_REASON.name);
    let names = rules::names();
    for (d, directive) in directives.iter().enumerate() {
        let mut report = |rule: &'static str, level: Level, finding: Finding| {
            if level != Level::Allow {
                diagnostics.push(Diagnostic {
                    level,
                    finding: Finding { rule, ..finding },
                });
            }
        };
        let span = directive.span;
        let in_skipped_code = skipped
            .iter()
            .any(|s| s.start.byte <= span.start.byte && span.start.byte < s.end.byte);
        if directive.malformed {
            report(
                UNUSED_SUPPRESSION.name,
                unused_level,
                Finding::new(
                    UNUSED_SUPPRESSION.name,
                    span,
                    "malformed leaklint directive: it suppresses nothing",
                )
                .help("write `// leaklint: allow(rule_a, rule_b) reason` or `// leaklint: allow-file(rule) reason`"),
            );
            continue;
        }
        for rule in &directive.rules {
            let known = rules::find(rule);
            let waits_for = waiting.remove(&(d, rule.as_str()));
            let finding = match known {
                None => Finding::new(
                    UNUSED_SUPPRESSION.name,
                    span,
                    format!("unknown rule `{rule}` in leaklint directive{}", hint(rule, &names)),
                )
                .help("see `leaklint --list-rules` for the rule names"),
                Some(lint)
                    if used.contains(&(d, rule.as_str()))
                        || !complete
                        || in_skipped_code
                        || level_of(lint.name) == Level::Allow =>
                {
                    if let Some(findings) = waits_for {
                        pending.push(PendingSuppression {
                            findings,
                            unused: None,
                        });
                    }
                    continue;
                }
                Some(_) => Finding::new(
                    UNUSED_SUPPRESSION.name,
                    span,
                    if directive.file_wide {
                        format!("`allow-file({rule})` suppresses nothing: no `{rule}` finding in this file")
                    } else {
                        format!("`allow({rule})` suppresses nothing: no `{rule}` finding starts on this line or the next")
                    },
                )
                .help("remove the rule from the directive, or the directive"),
            };
            match waits_for {
                // Unused only if none of the findings it applies to holds.
                Some(findings) => pending.push(PendingSuppression {
                    findings,
                    unused: (unused_level != Level::Allow).then_some(Diagnostic {
                        level: unused_level,
                        finding,
                    }),
                }),
                None => report(UNUSED_SUPPRESSION.name, unused_level, finding),
            }
        }
        if directive.reason.is_none() {
            report(
                SUPPRESSION_WITHOUT_REASON.name,
                reason_level,
                Finding::new(
                    SUPPRESSION_WITHOUT_REASON.name,
                    span,
                    "suppression without a reason",
                )
                .help("say why after the rule list: `// leaklint: allow(rule) why this is fine`"),
            );
        }
    }
}

/// Settles the suppressions of `result`'s findings that waited for the
/// crate, once it has decided them: the findings that hold are suppressed,
/// and a suppression none of whose findings holds is reported as unused.
pub fn settle(result: &mut FileResult) {
    if result.pending_suppressions.is_empty() {
        return;
    }
    for pending in std::mem::take(&mut result.pending_suppressions) {
        let before = result.diagnostics.len();
        result.diagnostics.retain(|d| {
            !(pending.findings.iter())
                .any(|&(rule, span)| d.finding.rule == rule && d.finding.span == span)
        });
        if result.diagnostics.len() == before {
            result.diagnostics.extend(pending.unused);
        }
    }
    result.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    type Summary = (usize, bool, Vec<String>, Option<String>, bool);

    fn rules_of(text: &str) -> Vec<Summary> {
        directives(text)
            .into_iter()
            .map(|d| {
                (
                    d.span.start.line,
                    d.file_wide,
                    d.rules,
                    d.reason,
                    d.malformed,
                )
            })
            .collect()
    }

    #[test]
    fn only_plain_line_comments_starting_with_leaklint_are_directives() {
        let text = r##"
// leaklint: allow(a, b) because
x(); // leaklint: allow-file(c)
/// leaklint: allow(doc)
//! leaklint: allow(doc)
/* leaklint: allow(block) */
let s = "// leaklint: allow(string)";
let r = r#"// leaklint: allow(raw) "# ;
let c = '"'; // leaklint: allow(after_char)
// we could tell leaklint: allow(prose) here
// leaklint: this is not a directive
// leaklint: allow spawn_without_cancel
fn f<'a>(x: &'a str) {} // leaklint:allow(lifetime)
"##;
        let s = |v: &str| v.to_string();
        assert_eq!(
            rules_of(text),
            vec![
                (2, false, vec![s("a"), s("b")], Some(s("because")), false),
                (3, true, vec![s("c")], None, false),
                (9, false, vec![s("after_char")], None, false),
                (12, false, vec![], None, true),
                (13, false, vec![s("lifetime")], None, false),
            ]
        );
    }
}
