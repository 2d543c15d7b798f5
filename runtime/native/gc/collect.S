/* xous_gc_collect: spill every callee-saved register (s0-s11) and ra onto the stack, so that
 * references held only in registers by the callers are seen by the conservative stack scan,
 * then collect with the scan starting at this frame. Caller-saved registers need no spill: by
 * the calling convention their live values are already in the callers' frames. */
    .text
    .balign 4
    .globl xous_gc_collect
    .type xous_gc_collect, @function
xous_gc_collect:
    addi    sp, sp, -64
    sw      ra, 60(sp)
    sw      s0, 56(sp)
    sw      s1, 52(sp)
    sw      s2, 48(sp)
    sw      s3, 44(sp)
    sw      s4, 40(sp)
    sw      s5, 36(sp)
    sw      s6, 32(sp)
    sw      s7, 28(sp)
    sw      s8, 24(sp)
    sw      s9, 20(sp)
    sw      s10, 16(sp)
    sw      s11, 12(sp)
    sw      tp, 8(sp)
    sw      gp, 4(sp)
    mv      a0, sp
    call    xous_gc_collect_from
    lw      ra, 60(sp)
    addi    sp, sp, 64
    ret
    .size xous_gc_collect, . - xous_gc_collect
