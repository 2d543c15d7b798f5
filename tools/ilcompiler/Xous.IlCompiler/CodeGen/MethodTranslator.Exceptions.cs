using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using System.Text;
using Xous.IlCompiler.Il;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// Exception handling (docs/ilcompiler.md, "Exceptions"). Each protected block (a try range with its handlers) has a
/// frame in the C function: entering the try pushes it and arms a <c>__builtin_setjmp</c>; leaving it (<c>leave</c>)
/// pops it and runs the finally blocks on the way; a throw anywhere below jumps back to the block's dispatch code,
/// which tests the catch clauses and filters in order, runs a finally/fault block and rethrows outwards. Every local,
/// argument and stack slot of such a method is <c>volatile</c>, so values survive the jump.
/// </summary>
internal sealed partial class MethodTranslator
{
    private readonly List<ProtectedBlock> _blocks = [];
    private readonly StringBuilder _dispatch = new();
    private int _leaveCount;

    /// <summary>True when the method has exception regions.</summary>
    private bool HasExceptionHandling => _blocks.Count > 0;

    private sealed class ProtectedBlock(int id, int tryStart, int tryEnd)
    {
        public int Id { get; } = id;

        public int TryStart { get; } = tryStart;

        public int TryEnd { get; } = tryEnd;

        public List<ExceptionRegion> Handlers { get; } = [];

        public List<(int Number, string Label)> Continuations { get; } = [];

        public bool Contains(int offset) => offset >= TryStart && offset < TryEnd;

        public string Frame => "frame_" + Id.ToString(CultureInfo.InvariantCulture);

        public string Caught => "caught_" + Id.ToString(CultureInfo.InvariantCulture);

        public string CaughtMethod => "caughtm_" + Id.ToString(CultureInfo.InvariantCulture);

        public string Continuation => "cont_" + Id.ToString(CultureInfo.InvariantCulture);

        public string DispatchLabel => "dispatch_" + Id.ToString(CultureInfo.InvariantCulture);

        public string EndFinallyLabel => "endfinally_" + Id.ToString(CultureInfo.InvariantCulture);

        public string EnterLabel => "enter_" + Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the exception regions: groups them into protected blocks and marks handler entries as targets.</summary>
    private void SetUpExceptionRegions(ImmutableArray<ExceptionRegion> regions, HashSet<int> targets)
    {
        foreach (ExceptionRegion region in regions)
        {
            ProtectedBlock? block = _blocks.FirstOrDefault(b => b.TryStart == region.TryOffset && b.TryEnd == region.TryOffset + region.TryLength);
            if (block == null)
            {
                block = new ProtectedBlock(_blocks.Count, region.TryOffset, region.TryOffset + region.TryLength);
                _blocks.Add(block);
            }

            block.Handlers.Add(region);
            targets.Add(region.HandlerOffset);
            StackValue[] handlerStack = region.Kind is ExceptionRegionKind.Catch or ExceptionRegionKind.Filter
                ? [Slot(0, StackKind.ObjectRef, null)]
                : [];
            _stackAtTarget[region.HandlerOffset] = handlerStack;
            if (region.Kind == ExceptionRegionKind.Filter)
            {
                targets.Add(region.FilterOffset);
                _stackAtTarget[region.FilterOffset] = [Slot(0, StackKind.ObjectRef, null)];
            }
        }

        // Outer blocks first where several start at the same instruction.
        _blocks.Sort((a, b) => a.TryStart != b.TryStart ? a.TryStart.CompareTo(b.TryStart) : b.TryEnd.CompareTo(a.TryEnd));
    }

    /// <summary>Before the instruction at <paramref name="offset"/>: enters every try block that starts there.</summary>
    private void EnterTryBlocks(int offset)
    {
        foreach (ProtectedBlock block in _blocks.Where(b => b.TryStart == offset))
        {
            if (_stack.Count != 0)
            {
                throw new CompilationException(null, $"the evaluation stack is not empty on entry to the try block at IL_{offset:x4}");
            }

            _code.Append(block.EnterLabel).AppendLine(": __attribute__((unused));");
            Emit($"{block.Frame}.prev = xilc_frames; xilc_frames = &{block.Frame};");
            Emit($"if (__builtin_setjmp({block.Frame}.jump) != 0) goto {block.DispatchLabel};");
        }
    }

