#!/usr/bin/env bash
# Links C sources (e.g. the C that tools/ilcompiler emits) with the native runtime into an ELF.
#
#   runtime/native/build.sh -o OUT.elf [--board qemu-virt] [--heap SIZE] [--stack SIZE]
#                           [-O2|-Os|-O0 ...] [other gcc flags] SOURCE.c ...
#
# Defaults: --board qemu-virt, -O2, heap 1 MiB, stack 64 KiB. Prints the gcc command with
# XOUS_BUILD_VERBOSE=1. Exit status is gcc's.
set -eu
rt=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cc=${CC:-riscv64-unknown-elf-gcc}
board=qemu-virt
out=""
opt=-O2
link=()
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        -o) out=$2; shift 2 ;;
        --board) board=$2; shift 2 ;;
        --heap) link+=("-Wl,--defsym=XOUS_HEAP_SIZE=$2"); shift 2 ;;
        --stack) link+=("-Wl,--defsym=XOUS_STACK_SIZE=$2"); shift 2 ;;
        -O*) opt=$1; shift ;;
        *) args+=("$1"); shift ;;
    esac
done
[ -n "$out" ] || { echo "build.sh: -o OUT.elf is required" >&2; exit 2; }
[ -d "$rt/board/$board" ] || { echo "build.sh: no board $board" >&2; exit 2; }

cmd=("$cc" -march=rv32imac -misa-spec=2.2 -mabi=ilp32 -mcmodel=medany "$opt" -g -std=gnu11
     -ffreestanding -Wall -Wextra -Werror -I"$rt/include"
     -nostdlib -nostartfiles -T "$rt/board/$board/link.ld" -Wl,--no-warn-rwx-segments "${link[@]}"
     -o "$out"
     "$rt/board/$board/start.S" "$rt/board/$board/board.c" "$rt"/rt/*.c "$rt"/gc/*.c "$rt"/gc/*.S
     "${args[@]}" -lgcc)
[ -n "${XOUS_BUILD_VERBOSE:-}" ] && echo "${cmd[*]}" >&2
exec "${cmd[@]}"
