#!/usr/bin/env bash
# Lints every BPMN process in processes/ with bpmnlint's recommended rules
# (configuration: .bpmnlintrc at the project root).
# Run from the project root after `npm ci` in tools/bpmnlint; Maven does both in `verify`.
# Exits non-zero on any error or warning.
set -euo pipefail

root_dir="$(pwd)"
bpmnlint="${root_dir}/tools/bpmnlint/node_modules/.bin/bpmnlint"
config="${root_dir}/.bpmnlintrc"

if [[ ! -f "${config}" || ! -d "${root_dir}/processes" ]]; then
  echo "lint.sh: run me from the project root (no .bpmnlintrc or processes/ in ${root_dir})" >&2
  exit 2
fi
if [[ ! -x "${bpmnlint}" ]]; then
  echo "lint.sh: ${bpmnlint} not found; run 'npm ci' in tools/bpmnlint first" >&2
  exit 2
fi

shopt -s nullglob
files=(processes/*.bpmn)
shopt -u nullglob
if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint.sh: no processes/*.bpmn to lint" >&2
  exit 2
fi

echo "bpmnlint $("${bpmnlint}" --version), config ${config#"${root_dir}/"}:"
printf '  linting %s\n' "${files[@]}"

# --max-warnings=0: a single warning fails the build, like an error.
if "${bpmnlint}" --config "${config}" --max-warnings=0 "${files[@]}"; then
  echo "bpmnlint: ${#files[@]} file(s) clean (0 errors, 0 warnings)"
else
  status=$?
  echo "bpmnlint: problems found (exit ${status})" >&2
  exit "${status}"
fi
