/* Board qemu-virt: reset entry. QEMU -bios none jumps here (0x80000000) in M-mode on every hart. */
    .section .text.start, "ax"
    .globl _start
_start:
    csrr    t0, mhartid
    bnez    t0, park                 /* only hart 0 runs the program */
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      sp, __stack_top
    la      t0, xous_trap_entry
    csrw    mtvec, t0                /* any trap reports and exits instead of hanging */
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:  call    xous_rt_start            /* never returns */
park:
    wfi
    j       park

/* Trap entry (mtvec, direct mode): hand mcause/mepc/mtval to C, which reports and exits. */
    .text
    .balign 4
    .globl xous_trap_entry
xous_trap_entry:
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    andi    sp, sp, -16
    call    xous_trap
1:  j       1b
