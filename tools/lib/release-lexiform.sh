# Sourced by tools/ scripts (not API). release_lexiform REPO [PATH] prints the
# lexiform binary to use: PATH when given (a build made elsewhere), else it
# builds `swift build -c release --product lexiform` in REPO (progress on
# stderr) and prints REPO/.build/release/lexiform.
release_lexiform() {
  local repo=$1 given=${2:-}
  if [[ -n $given ]]; then
    printf '%s\n' "$given"
    return
  fi
  printf 'building lexiform (swift build -c release --product lexiform)\n' >&2
  (cd "$repo" && swift build -c release --product lexiform) >&2 || return 1
  printf '%s\n' "$repo/.build/release/lexiform"
}
