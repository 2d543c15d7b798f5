using Xous.Abi;

namespace Xous.Kernel;

/// <summary>
/// Address-space syscalls: MapMemory, UnmapMemory, IncreaseHeap, DecreaseHeap, UpdateMemoryFlags and
/// AdjustProcessLimit.
/// </summary>
internal sealed class MemoryCalls
{
    private readonly KernelTables _t;

    public MemoryCalls(KernelTables tables) => _t = tables;

    /// <summary>
    /// MapMemory(phys, virt, size, flags). AccessDenied for a physical address (no MMIO in the portable core),
    /// BadAlignment, InvalidArgument (W without R), BadAddress (outside user space), MemoryInUse (overlap),
    /// OutOfMemory (frames, address space or region table).
    /// </summary>
    public SyscallResult Map(ref CallContext c, in Syscall call)
    {
        nuint physical = call.Arg1;
        nuint virtualAddress = call.Arg2;
        nuint size = call.Arg3;
        if (physical != 0)
        {
            return KernelTables.Fail(XousError.AccessDenied);
        }

        XousError error = CheckFlags(call.Arg4, out MemoryFlags flags);
        if (error == XousError.NoError)
        {
            error = size == 0 ? XousError.InvalidArgument : Layout.IsPageAligned(size) ? XousError.NoError : XousError.BadAlignment;
        }

        if (error != XousError.NoError)
        {
            return KernelTables.Fail(error);
        }

        uint page;
        if (virtualAddress == 0)
        {
            if (size > Layout.UserEnd - Layout.DefaultBase ||
                !_t.Memory.TryFindGap(c.Process, Layout.DefaultBasePage, Layout.UserEndPage, (uint)(size >> Layout.PageShift), out page))
            {
                return KernelTables.Fail(XousError.OutOfMemory);
            }
        }
        else
        {
            error = CheckUserRange(virtualAddress, size);
            if (error != XousError.NoError)
            {
                return KernelTables.Fail(error);
            }

            page = Layout.PageOf(virtualAddress);
            if (!_t.Memory.IsFree(c.Process, page, (uint)(size >> Layout.PageShift)))
            {
                return KernelTables.Fail(XousError.MemoryInUse);
            }
        }

        error = _t.Memory.MapNew(c.Process, page, (uint)(size >> Layout.PageShift), flags, heap: false, ProcessTable.PidOf(c.Process).Value);
        return error == XousError.NoError
            ? SyscallResult.FromMemoryRange(MemoryRange.Create(Layout.AddressOf(page), size))
            : KernelTables.Fail(error);
    }

    /// <summary>
    /// UnmapMemory(addr, len): BadAlignment, BadAddress (unmapped, not owned, or heap pages), ShareViolation (lent or
    /// being moved), OutOfMemory (splitting a region would overflow the region table).
    /// </summary>
    public SyscallResult Unmap(ref CallContext c, in Syscall call)
    {
        XousError error = CheckUserRange(call.Arg1, call.Arg2);
        if (error == XousError.NoError)
        {
            error = Release(c.Process, Layout.PageOf(call.Arg1), (uint)(call.Arg2 >> Layout.PageShift), RangeUse.Unmap);
        }

        return error == XousError.NoError ? SyscallResult.Ok() : KernelTables.Fail(error);
    }

    /// <summary>
    /// IncreaseHeap(bytes, flags): 0 queries the heap (MemoryRange(base, size), or MemoryAddress(base) while it is
    /// empty); otherwise maps the pages after the heap and returns them. BadAlignment, InvalidArgument (W without R),
    /// OutOfMemory (over the heap maximum, frames, region table), MemoryInUse (a mapping sits after the heap).
    /// </summary>
    public SyscallResult IncreaseHeap(ref CallContext c, in Syscall call)
    {
        nuint bytes = call.Arg1;
        ref ProcessEntry p = ref _t.Processes.Process(c.Process);
        XousError error = CheckFlags(call.Arg2, out MemoryFlags flags);
        if (error != XousError.NoError)
        {
            return KernelTables.Fail(error);
        }

        if (bytes == 0)
        {
            return HeapQuery(in p);
        }

        if (!Layout.IsPageAligned(bytes))
        {
            return KernelTables.Fail(XousError.BadAlignment);
        }

        if (bytes > p.HeapMaximum - p.HeapSize)
        {
            return KernelTables.Fail(XousError.OutOfMemory);
        }

        uint page = Layout.PageOf(Layout.HeapBase + p.HeapSize);
        uint pages = (uint)(bytes >> Layout.PageShift);
        if (!_t.Memory.IsFree(c.Process, page, pages))
        {
            return KernelTables.Fail(XousError.MemoryInUse);
        }

        error = _t.Memory.MapNew(c.Process, page, pages, flags, heap: true, ProcessTable.PidOf(c.Process).Value);
        if (error != XousError.NoError)
        {
            return KernelTables.Fail(error);
        }

        p.HeapSize += bytes;
        return SyscallResult.FromMemoryRange(MemoryRange.Create(Layout.AddressOf(page), bytes));
    }

