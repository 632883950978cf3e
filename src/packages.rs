//! Test-support packages: a package whose whole code is test code.
//!
//! A file belongs to the package of the nearest `Cargo.toml` above it that
//! has a `[package]` table. That package is test support when its name ends
//! in `test`, `tests`, `testing`, `test-utils` or `test-support` (after a
//! `-` or `_`, or as the whole name: `acme-test-utils`, `integration_tests`,
//! but not `latest`), or when the configuration lists it in `test_packages`.
//! (Packages that the rest of a workspace uses only as a dev-dependency are
//! test support too; that needs the workspace's members and is left to the
//! crate model.)

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Name endings that make a package test support.
const TEST_SUFFIXES: &[&str] = &["test", "tests", "testing", "test-utils", "test-support"];

/// Whether a package named `name` is test support by its name.
pub fn is_test_support_name(name: &str) -> bool {
    let name = name.replace('_', "-");
    TEST_SUFFIXES
        .iter()
        .any(|suffix| name == *suffix || name.ends_with(&format!("-{suffix}")))
}

/// The package names of directories, looked up once each.
#[derive(Debug, Default)]
pub struct PackageNames {
    /// Directory → the name of the package whose `Cargo.toml` is in it or
    /// above it, if any.
    by_dir: HashMap<PathBuf, Option<String>>,
}

impl PackageNames {
    /// The name of the package `file` belongs to, if a `Cargo.toml` with a
    /// `[package]` table is found above it.
    pub fn package_of(&mut self, file: &Path) -> Option<String> {
        let dir = file.parent()?;
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        self.package_of_dir(dir)
    }

    fn package_of_dir(&mut self, dir: &Path) -> Option<String> {
        if let Some(known) = self.by_dir.get(dir) {
            return known.clone();
        }
        let name = match package_name(&dir.join("Cargo.toml")) {
            Some(name) => Some(name),
            None => {
                // `Path::parent` of a relative path ends at ""; go on from the
                // absolute path so that a package above the working directory
                // is found too.
                let parent = match dir.parent() {
                    Some(p) if !p.as_os_str().is_empty() => Some(p.to_path_buf()),
                    _ => std::fs::canonicalize(dir)
                        .ok()
                        .and_then(|abs| abs.parent().map(Path::to_path_buf)),
                };
                parent.and_then(|p| self.package_of_dir(&p))
            }
        };
        self.by_dir.insert(dir.to_path_buf(), name.clone());
        name
    }
}

/// The `package.name` of the manifest at `path`, if it is readable and has one.
fn package_name(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let doc = toml::de::DeTable::parse(&text).ok()?;
    doc.get_ref()
        .get("package")?
        .get_ref()
        .as_table()?
        .get("name")?
        .get_ref()
        .as_str()
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for yes in [
            "acme-test",
            "acme_tests",
            "acme-testing",
            "acme-test-utils",
            "acme_test_utils",
            "acme-test-support",
            "tests",
            "test-utils",
        ] {
            assert!(is_test_support_name(yes), "{yes}");
        }
        for no in [
            "latest",
            "contest",
            "acme",
            "testify",
            "test-data-gen",
            "attest",
        ] {
            assert!(!is_test_support_name(no), "{no}");
        }
    }

    #[test]
    fn nearest_manifest_with_a_package() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("Cargo.toml"), "[workspace]\nmembers = [\"*\"]\n").unwrap();
        std::fs::create_dir_all(root.join("fixtures-test-utils/src/deep")).unwrap();
        std::fs::write(
            root.join("fixtures-test-utils/Cargo.toml"),
            "[package]\nname = \"fixtures-test-utils\"\n",
        )
        .unwrap();
        let mut names = PackageNames::default();
        let file = root.join("fixtures-test-utils/src/deep/a.rs");
        assert_eq!(
            names.package_of(&file).as_deref(),
            Some("fixtures-test-utils")
        );
        assert_eq!(names.package_of(&root.join("b.rs")), None);
    }
}
