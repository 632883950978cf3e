//! The lexical scan of `mod` declarations gives what the parser's reading
//! gives, or gives up and leaves the file to the parser.
//!
//! Every source below is read both ways; `LEAKLINT_CORPUS` names a tree
//! (e.g. `LEAKLINT_CORPUS=/tmp/corpus/top`) whose every Rust file is
//! compared too.

use leaklint::mod_scan::module_decls;
use leaklint_lints::context::modules::{self, ModDecl};

/// The parser's reading of `src`.
fn parsed(src: &str) -> Vec<ModDecl> {
    modules::module_decls(&syn::parse_file(src).unwrap())
}

/// Asserts the scan agrees with the parser on `src`, and that it did not
/// give up.
fn agrees(src: &str) -> Vec<ModDecl> {
    let scanned = module_decls(src).unwrap_or_else(|| panic!("the scan gave up on:\n{src}"));
    assert_eq!(scanned, parsed(src), "on:\n{src}");
    scanned
}

#[test]
fn plain_declarations_in_order_with_lines() {
    let found = agrees("mod a;\npub mod b;\nmod c { fn f() {} }\npub(crate) mod r#type;\npub(in crate::x) mod d;\n");
    let names: Vec<&str> = found.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "type", "d"]);
    assert_eq!(found[2].line, 4);
}

#[test]
fn inline_modules_paths_and_test_attributes() {
    agrees("mod a {\n    mod b;\n    #[path = \"dir\"]\n    mod c {\n        #[path = \"x.rs\"]\n        mod d;\n    }\n}\n");
    agrees(
        "#[cfg(test)] mod t1;\n\
         #[cfg(all(test, feature = \"x\"))] mod t2;\n\
         #[cfg(test)] mod inline { mod t3; }\n\
         mod inner_cfg { #![cfg(test)] mod t4; }\n\
         #[cfg(any(test, feature = \"x\"))] mod p1;\n\
         #[cfg(not(test))] mod p2;\n\
         /// A doc comment between the attribute and the item.\n\
         #[cfg_attr(test, path = \"mock.rs\")]\n\
         /// and after it.\n\
         mod p4;\n",
    );
    agrees("#![cfg(test)]\nmod a;\nmod b { mod c; }\n");
    agrees("#![allow(dead_code)]\n#![cfg_attr(docsrs, feature(doc_cfg))]\nmod a;\n");
    agrees(
        "#[cfg_attr(target_os = \"linux\", path = \"sel/epoll.rs\")]\n\
         #[cfg_attr(any(unix, windows), inline, path = \"sel/poll.rs\")]\n\
         #[cfg_attr(unix, allow(dead_code))]\n\
         mod selector;\n",
    );
    agrees(
        "#[path = \"a/b.rs\"] mod one;\n#[path(\"nope\")] mod two;\n#[doc = \"x\"] mod three;\n",
    );
}

#[test]
fn attributes_of_other_items_do_not_carry_over() {
    agrees("#[cfg(test)] fn f() {}\nmod a;\n#[cfg(test)] use x::y;\nmod b;\n#[cfg(test)]\nstruct S { a: u8 }\nmod c;\n#[cfg(test)] const C: [u8; 2] = [1, 2];\nmod d;\n");
}

#[test]
fn bodies_are_not_modules() {
    agrees("fn f() { mod x { } }\nmacro_rules! m { () => { mod y; } }\nmacro_rules! n { mod w; }\nmod z;\n");
    agrees("impl S { fn f(&self) { let m = 1; } }\nstatic X: Lazy<u8> = Lazy::new(|| { 1 });\nmod z;\n");
    agrees("info!(\"mod not_a_module;\");\nlazy_static! { static ref X: u8 = 1; }\n// mod commented;\n/* mod blocked; */\nmod real;\n");
    agrees("impl !Send for X {}\nmod after;\n");
}

#[test]
fn macros_that_may_declare_modules_are_left_to_the_parser() {
    for src in [
        "cfg_if::cfg_if! {\n if #[cfg(unix)] { mod unix; }\n else { mod other; }\n}\n",
        "cfg_rt! {\n    pub mod runtime;\n}\n",
        "gate! { #![cfg(test)] mod fixtures; }\n",
    ] {
        assert_eq!(module_decls(src), None, "on:\n{src}");
    }
}

#[test]
fn text_without_the_word_is_not_lexed() {
    assert_eq!(module_decls("fn main() {}"), Some(Vec::new()));
}

#[test]
fn broken_text_is_left_to_the_parser() {
    assert_eq!(module_decls("mod a { mod b;"), None);
    assert_eq!(module_decls("mod a; }"), None);
    assert_eq!(module_decls("mod ;"), None);
}

