#!/usr/bin/env bash
# The GitHub Action's steps (action.yml runs them; tests/action.rs runs them
# here with a fake GitHub environment).
#
#   scripts/action.sh install   installs leaklint unless the right one is on PATH:
#                               cargo binstall when cargo-binstall is there (pre-built,
#                               seconds), else cargo install --locked (compiles)
#   scripts/action.sh run       lints INPUT_PATHS with INPUT_ARGS in INPUT_FORMAT
#
# Inputs (environment): INPUT_VERSION (`latest` or a version such as 0.1.0),
# INPUT_PATHS and INPUT_ARGS (split on whitespace), INPUT_FORMAT (`github`:
# annotations, the step fails on findings; `sarif`: written to
# INPUT_SARIF_FILE for upload, the step fails only if leaklint could not run),
# INPUT_SARIF_FILE. Outputs (appended to GITHUB_OUTPUT): exit-code, and
# sarif-file with the SARIF format.
set -euo pipefail

version="${INPUT_VERSION:-latest}"
format="${INPUT_FORMAT:-github}"
sarif_file="${INPUT_SARIF_FILE:-leaklint.sarif}"
output="${GITHUB_OUTPUT:-/dev/null}"

install() {
    if command -v leaklint >/dev/null 2>&1; then
        installed="$(leaklint --version | awk '{print $2}')"
        if [ "$version" = latest ] || [ "$version" = "$installed" ]; then
            echo "leaklint $installed is installed: $(command -v leaklint)"
            return 0
        fi
    fi
    local spec=leaklint version_args=()
    if [ "$version" != latest ]; then
        spec="leaklint@$version"
        version_args=(--version "$version")
    fi
    if command -v cargo-binstall >/dev/null 2>&1; then
        echo "installing $spec with cargo binstall"
        cargo binstall --no-confirm --locked "$spec"
    else
        echo "installing $spec with cargo install --locked"
        cargo install --locked leaklint ${version_args[@]+"${version_args[@]}"}
    fi
    leaklint --version
}

run() {
    local paths=() args=()
    read -r -a paths <<<"${INPUT_PATHS:-.}"
    read -r -a args <<<"${INPUT_ARGS:-}"
    [ ${#paths[@]} -gt 0 ] || paths=(.)
    local status=0
    case "$format" in
        github)
            leaklint --format github ${args[@]+"${args[@]}"} -- "${paths[@]}" || status=$?
            echo "exit-code=$status" >>"$output"
            return "$status"
            ;;
        sarif)
            leaklint --format sarif ${args[@]+"${args[@]}"} -- "${paths[@]}" >"$sarif_file" || status=$?
            echo "exit-code=$status" >>"$output"
            echo "sarif-file=$sarif_file" >>"$output"
            if [ "$status" -ge 2 ]; then
                echo "::error title=leaklint::leaklint could not run (exit status $status)"
                return "$status"
            fi
            echo "wrote $sarif_file (leaklint exit status $status); upload it with github/codeql-action/upload-sarif"
            ;;
        *)
            echo "::error title=leaklint::unknown format '$format' (github or sarif)"
            return 2
            ;;
    esac
}

case "${1:-}" in
    install) install ;;
    run) run ;;
    *)
        echo "usage: $0 install|run" >&2
        exit 2
        ;;
esac