    /// <summary>
    /// DecreaseHeap(bytes): 0 queries as IncreaseHeap(0); otherwise unmaps the last pages of the heap and returns
    /// them. BadAlignment, InvalidArgument (more than the heap), ShareViolation (a page is lent).
    /// </summary>
    public SyscallResult DecreaseHeap(ref CallContext c, in Syscall call)
    {
        nuint bytes = call.Arg1;
        ref ProcessEntry p = ref _t.Processes.Process(c.Process);
        if (bytes == 0)
        {
            return HeapQuery(in p);
        }

        if (!Layout.IsPageAligned(bytes))
        {
            return KernelTables.Fail(XousError.BadAlignment);
        }

        if (bytes > p.HeapSize)
        {
            return KernelTables.Fail(XousError.InvalidArgument);
        }

        nuint start = Layout.HeapBase + p.HeapSize - bytes;
        XousError error = Release(c.Process, Layout.PageOf(start), (uint)(bytes >> Layout.PageShift), RangeUse.HeapShrink);
        if (error != XousError.NoError)
        {
            return KernelTables.Fail(error);
        }

        p.HeapSize -= bytes;
        return SyscallResult.FromMemoryRange(MemoryRange.Create(start, bytes));
    }

    /// <summary>
    /// UpdateMemoryFlags(addr, len, flags, pid): ProcessNotChild for another process, BadAlignment, BadAddress,
    /// InvalidArgument (W without R), ShareViolation (lent or moving), OutOfMemory (region table).
    /// </summary>
    public SyscallResult UpdateFlags(ref CallContext c, in Syscall call)
    {
        if (call.Arg4 != 0 && call.Arg4 != ProcessTable.PidOf(c.Process).Value)
        {
            return KernelTables.Fail(XousError.ProcessNotChild);
        }

        XousError error = CheckFlags(call.Arg3, out MemoryFlags flags);
        if (error == XousError.NoError)
        {
            error = CheckUserRange(call.Arg1, call.Arg2);
        }

        uint page = Layout.PageOf(call.Arg1);
        uint pages = (uint)(call.Arg2 >> Layout.PageShift);
        if (error == XousError.NoError)
        {
            error = _t.Memory.CheckOwned(c.Process, page, pages, RangeUse.Flags);
        }

        if (error == XousError.NoError && !_t.Memory.HasRoom(c.Process, _t.Memory.SplitsNeeded(c.Process, page, pages)))
        {
            error = XousError.OutOfMemory;
        }

        if (error != XousError.NoError)
        {
            return KernelTables.Fail(error);
        }

        _t.Memory.SetFlags(c.Process, page, pages, flags);
        return SyscallResult.Ok();
    }

    /// <summary>
    /// AdjustProcessLimit(index, expected, new): compare-and-set, Scalar2(index, value now). HeapMaximum may not go
    /// below the heap size or above the 512 MiB heap window; HeapSize is read-only (InvalidLimit for a change).
    /// </summary>
    public SyscallResult AdjustLimit(ref CallContext c, in Syscall call)
    {
        ref ProcessEntry p = ref _t.Processes.Process(c.Process);
        nuint index = call.Arg1;
        nuint expected = call.Arg2;
        nuint value = call.Arg3;
        if (index == (nuint)ProcessLimit.HeapMaximum)
        {
            if (expected != p.HeapMaximum)
            {
                return SyscallResult.Scalar2(index, p.HeapMaximum);
            }

            if (value < p.HeapSize || value > Layout.HeapWindow || !Layout.IsPageAligned(value))
            {
                return KernelTables.Fail(XousError.InvalidLimit);
            }

            p.HeapMaximum = value;
            return SyscallResult.Scalar2(index, value);
        }

        if (index == (nuint)ProcessLimit.HeapSize)
        {
            if (expected != p.HeapSize)
            {
                return SyscallResult.Scalar2(index, p.HeapSize);
            }

            return value == p.HeapSize ? SyscallResult.Scalar2(index, value) : KernelTables.Fail(XousError.InvalidLimit);
        }

        return KernelTables.Fail(XousError.InvalidLimit);
    }

    private static SyscallResult HeapQuery(in ProcessEntry p) => p.HeapSize == 0
        ? SyscallResult.FromMemoryAddress(Layout.HeapBase)
        : SyscallResult.FromMemoryRange(MemoryRange.Create(Layout.HeapBase, p.HeapSize));

    /// <summary>InvalidSyscall for undefined bits (a forged call), InvalidArgument for W without R.</summary>
    private static XousError CheckFlags(nuint word, out MemoryFlags flags)
    {
        if (!MemoryFlagsRules.TryDecode(word, out flags))
        {
            return XousError.InvalidSyscall;
        }

        return MemoryFlagsRules.IsWriteWithoutRead(flags) ? XousError.InvalidArgument : XousError.NoError;
    }

    /// <summary>InvalidArgument for an empty range, BadAlignment, BadAddress outside user space.</summary>
    private static XousError CheckUserRange(nuint address, nuint size)
    {
        if (address == 0 || size == 0)
        {
            return XousError.InvalidArgument;
        }

        if (!Layout.IsPageAligned(address) || !Layout.IsPageAligned(size))
        {
            return XousError.BadAlignment;
        }

        return Layout.IsUserRange(address, size) ? XousError.NoError : XousError.BadAddress;
    }

    private XousError Release(int process, uint page, uint pages, RangeUse use)
    {
        XousError error = _t.Memory.CheckOwned(process, page, pages, use);
        if (error != XousError.NoError)
        {
            return error;
        }

        if (!_t.Memory.HasRoom(process, _t.Memory.SplitsNeeded(process, page, pages)))
        {
            return XousError.OutOfMemory;
        }

        _t.Memory.Unmap(process, page, pages, freeFrames: true);
        return XousError.NoError;
    }
}