/// Every file of the corpus: where the scan answers, it answers as the parser does.
#[test]
fn corpus_files_agree() {
    let Some(root) = std::env::var_os("LEAKLINT_CORPUS") else {
        eprintln!("note: LEAKLINT_CORPUS is not set; skipping the corpus comparison");
        return;
    };
    let (mut compared, mut gave_up) = (0, 0);
    for entry in ignore::WalkBuilder::new(root).build().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(file) = syn::parse_file(&text) else {
            continue;
        };
        match leaklint::mod_scan::file_items(&text) {
            Some(scanned) => {
                let parsed = leaklint::mod_scan::file_items_of(&file);
                assert_eq!(scanned, parsed, "{}", path.display());
                compared += 1;
            }
            None => gave_up += 1,
        }
    }
    eprintln!("{compared} files agree, {gave_up} left to the parser");
    assert!(compared > 0);
}

/// The scan's and the parser's reading of what `src`'s items tell the
/// crate (its `pub use` names and `#[macro_use]` crates) agree.
fn items_agree(src: &str) -> leaklint::mod_scan::FileItems {
    let scanned = leaklint::mod_scan::file_items(src)
        .unwrap_or_else(|| panic!("the scan gave up on:\n{src}"));
    let parsed = leaklint::mod_scan::file_items_of(&syn::parse_file(src).unwrap());
    assert_eq!(scanned, parsed, "on:\n{src}");
    scanned
}

#[test]
fn pub_use_items_and_macro_use_crates() {
    let items = items_agree(
        "#[macro_use]\nextern crate scopeguard;\nextern crate log;\n\
         pub use tokio::spawn;\n\
         pub(crate) use crossbeam_channel::{unbounded as queue, bounded, self as cb};\n\
         pub use ::tokio::time::interval;\n\
         use std::fs::read;\n\
         pub use tokio::sync::*;\n\
         mod m { pub use flume::unbounded; fn f() { pub use x::y; } }\n\
         #[cfg(test)] mod tests { pub use tokio::test_only; }\n\
         pub mod n;\n",
    );
    assert_eq!(
        names_bound(&items),
        [
            (String::new(), "spawn", "tokio::spawn", true),
            (String::new(), "queue", "crossbeam_channel::unbounded", true),
            (String::new(), "bounded", "crossbeam_channel::bounded", true),
            (String::new(), "cb", "crossbeam_channel", true),
            (String::new(), "interval", "::tokio::time::interval", true),
            // A file with a module file: its children see its imports.
            (String::new(), "read", "std::fs::read", false),
            ("m".to_string(), "unbounded", "flume::unbounded", true),
        ]
    );
    assert_eq!(items.macro_use, ["scopeguard"]);
    assert_eq!(items.decls.len(), 1);
}

/// (inline parents, name, target, whether `pub`) of each name `items` bind.
fn names_bound(items: &leaklint::mod_scan::FileItems) -> Vec<(String, &str, &str, bool)> {
    items
        .reexports
        .iter()
        .map(|r| {
            (
                r.inline_parents.join("::"),
                r.name.as_str(),
                r.target.as_str(),
                r.public,
            )
        })
        .collect()
}

#[test]
fn private_uses_are_kept_only_where_a_child_module_file_sees_them() {
    // No module file, or only a test one: nothing sees its imports.
    for src in [
        "use std::fs::read;\npub use tokio::spawn;\nmod inline { use std::fs::write; }\n",
        "use std::fs::read;\npub use tokio::spawn;\n#[cfg(test)]\nmod tests;\n",
    ] {
        let items = items_agree(src);
        assert_eq!(
            names_bound(&items),
            [(String::new(), "spawn", "tokio::spawn", true)],
            "{src}"
        );
    }
    let items = items_agree(
        "use tokio::sync::mpsc::{self, unbounded_channel};\n\
         mod outer { use flume::bounded; mod child; }\n\
         #[cfg(test)] mod tests { use std::fs::read; }\n\
         fn f() { use std::fs::write; }\n\
         use crate::util::Config;\nuse self::outer::Thing;\n",
    );
    assert_eq!(
        names_bound(&items),
        [
            (String::new(), "mpsc", "tokio::sync::mpsc", false),
            (
                String::new(),
                "unbounded_channel",
                "tokio::sync::mpsc::unbounded_channel",
                false
            ),
            ("outer".to_string(), "bounded", "flume::bounded", false),
        ]
    );
}

#[test]
fn macro_use_counts_only_at_the_top_of_the_file() {
    let items = items_agree("mod inner {\n    #[macro_use]\n    extern crate scopeguard;\n}\n");
    assert!(items.macro_use.is_empty());
}
