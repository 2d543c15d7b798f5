#!/usr/bin/env bash
# Builds every tests/native/*.c with the native runtime for one board, runs it in QEMU and
# compares the console output and exit status with <name>.expected and the rc= directive.
#
#   tests/native/run.sh [name ...]        (default: every test)
#   XOUS_TEST_OPT="-O2 -O0"               optimisation levels, each test runs once per level
#   XOUS_TEST_KEEP=1                      keep the build directory (printed at the end)
#   XOUS_TEST_GC_DEBUG=0                  build without heap verification/poisoning (default 1)
#
# Directives, on a line of the test's source starting with "// xous-test:" (all optional):
#   heap=SIZE     link with --defsym=XOUS_HEAP_SIZE=SIZE
#   rc=N          expected exit status (default 0)
#   cflags=...    extra gcc flags for the runtime and the test (no spaces inside one flag)
#   timeout=S     seconds before QEMU is killed (default 20)
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
rt="$root/runtime/native"
board=${XOUS_BOARD:-qemu-virt}
qemu=${QEMU:-qemu-system-riscv32}
opts=${XOUS_TEST_OPT:-"-O2 -O0"}

# runtime/native/build.sh has the gcc command (rv32imac, -misa-spec=2.2, ilp32, medany, -Werror);
# the tests add heap verification after every collection.
cflags=(-DXOUS_GC_DEBUG="${XOUS_TEST_GC_DEBUG:-1}")

for tool in "${CC:-riscv64-unknown-elf-gcc}" "$qemu" timeout; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 2; }
done

build=$(mktemp -d "${TMPDIR:-/tmp}/xous-native-tests.XXXXXX")
if [ -z "${XOUS_TEST_KEEP:-}" ]; then trap 'rm -rf "$build"' EXIT; fi

if [ $# -gt 0 ]; then
    tests=("$@")
else
    tests=()
    for f in "$here"/*.c; do tests+=("$(basename "$f" .c)"); done
fi

passed=0
failed=0
failed_names=()
for name in "${tests[@]}"; do
    src="$here/$name.c"
    expected="$here/$name.expected"
    directives=$(sed -n 's|^// xous-test:||p' "$src" | tr '\n' ' ')
    heap="" rc_expected=0 extra=() limit=20
    for d in $directives; do
        case "$d" in
            heap=*) heap=${d#heap=} ;;
            rc=*) rc_expected=${d#rc=} ;;
            cflags=*) extra+=("${d#cflags=}") ;;
            timeout=*) limit=${d#timeout=} ;;
            *) echo "$name: unknown directive $d" >&2 ;;
        esac
    done
    for opt in $opts; do
        label="$name ($opt)"
        elf="$build/$name$opt.elf"
        out="$build/$name$opt.out"
        link=(--board "$board")
        [ -n "$heap" ] && link+=(--heap "$heap")
        if ! "$rt/build.sh" -o "$elf" "${link[@]}" "$opt" "${cflags[@]}" "${extra[@]}" "$src" \
            >"$build/$name$opt.build.log" 2>&1; then
            echo "FAIL $label: build"
            sed 's/^/    /' "$build/$name$opt.build.log" | head -30
            failed=$((failed + 1)); failed_names+=("$label"); continue
        fi
        start=$(date +%s.%N)
        timeout "$limit" "$qemu" -M virt -cpu rv32,f=false,d=false,h=false -bios none -nographic \
            -kernel "$elf" </dev/null >"$out" 2>&1
        rc=$?
        secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
        problems=()
        [ "$rc" = 124 ] && problems+=("timed out after ${limit}s")
        [ "$rc" != "$rc_expected" ] && [ "$rc" != 124 ] && problems+=("exit status $rc, expected $rc_expected")
        if [ ! -f "$expected" ]; then
            problems+=("no $name.expected")
        elif ! cmp -s "$out" "$expected"; then
            problems+=("output differs")
        fi
        if [ ${#problems[@]} -eq 0 ]; then
            echo "ok   $label ${secs}s"
            passed=$((passed + 1))
        else
            echo "FAIL $label: $(IFS=';'; echo "${problems[*]}")"
            [ -f "$expected" ] && diff "$expected" "$out" | head -20 | sed 's/^/    /'
            [ -f "$expected" ] || head -20 "$out" | sed 's/^/    /'
            failed=$((failed + 1)); failed_names+=("$label")
        fi
    done
done

[ -n "${XOUS_TEST_KEEP:-}" ] && echo "build directory: $build"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