    /// <summary>
    /// The C label a branch from <paramref name="from"/> to <paramref name="target"/> jumps to: the entry of the
    /// outermost try block starting at the target that the branch comes from outside of, else the instruction.
    /// </summary>
    private string BranchLabel(int from, int target)
    {
        ProtectedBlock? entered = _blocks.FirstOrDefault(b => b.TryStart == target && !b.Contains(from));
        return entered != null ? entered.EnterLabel : $"IL_{target:x4}";
    }

    private bool TranslateException(Instruction ins)
    {
        switch (ins.OpCode)
        {
            case ILOpCode.Throw:
                {
                    StackValue exception = Pop();
                    NullCheck(exception.Name);
                    Emit($"xilc_rethrow({exception.Name}, {MethodNameLiteral});");
                    _stack.Clear();
                    _reachable = false;
                    return true;
                }

            case ILOpCode.Rethrow:
                {
                    ProtectedBlock block = _blocks.Where(b => b.Handlers.Any(h => h.Kind is ExceptionRegionKind.Catch or ExceptionRegionKind.Filter &&
                        ins.Offset >= h.HandlerOffset && ins.Offset < h.HandlerOffset + h.HandlerLength)).MaxBy(b => b.TryStart)
                        ?? throw new CompilationException(null, "rethrow outside a catch handler");
                    Emit($"xilc_rethrow({block.Caught}, {block.CaughtMethod});");
                    _stack.Clear();
                    _reachable = false;
                    return true;
                }

            case ILOpCode.Leave or ILOpCode.Leave_s:
                Leave(ins.Offset, ins.Int32Operand);
                return true;
            case ILOpCode.Endfinally:
                {
                    ProtectedBlock block = HandlerBlock(ins.Offset, ExceptionRegionKind.Finally, ExceptionRegionKind.Fault);
                    Emit($"goto {block.EndFinallyLabel};");
                    _stack.Clear();
                    _reachable = false;
                    return true;
                }

            case ILOpCode.Endfilter:
                {
                    StackValue result = Pop();
                    (ProtectedBlock block, ExceptionRegion region) = _blocks
                        .SelectMany(b => b.Handlers.Select(h => (Block: b, Region: h)))
                        .First(x => x.Region.Kind == ExceptionRegionKind.Filter && ins.Offset >= x.Region.FilterOffset && ins.Offset < x.Region.HandlerOffset);
                    int index = block.Handlers.IndexOf(region);
                    Emit($"if ({result.Name} != 0) {{ s0_o = {block.Caught}; goto IL_{region.HandlerOffset:x4}; }}");
                    Emit($"goto filter_{block.Id}_{index};");
                    _stack.Clear();
                    _reachable = false;
                    return true;
                }

            default:
                return false;
        }
    }

    private ProtectedBlock HandlerBlock(int offset, params ExceptionRegionKind[] kinds) =>
        _blocks.Where(b => b.Handlers.Any(h => kinds.Contains(h.Kind) && offset >= h.HandlerOffset && offset < h.HandlerOffset + h.HandlerLength))
            .MaxBy(b => b.TryStart)
        ?? throw new CompilationException(null, $"{string.Join("/", kinds)} end outside its handler");

