#!/usr/bin/env bash
# Clones HEAD into an empty temporary folder with nothing beside it and runs the README's two commands there (the
# local send with the embedded defaults, then the whole test command), as a new user would. Fails on any failure, so
# that nothing the project needs from outside itself (a file beside the checkout, a tool installed by hand) goes unseen.
# Usage: tools/check-fresh-clone.sh [--keep]   (--keep leaves the clone for a look afterwards)
set -euo pipefail
root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
keep=${1:-}

work=$(mktemp -d /tmp/snalert-fresh-clone.XXXXXX)
[ "$keep" = "--keep" ] || trap 'rm -rf "$work"' EXIT
clone="$work/ServiceNowAlert"
git clone --quiet --no-local "$root" "$clone"
echo "check-fresh-clone: cloned $(git -C "$clone" rev-parse --short HEAD) into $clone (nothing beside it: $(find "$work" -mindepth 1 -maxdepth 1 -printf '%f '))"

# The README's commands are the first line of each of its first two ```sh blocks: the main job, then the tests.
mapfile -t commands < <(awk '/^```sh$/ { inside = 1; block++; next } /^```$/ { inside = 0 } inside && !taken[block] { print; taken[block] = 1 }' "$clone/README.md" | head -2)
[ "${#commands[@]}" -eq 2 ] || { echo "check-fresh-clone: README.md does not show two commands in \`\`\`sh blocks" >&2; exit 1; }
[ "${commands[1]}" = "./test.sh" ] || { echo "check-fresh-clone: README's second command is '${commands[1]}', not ./test.sh" >&2; exit 1; }
grep -qx './test.sh' "$clone/.ci/run" || { echo "check-fresh-clone: .ci/run does not call ./test.sh" >&2; exit 1; }

cd "$clone"
for command in "${commands[@]}"; do
  echo "check-fresh-clone: \$ $command"
  bash -c "$command" || { echo "check-fresh-clone: FAILED: $command" >&2; exit 1; }
done
ls outbox/*.eml >/dev/null 2>&1 || { echo "check-fresh-clone: FAILED: the main job wrote no .eml to outbox/" >&2; exit 1; }
echo "check-fresh-clone: passed ($clone)"
