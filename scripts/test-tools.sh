# Sourced by ./klantportaal test: the system tools the tests read their outputs with, installed from
# Debian's packages when missing (root with apt-get), else a clear message and a failing run.
#   poppler-utils  pdftotext and pdfinfo: the second, independent reader of the report PDFs
#                  (the first is PDFBox, from Maven)

require_debian_tool() {
  local tool="$1" package="$2" why="$3"
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $package ($why) ..."
    if ! apt-get install -y -qq "$package" < /dev/null >/dev/null 2>&1; then
      apt-get update -qq < /dev/null >/dev/null 2>&1 && apt-get install -y -qq "$package" < /dev/null >/dev/null 2>&1
    fi
  fi
  command -v "$tool" >/dev/null 2>&1 || {
    echo "test: $tool is missing and could not be installed: install the Debian package $package ($why)." >&2; return 2; }
}

install_test_tools() {
  require_debian_tool pdftotext poppler-utils "the second reader of the report PDFs"
}
