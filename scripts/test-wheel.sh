#!/usr/bin/env bash
# Builds the PyPI wheel (pyproject.toml: maturin, `bin` bindings), installs
# it in a fresh virtual environment and runs the installed leaklint.
# Everything stays under target/: maturin in target/wheel-build-venv, the
# wheel in target/wheels/, the fresh environment in target/wheel-test-venv.
#
#   scripts/test-wheel.sh [--profile PROFILE]
#
# The release wheel uses the `dist` profile (pyproject.toml); CI passes
# `--profile dev`, which reuses the test build (the packaging is the same,
# the compile is minutes shorter). If maturin cannot be installed (no
# network), the check is skipped with a message and exit status 0.
set -euo pipefail
cd "$(dirname "$0")/.."

profile_args=()
if [ "${1:-}" = --profile ]; then
    profile_args=(--profile "$2")
fi

build_venv=target/wheel-build-venv
if [ ! -x "$build_venv/bin/maturin" ]; then
    rm -rf "$build_venv"
    if ! { python3 -m venv "$build_venv" && "$build_venv/bin/pip" install --quiet 'maturin>=1.5,<2'; }; then
        echo "SKIPPED: the wheel check (maturin could not be installed from PyPI)"
        rm -rf "$build_venv"
        exit 0
    fi
fi

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"
rm -rf target/wheels
"$build_venv/bin/maturin" build --quiet --locked ${profile_args[@]+"${profile_args[@]}"} --out target/wheels
wheel="$(ls target/wheels/leaklint-"$version"-*.whl)"
echo "built $wheel"

test_venv=target/wheel-test-venv
rm -rf "$test_venv"
python3 -m venv "$test_venv"
"$test_venv/bin/pip" install --quiet --no-index "$wheel"

got="$("$test_venv/bin/leaklint" --version)"
if [ "$got" != "leaklint $version" ]; then
    echo "FAILED: the installed leaklint --version printed '$got', not 'leaklint $version'" >&2
    exit 1
fi
"$test_venv/bin/cargo-leaklint" leaklint --version >/dev/null
# The installed binary lints: silent on the fixed demo, findings on the leaky one.
"$test_venv/bin/leaklint" demo/fixed
status=0
"$test_venv/bin/leaklint" --format json demo/leaky >/dev/null || status=$?
if [ "$status" != 1 ]; then
    echo "FAILED: the installed leaklint exited $status on demo/leaky, not 1" >&2
    exit 1
fi
echo "wheel OK: $got installed from $(basename "$wheel")"
