#!/usr/bin/env bash
# Interop suites against `xous-vault serve` over CTAPHID-over-UDP (tests/interop/README.md):
#   python/    python-fido2 0.9.1 (Debian python3-fido2), raw CTAPHID, CTAP1/CTAP2, Fido2Client + Fido2Server
#   libfido2/  the unmodified fido2-token / fido2-cred / fido2-assert through an LD_PRELOAD shim
# Ends with the line "N passed, N failed" (read by ./xous test) and fails when fewer than the minimum ran.
#
#   XOUS_VAULT_DLL          xous-vault.dll to run (default: the Debug build under $XousArtifacts or artifacts/)
#   XOUS_INTEROP_MINIMUM    fewest tests that must run (default 300)
#   XOUS_INTEROP_KEEP=1     keep the work directory (state dirs, authenticator logs, junit xml)
#   extra arguments         passed to pytest (e.g. -k transport, -x)
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=/usr/bin/python3   # Debian's interpreter: a pyenv python3 on PATH cannot see python3-fido2
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ in the source tree
artifacts=${XousArtifacts:-$root/artifacts/}
configuration=${XOUS_CONFIGURATION:-Debug}
export XOUS_VAULT_DLL=${XOUS_VAULT_DLL:-${artifacts%/}/bin/host/Xous.Vault.Host/$configuration/net10.0/xous-vault.dll}
minimum=${XOUS_INTEROP_MINIMUM:-300}

fail() {
    echo "run.sh: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

for tool in "$python" gcc dotnet setsid fido2-token fido2-cred fido2-assert; do
    command -v "$tool" >/dev/null || fail "$tool not found (Debian: python3-fido2 python3-pytest python3-pytest-timeout libfido2-dev fido2-tools gcc)"
done
for module in fido2 pytest pytest_timeout; do
    "$python" -c "import $module" 2>/dev/null || fail "$python cannot import $module (Debian: python3-fido2 python3-pytest python3-pytest-timeout)"
done
[ -f "$XOUS_VAULT_DLL" ] || fail "XOUS_VAULT_DLL=$XOUS_VAULT_DLL does not exist: build apps/vault/Xous.Vault.Host first"

work=$(mktemp -d "${TMPDIR:-/tmp}/xous-interop.XXXXXX")
if [ -z "${XOUS_INTEROP_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
export XOUS_INTEROP_WORK="$work"
[ -n "${XOUS_INTEROP_KEEP:-}" ] && export XOUS_INTEROP_KEEP

# The LD_PRELOAD shim for the libfido2 CLIs (well under a second).
export XOUS_FIDO2_PRELOAD="$work/libfido2-udp-preload.so"
gcc -Wall -Wextra -Werror -shared -fPIC -o "$XOUS_FIDO2_PRELOAD" \
    "$here/libfido2/udp_preload.c" "$here/libfido2/udp_io.c" -ldl -lfido2 || fail "could not build the libfido2 UDP shim"

junit="$work/interop-junit.xml"
echo "interop: $XOUS_VAULT_DLL"
start=$(date +%s)
(cd "$root" && "$python" -m pytest tests/interop -q -p no:cacheprovider -o junit_family=xunit2 \
    --junitxml="$junit" "$@")
status=$?
elapsed=$(( $(date +%s) - start ))

[ -f "$junit" ] || fail "pytest exited with $status and wrote no junit xml"

# Per-file counts and the totals, from the junit xml.
summary=$("$python" - "$junit" <<'PY'
import collections, sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
per_file = collections.OrderedDict()
for case in tree.iter("testcase"):
    name = case.get("classname") or "?"
    counts = per_file.setdefault(name, [0, 0, 0])
    if case.find("failure") is not None or case.find("error") is not None:
        counts[1] += 1
    elif case.find("skipped") is not None:
        counts[2] += 1
    else:
        counts[0] += 1
for name, (p, f, s) in per_file.items():
    print("  %-48s %4d passed %4d failed %4d skipped" % (name, p, f, s))
print("TOTAL %d %d %d" % tuple(sum(c[i] for c in per_file.values()) for i in range(3)))
PY
)
echo "$summary" | grep -v '^TOTAL'
read -r _ passed failed skipped <<<"$(echo "$summary" | grep '^TOTAL')"
echo "interop suites in ${elapsed} s"
problems=0
if [ "$skipped" -gt 0 ]; then
    echo "run.sh: $skipped tests were skipped; the interop suites never skip (a missing tool is a failure)" >&2
    failed=$((failed + skipped))
fi
ran=$((passed + failed))
if [ "$ran" -lt "$minimum" ]; then
    echo "run.sh: only $ran tests ran, expected at least $minimum" >&2
    problems=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$problems" -eq 0 ]