    /// <summary><c>leave</c>: pops the frames of the try blocks it exits (innermost first), running their finally blocks.</summary>
    private void Leave(int from, int target)
    {
        _stack.Clear();
        ProtectedBlock[] exited = _blocks.Where(b => b.Contains(from) && !b.Contains(target))
            .OrderByDescending(b => b.TryStart).ThenBy(b => b.TryEnd).ToArray();
        foreach (ProtectedBlock block in exited)
        {
            Emit($"xilc_frames = {block.Frame}.prev;");
            foreach (ExceptionRegion region in block.Handlers.Where(h => h.Kind == ExceptionRegionKind.Finally))
            {
                int number = ++_leaveCount;
                string label = $"leave_{number}";
                block.Continuations.Add((number, label));
                Emit($"{block.Continuation} = {number}; goto IL_{region.HandlerOffset:x4};");
                _code.Append(label).AppendLine(": __attribute__((unused));");
            }
        }

        BranchTo(target);
        Emit($"goto {BranchLabel(from, target)};");
        _reachable = false;
    }

    /// <summary>The dispatch code of every block and the continuation switches of its finally block (after the body).</summary>
    private void WriteExceptionDispatch()
    {
        foreach (ProtectedBlock block in _blocks)
        {
            _dispatch.Append(block.DispatchLabel).AppendLine(":;");
            _dispatch.Append("    ").Append(block.Caught).AppendLine(" = xilc_exception;");
            _dispatch.Append("    ").Append(block.CaughtMethod).AppendLine(" = xilc_exception_method;");
            for (int i = 0; i < block.Handlers.Count; i++)
            {
                ExceptionRegion handler = block.Handlers[i];
                switch (handler.Kind)
                {
                    case ExceptionRegionKind.Catch:
                        TypeDesc type = _compilation.Context.ResolveType(_method.Context, handler.CatchType);
                        string test = type is DefinedType { IsObject: true } ? "1" : $"xilc_is_assignable(XILC_TYPE({block.Caught}), {_compilation.Descriptors.Require(type)})";
                        _dispatch.Append("    if (").Append(test).Append(") { s0_o = ").Append(block.Caught).Append("; goto IL_")
                            .Append(handler.HandlerOffset.ToString("x4", CultureInfo.InvariantCulture)).AppendLine("; }");
                        break;
                    case ExceptionRegionKind.Filter:
                        _dispatch.Append("    s0_o = ").Append(block.Caught).Append("; goto IL_").Append(handler.FilterOffset.ToString("x4", CultureInfo.InvariantCulture)).AppendLine(";");
                        _dispatch.Append("filter_").Append(block.Id).Append('_').Append(i).AppendLine(":;");
                        break;
                    default:
                        _dispatch.Append("    ").Append(block.Continuation).Append(" = 0; goto IL_").Append(handler.HandlerOffset.ToString("x4", CultureInfo.InvariantCulture)).AppendLine(";");
                        break;
                }
            }

            _dispatch.Append("    xilc_rethrow(").Append(block.Caught).Append(", ").Append(block.CaughtMethod).AppendLine(");");
            if (block.Handlers.Any(h => h.Kind is ExceptionRegionKind.Finally or ExceptionRegionKind.Fault))
            {
                _dispatch.Append(block.EndFinallyLabel).AppendLine(": __attribute__((unused));");
                _dispatch.Append("    switch (").Append(block.Continuation).AppendLine(") {");
                foreach ((int number, string label) in block.Continuations)
                {
                    _dispatch.Append("    case ").Append(number).Append(": goto ").Append(label).AppendLine(";");
                }

                _dispatch.Append("    default: xilc_rethrow(").Append(block.Caught).Append(", ").Append(block.CaughtMethod).AppendLine(");");
                _dispatch.AppendLine("    }");
            }
        }
    }

    /// <summary>The declarations of the blocks' frames and state (inside the function).</summary>
    private void DeclareExceptionState(StringBuilder function)
    {
        foreach (ProtectedBlock block in _blocks)
        {
            function.Append("    XilcFrame ").Append(block.Frame).AppendLine(";");
            function.Append("    void* volatile ").Append(block.Caught).AppendLine(" = 0;");
            function.Append("    const char* volatile ").Append(block.CaughtMethod).AppendLine(" = 0;");
            function.Append("    volatile int32_t ").Append(block.Continuation).AppendLine(" = 0;");
            function.Append("    (void)").Append(block.Continuation).Append("; (void)").Append(block.CaughtMethod).AppendLine(";");
        }
    }
}
