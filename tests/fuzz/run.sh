#!/usr/bin/env bash
# Vault fuzz smoke (tests/fuzz/README.md): builds tools/fuzz/Xous.Vault.Fuzz (Release), instruments a copy of
# Xous.Vault.Core.dll and Xous.Cbor.dll with SharpFuzz, runs afl-fuzz on each target for a bounded time, replays
# tests/fuzz/seeds and tests/fuzz/regressions, and closes with "N passed, N failed".
# Installs nothing system-wide: afl++ comes from the caller (CI's install line); the SharpFuzz.CommandLine dotnet tool
# goes into the artifacts folder.
#
# Environment:
#   FUZZ_SECONDS=40        seconds of afl-fuzz per target (the smoke)
#   FUZZ_TOTAL_EXECS=N     instead: run until about N executions in total across the targets (the benchmark)
#   FUZZ_MIN_EXECS=2000    executions a target needs to pass
#   FUZZ_TIMEOUT_MS=2000   afl-fuzz -t: an input slower than this is a hang
#   FUZZ_TARGETS="..."     the targets (default: ctaphid cbor cbor-structured apdu)
#   FUZZ_JOBS=N            afl-fuzz instances at once (default: the CPU count, at most 4)
#   XousArtifacts=DIR/     where builds and fuzzer output go (default: artifacts/ in the checkout)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
artifacts="${XousArtifacts:-$root/artifacts/}"
work="${artifacts%/}/fuzz"
targets=(${FUZZ_TARGETS:-ctaphid cbor cbor-structured apdu})
seconds="${FUZZ_SECONDS:-40}"
total_execs="${FUZZ_TOTAL_EXECS:-}"
min_execs="${FUZZ_MIN_EXECS:-2000}"
timeout_ms="${FUZZ_TIMEOUT_MS:-2000}"
jobs="${FUZZ_JOBS:-$(nproc)}"
(( jobs > 4 )) && jobs=4
(( jobs < 1 )) && jobs=1
passed=0
failed=0

pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

mkdir -p "$work"
echo "==> build the harness (Release)"
project="$root/tools/fuzz/Xous.Vault.Fuzz/Xous.Vault.Fuzz.csproj"
if ! dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1; then
  tail -20 "$work/build.log"
  fail "build: the harness does not build"
  finish
fi
target_path="$(dotnet msbuild "$project" -p:Configuration=Release -nologo -getProperty:TargetPath)"
harness_dir="$(dirname "$target_path")"

# Fresh copy of the output; only the copy's Xous.Vault.Core.dll and Xous.Cbor.dll get instrumented.
bin="$work/bin"
rm -rf "$bin" && cp -r "$harness_dir" "$bin"
harness=(dotnet "$bin/Xous.Vault.Fuzz.dll")

# Seeds and regressions replay on the plain build: every one must pass through without a finding.
for kind in seeds regressions; do
  for target in "${targets[@]}"; do
    folder="$root/tests/fuzz/$kind/$target"
    if [ ! -d "$folder" ] || [ -z "$(ls -A "$folder" 2>/dev/null | grep -v '\.md$')" ]; then
      [ "$kind" = seeds ] && fail "$kind $target: no seeds in tests/fuzz/seeds/$target"
      continue
    fi
    if out="$(dotnet "$harness_dir/Xous.Vault.Fuzz.dll" replay "$target" "$folder" 2>&1)"; then
      pass "$kind $target: $(echo "$out" | tail -1)"
    else
      echo "$out" | head -60
      fail "$kind $target: $(echo "$out" | tail -1)"
    fi
  done
done

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    fail "afl-fuzz: not installed (CI installs afl++)"
  else
    echo "SKIP afl-fuzz: not installed (apt-get install afl++); only the replays ran"
  fi
  finish
fi

echo "==> SharpFuzz.CommandLine 2.3.0 (dotnet tool, in $work/tools)"
if [ ! -x "$work/tools/sharpfuzz" ]; then
  if ! dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >"$work/tool.log" 2>&1; then
    cat "$work/tool.log"
    fail "sharpfuzz: the dotnet tool did not install"
    finish
  fi
fi
for assembly in Xous.Vault.Core.dll Xous.Cbor.dll; do
  if ! "$work/tools/sharpfuzz" "$bin/$assembly" >"$work/instrument.log" 2>&1; then
    cat "$work/instrument.log"
    fail "sharpfuzz: could not instrument $assembly"
    finish
  fi
done

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1
export AFL_FORKSRV_INIT_TMOUT=60000 AFL_SKIP_CRASHES=1
if [ -n "$total_execs" ]; then
  per_target=$(( (total_execs + ${#targets[@]} - 1) / ${#targets[@]} ))
  limit=(-E "$per_target" -V 3000)
  wall=3060
  echo "==> afl-fuzz: about $per_target executions per target, $jobs at a time"
else
  limit=(-V "$seconds")
  wall=$((seconds + 120))
  echo "==> afl-fuzz: $seconds s per target, $jobs at a time"
fi

run_target() {
  local target="$1" out="$work/out/$1"
  rm -rf "$out" && mkdir -p "$out"
  timeout --kill-after=10 "$wall" \
    afl-fuzz -i "$root/tests/fuzz/seeds/$target" -o "$out" -t "$timeout_ms" -m none "${limit[@]}" -- \
    "${harness[@]}" afl "$target" >"$out.log" 2>&1
}

pids=()
for target in "${targets[@]}"; do
  run_target "$target" &
  pids+=($!)
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
done
for pid in "${pids[@]}"; do wait "$pid"; done

stat() { grep -E "^$1 +:" "$2" | head -1 | sed -E 's/^[^:]*: *//'; }
for target in "${targets[@]}"; do
  stats="$work/out/$target/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    tail -25 "$work/out/$target.log"
    fail "afl $target: afl-fuzz did not run (log: $work/out/$target.log)"
    continue
  fi
  execs="$(stat execs_done "$stats")"
  rate="$(stat execs_per_sec "$stats")"
  crashes="$(stat saved_crashes "$stats")"
  hangs="$(stat saved_hangs "$stats")"
  corpus="$(stat corpus_count "$stats")"
  bitmap="$(stat bitmap_cvg "$stats")"
  edges="$(stat edges_found "$stats")"
  echo "STATS $target execs=$execs rate=$rate crashes=$crashes hangs=$hangs corpus=$corpus edges=$edges bitmap=$bitmap"
  line="afl $target: $execs execs ($rate/s), $crashes crashes, $hangs hangs, corpus $corpus, $edges edges ($bitmap)"
  if [ "${crashes:-0}" -gt 0 ] || [ "${hangs:-0}" -gt 0 ]; then
    for finding in "$work/out/$target/default/crashes"/id* "$work/out/$target/default/hangs"/id*; do
      [ -f "$finding" ] || continue
      echo "  finding $finding: $(od -An -tx1 -v "$finding" | tr -d ' \n' | head -c 1024)"
      dotnet "$harness_dir/Xous.Vault.Fuzz.dll" replay "$target" "$finding" 2>&1 | head -40 | sed 's/^/    /'
    done
    fail "$line"
  elif [ "${execs:-0}" -lt "$min_execs" ]; then
    fail "$line (fewer than $min_execs executions)"
  else
    pass "$line"
  fi
done
finish
