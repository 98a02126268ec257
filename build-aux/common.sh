# Sourced by build-aux/run and build-aux/test: finding the tree and
# installing whatever Debian packages are missing.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Prints the packages listed in build-aux/packages for the given purposes.
packages_for() {
  local purpose
  for purpose in "$@"; do
    sed -n "s/^$purpose: *//p" "$top/build-aux/packages"
  done | tr ' ' '\n' | sed '/^$/d' | sort -u
}

# Installs the packages that are not installed yet, with apt-get.
ensure_packages() {
  local missing=() pkg
  for pkg in $(packages_for "$@"); do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' \
      || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  echo "Installing missing packages: ${missing[*]}" >&2
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
      echo "Please install as root: apt-get install ${missing[*]}" >&2
      exit 1
    }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# Configures (once) and builds a build folder; extra arguments go to meson setup.
build_in() {
  local dir=$1; shift
  if [[ ! -f $dir/build.ninja ]]; then
    meson setup "$dir" "$top" "$@"
  else
    meson configure "$dir" "$@" >/dev/null
  fi
  meson compile -C "$dir"
}
