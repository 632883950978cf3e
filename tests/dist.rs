//! Distribution: the crates' metadata for crates.io, the `dist` profile,
//! the cargo-binstall metadata against the archive `scripts/dist.sh` makes,
//! the wheel's pyproject.toml and the pre-commit hooks file. (Packaging
//! itself, `cargo publish --dry-run --workspace` and the wheel, run in
//! `.ci/run`.)

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value at a dotted `key` as TOML text (strings without quotes).
fn get(text: &str, key: &str) -> Option<String> {
    let doc = DeTable::parse(text).unwrap();
    let mut table = doc.get_ref();
    let parts: Vec<&str> = key.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let value = table.get(*part)?.get_ref();
        if i + 1 == parts.len() {
            return Some(match value {
                DeValue::String(s) => s.to_string(),
                DeValue::Boolean(b) => b.to_string(),
                DeValue::Integer(n) => n.as_str().to_string(),
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|i| i.get_ref().as_str().map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(","),
                DeValue::Table(_) => "{table}".to_string(),
                _ => "?".to_string(),
            });
        }
        table = value.as_table()?;
    }
    None
}

#[test]
fn both_crates_have_full_metadata() {
    let workspace = read(&root().join("Cargo.toml"));
    for (manifest, name) in [
        ("Cargo.toml", "leaklint"),
        ("lints/Cargo.toml", "leaklint-lints"),
    ] {
        let text = read(&root().join(manifest));
        assert_eq!(get(&text, "package.name").as_deref(), Some(name));
        for key in ["description", "readme", "keywords", "categories"] {
            let value = get(&text, &format!("package.{key}"));
            assert!(
                value.is_some_and(|v| !v.is_empty()),
                "{manifest}: package.{key}"
            );
        }
        for key in [
            "license",
            "repository",
            "rust-version",
            "version",
            "edition",
        ] {
            assert!(
                get(&text, &format!("package.{key}")).is_some()
                    && get(&workspace, &format!("workspace.package.{key}")).is_some(),
                "{manifest}: package.{key} (from the workspace)"
            );
        }
        let keywords = get(&text, "package.keywords").unwrap();
        assert!(
            keywords.split(',').count() <= 5,
            "crates.io takes 5 keywords"
        );
        let readme = get(&text, "package.readme").unwrap();
        let dir = Path::new(manifest).parent().unwrap();
        assert!(
            root().join(dir).join(&readme).is_file(),
            "{manifest}: {readme}"
        );
        for license in ["LICENSE-MIT", "LICENSE-APACHE"] {
            assert!(
                root().join(dir).join(license).is_file(),
                "{manifest}: {license}"
            );
        }
    }
    assert_eq!(
        get(&workspace, "workspace.package.repository").as_deref(),
        Some("https://github.com/leaklint/leaklint")
    );
    // The path dependency carries the version crates.io needs.
    let version = get(&workspace, "workspace.package.version").unwrap();
    assert_eq!(
        get(&workspace, "dependencies.leaklint-lints.version"),
        Some(format!("={version}"))
    );
}

#[test]
fn dist_profile_is_stripped_lto_and_keeps_unwinding() {
    let text = read(&root().join("Cargo.toml"));
    assert_eq!(
        get(&text, "profile.dist.inherits").as_deref(),
        Some("release")
    );
    assert_eq!(get(&text, "profile.dist.strip").as_deref(), Some("true"));
    assert_eq!(get(&text, "profile.dist.lto").as_deref(), Some("fat"));
    assert_eq!(
        get(&text, "profile.dist.codegen-units").as_deref(),
        Some("1")
    );
    // The engine catches a panicking rule (catch_unwind): never abort.
    assert_ne!(get(&text, "profile.dist.panic").as_deref(), Some("abort"));
    assert_ne!(
        get(&text, "profile.release.panic").as_deref(),
        Some("abort")
    );
}

/// cargo-binstall's templates, filled in for `target`, name the archive
/// and the binaries `scripts/dist.sh` writes.
#[test]
fn binstall_metadata_matches_the_release_archive() {
    let text = read(&root().join("Cargo.toml"));
    let target = "x86_64-unknown-linux-gnu";
    let fill = |template: &str, bin: &str| {
        template
            .replace("{ repo }", "https://github.com/leaklint/leaklint")
            .replace("{ version }", "0.1.0")
            .replace("{ name }", "leaklint")
            .replace("{ target }", target)
            .replace("{ archive-suffix }", ".tar.gz")
            .replace("{ bin }", bin)
            .replace("{ binary-ext }", "")
    };
    let url = fill(
        &get(&text, "package.metadata.binstall.pkg-url").unwrap(),
        "",
    );
    assert_eq!(
        url,
        format!("https://github.com/leaklint/leaklint/releases/download/v0.1.0/leaklint-{target}.tar.gz")
    );
    assert_eq!(
        get(&text, "package.metadata.binstall.pkg-fmt").as_deref(),
        Some("tgz")
    );
    let bin_dir = get(&text, "package.metadata.binstall.bin-dir").unwrap();
    let script = read(&root().join("scripts/dist.sh"));
    assert!(script.contains(r#"name="leaklint-$target""#));
    assert!(script.contains(r#"tar -C target/dist -czf "$out.tar.gz" "$name""#));
    for bin in ["leaklint", "cargo-leaklint"] {
        assert_eq!(fill(&bin_dir, bin), format!("leaklint-{target}/{bin}"));
        assert!(script.contains(&format!("--bin {bin}")), "{bin}");
    }
    // After `scripts/dist.sh` on this host, the archive itself.
    let host = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        });
    if let Some(host) = host {
        let archive = root().join(format!("target/dist/leaklint-{host}.tar.gz"));
        if archive.is_file() {
            let list = std::process::Command::new("tar")
                .arg("tzf")
                .arg(&archive)
                .output()
                .unwrap();
            let list = String::from_utf8_lossy(&list.stdout);
            for bin in ["leaklint", "cargo-leaklint"] {
                let entry = fill(&bin_dir, bin).replace(target, &host);
                assert!(list.lines().any(|l| l == entry), "{entry} in\n{list}");
            }
        }
    }
}

#[test]
fn pyproject_ships_the_binaries_with_cargo_version() {
    let text = read(&root().join("pyproject.toml"));
    assert_eq!(
        get(&text, "build-system.build-backend").as_deref(),
        Some("maturin")
    );
    assert_eq!(get(&text, "tool.maturin.bindings").as_deref(), Some("bin"));
    assert_eq!(get(&text, "project.name").as_deref(), Some("leaklint"));
    assert_eq!(get(&text, "project.dynamic").as_deref(), Some("version"));
    assert_eq!(get(&text, "tool.maturin.profile").as_deref(), Some("dist"));
}

#[test]
fn pre_commit_hooks_compiling_and_system() {
    let text = read(&root().join(".pre-commit-hooks.yaml"));
    let hooks: Vec<&str> = text.split("\n- id: ").skip(1).collect();
    assert_eq!(hooks.len(), 2, "{text}");
    for (hook, id, language) in [
        (hooks[0], "leaklint", "rust"),
        (hooks[1], "leaklint-system", "system"),
    ] {
        assert!(hook.starts_with(&format!("{id}\n")), "{hook}");
        assert!(
            hook.contains(&format!("\n  language: {language}\n")),
            "{hook}"
        );
        assert!(
            hook.contains("\n  entry: leaklint --force-exclude\n"),
            "{hook}"
        );
        assert!(hook.contains("\n  types: [rust]\n"), "{hook}");
    }
}
