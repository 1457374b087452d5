# Sourced by ./mz and .ci/run: exports JAVA_HOME as a JDK >= 21 (the project compiles for Java 21).
# Keeps a suitable JAVA_HOME; otherwise looks where systems keep their JVMs and takes the newest; never a fixed path.

_mz_java_major() { # prints the major version of the JDK at $1, or nothing
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  [ -n "$version" ] || version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

_mz_select_jdk() {
  local wanted=21 best="" best_major=0 home major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(_mz_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$wanted" ]; then return 0; fi
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
              "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    major=$(_mz_java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$wanted" ] && [ "$major" -gt "$best_major" ]; then
      best=$home; best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_mz_java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$wanted" ]; then best=$home; fi
  fi
  if [ -z "$best" ]; then
    echo "Minzheng needs a JDK $wanted or newer and found none (JAVA_HOME, /usr/lib/jvm, /usr/java, /opt/java, SDKMAN)." >&2
    echo "Install one (e.g. Debian: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

_mz_select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
