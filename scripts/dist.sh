#!/usr/bin/env bash
# Builds the release archive that `cargo binstall leaklint` downloads (see
# [package.metadata.binstall] in Cargo.toml): the `dist` profile's binaries
# in leaklint-<target>/ inside leaklint-<target>.tar.gz, under target/dist/.
# Upload the archive to the GitHub release `v<version>`.
#
#   scripts/dist.sh [TARGET]      (default: the host)
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-$(rustc -vV | sed -n 's/^host: //p')}"
cargo build --locked --profile dist --target "$target" --bin leaklint --bin cargo-leaklint

name="leaklint-$target"
out="target/dist/$name"
rm -rf "$out" "$out.tar.gz"
mkdir -p "$out"
exe=""
case "$target" in *windows*) exe=".exe" ;; esac
for bin in leaklint cargo-leaklint; do
    cp "target/$target/dist/$bin$exe" "$out/"
done
cp README.md LICENSE-MIT LICENSE-APACHE "$out/"
tar -C target/dist -czf "$out.tar.gz" "$name"
ls -l "$out/leaklint$exe" "$out.tar.gz"
