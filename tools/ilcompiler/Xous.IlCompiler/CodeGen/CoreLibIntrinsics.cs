using System.Diagnostics.CodeAnalysis;
using Xous.IlCompiler.TypeSystem;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// The corlib's InternalCall members (docs/device-profile.md, "Intrinsics" and "Internal intrinsics"), keyed by the
/// method's open signature (<see cref="MethodDesc.Typical"/>), so one entry serves every instantiation.
/// </summary>
internal static class CoreLibIntrinsics
{
    private const string Unsafe = "System.Runtime.CompilerServices.Unsafe::";
    private const string Helpers = "System.Runtime.CompilerServices.RuntimeHelpers::";
    private const string Device = "System.Runtime.CompilerServices.DeviceRuntime::";
    private const string Interlocked = "System.Threading.Interlocked::";

    private static readonly Dictionary<string, Action<MethodTranslator, MethodDesc, string[]>> s_table = new(StringComparer.Ordinal)
    {
        [Unsafe + "As(System.Object)"] = Value(a => a[0]),
        [Unsafe + "As(!!0&)"] = Value(a => a[0]),
        [Unsafe + "AsRef(System.Void*)"] = Value(a => a[0]),
        [Unsafe + "AsRef(!!0&)"] = Value(a => a[0]),
        [Unsafe + "AsPointer(!!0&)"] = Value(a => a[0]),
        [Unsafe + "AddByteOffset(!!0&,System.IntPtr)"] = Value(a => $"(intptr_t){a[0]} + (intptr_t){a[1]}"),
        [Unsafe + "ByteOffset(!!0&,!!0&)"] = Value(a => $"(intptr_t){a[1]} - (intptr_t){a[0]}"),
        [Unsafe + "SizeOf()"] = (t, m, _) => t.PushResult(m.Signature.ReturnType, $"(int32_t)sizeof({ValueCType(t, m.Instantiation[0])})"),
        [Unsafe + "ReadUnaligned(System.Void*)"] = ReadUnaligned,
        [Unsafe + "ReadUnaligned(System.Byte&)"] = ReadUnaligned,
        [Unsafe + "WriteUnaligned(System.Void*,!!0)"] = WriteUnaligned,
        [Unsafe + "WriteUnaligned(System.Byte&,!!0)"] = WriteUnaligned,
        [Unsafe + "CopyBlock(System.Void*,System.Void*,System.UInt32)"] = Statement(a => $"__builtin_memmove((void*){a[0]}, (const void*){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "CopyBlock(System.Byte&,System.Byte&,System.UInt32)"] = Statement(a => $"__builtin_memmove((void*){a[0]}, (const void*){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "CopyBlockUnaligned(System.Void*,System.Void*,System.UInt32)"] = Statement(a => $"__builtin_memmove((void*){a[0]}, (const void*){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "CopyBlockUnaligned(System.Byte&,System.Byte&,System.UInt32)"] = Statement(a => $"__builtin_memmove((void*){a[0]}, (const void*){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "InitBlock(System.Void*,System.Byte,System.UInt32)"] = Statement(a => $"__builtin_memset((void*){a[0]}, (uint8_t){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "InitBlock(System.Byte&,System.Byte,System.UInt32)"] = Statement(a => $"__builtin_memset((void*){a[0]}, (uint8_t){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "InitBlockUnaligned(System.Void*,System.Byte,System.UInt32)"] = Statement(a => $"__builtin_memset((void*){a[0]}, (uint8_t){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "InitBlockUnaligned(System.Byte&,System.Byte,System.UInt32)"] = Statement(a => $"__builtin_memset((void*){a[0]}, (uint8_t){a[1]}, (uint32_t){a[2]});"),
        [Unsafe + "Unbox(System.Object)"] = (t, m, a) => t.PushResult(m.Signature.ReturnType, t.UnboxAddress((DefinedType)m.Instantiation[0], a[0])),
        [Helpers + "InitializeArray(System.Array,System.RuntimeFieldHandle)"] = Statement(a =>
            $"{{ const XilcRvaField* f_ = (const XilcRvaField*){a[1]}._value; __builtin_memcpy(xous_array_data({a[0]}), f_->data, f_->size); }}"),
        [Helpers + "CreateSpan(System.RuntimeFieldHandle)"] = CreateSpan,
        [Helpers + "IsReferenceOrContainsReferences()"] = (t, m, _) =>
            t.PushResult(m.Signature.ReturnType, t.Compilation.Layouts.ContainsReferences(m.Instantiation[0]) ? "1" : "0"),
        [Helpers + "GetHashCode(System.Object)"] = Value(a => $"(int32_t)((uintptr_t){a[0]} >> 3)"),
        [Device + "GetTypeName(System.Object)"] = Value(a => $"(void*)XILC_TYPE({a[0]})->name"),
        [Device + "HaveSameType(System.Object,System.Object)"] = Value(a => $"XILC_TYPE({a[0]}) == XILC_TYPE({a[1]})"),
        [Device + "AllocateString(System.Int32)"] = (t, m, a) => t.PushResult(m.Signature.ReturnType,
            $"xilc_new_array({t.Compilation.Descriptors.Construct(m.Signature.ReturnType)}, {a[0]}, {t.MethodName})"),
        [Device + "GetArrayElementSize(System.Array)"] = Value(a => $"(int32_t)XILC_TYPE({a[0]})->t.element_size"),
        [Device + "CopyArrayConverting(System.Array,System.Int32,System.Array,System.Int32,System.Int32)"] = CopyArrayConverting,
        [Device + "GetEnumInfo(System.Enum)"] = (t, m, a) => t.PushResult(m.Signature.ReturnType, t.Compilation.EnumInfos.Get(a[0])),
        ["System.GC::Collect()"] = Statement(_ => "xous_gc_collect();"),
        ["System.Object::MemberwiseClone()"] = (t, m, a) => t.PushResult(m.Signature.ReturnType, $"xilc_memberwise_clone({a[0]}, {t.MethodName})"),
        ["System.Environment::FailFast(System.String)"] = Statement(a =>
            $"xous_console_write_cstr(\"Process terminated. \"); xous_console_write_string({a[0]}); xous_console_write_cstr(\"\\n\"); xous_panic(\"Environment.FailFast\");"),
        ["System.ValueType::Equals(System.Object)"] = (t, m, a) => t.PushResult(m.Signature.ReturnType,
            $"{t.Compilation.Descriptors.SlotFunction(t.OwnerValueType(m), m)}((void*){a[0]}, {a[1]})"),
        ["System.ValueType::GetHashCode()"] = (t, m, a) => t.PushResult(m.Signature.ReturnType,
            $"{t.Compilation.Descriptors.SlotFunction(t.OwnerValueType(m), m)}((void*){a[0]})"),
        [Interlocked + "CompareExchange(System.Int32&,System.Int32,System.Int32)"] = Value(a =>
            $"({{ int32_t e_ = {a[2]}; __atomic_compare_exchange_n((int32_t*){a[0]}, &e_, {a[1]}, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); e_; }})"),
        [Interlocked + "CompareExchange(System.Object&,System.Object,System.Object)"] = Value(a =>
            $"({{ void* e_ = (void*){a[2]}; __atomic_compare_exchange_n((void**){a[0]}, &e_, (void*){a[1]}, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); e_; }})"),
        [Interlocked + "CompareExchange(System.Int64&,System.Int64,System.Int64)"] = Value(a =>
            $"({{ int64_t* p_ = (int64_t*){a[0]}; int64_t o_ = *p_; if (o_ == {a[2]}) *p_ = {a[1]}; o_; }})"),
        [Interlocked + "Exchange(System.Int32&,System.Int32)"] = Value(a => $"__atomic_exchange_n((int32_t*){a[0]}, {a[1]}, __ATOMIC_SEQ_CST)"),
        [Interlocked + "Exchange(System.Object&,System.Object)"] = Value(a => $"__atomic_exchange_n((void**){a[0]}, (void*){a[1]}, __ATOMIC_SEQ_CST)"),
        [Interlocked + "Exchange(System.Int64&,System.Int64)"] = Value(a => $"({{ int64_t* p_ = (int64_t*){a[0]}; int64_t o_ = *p_; *p_ = {a[1]}; o_; }})"),
        [Interlocked + "Add(System.Int32&,System.Int32)"] = Value(a => $"__atomic_add_fetch((int32_t*){a[0]}, {a[1]}, __ATOMIC_SEQ_CST)"),
        [Interlocked + "Add(System.Int64&,System.Int64)"] = Value(a => $"({{ int64_t* p_ = (int64_t*){a[0]}; *p_ += {a[1]}; *p_; }})"),
        [Interlocked + "MemoryBarrier()"] = Statement(_ => "__atomic_thread_fence(__ATOMIC_SEQ_CST);"),
    };

    /// <summary>Every corlib intrinsic's open identity, for the documentation test.</summary>
    public static IEnumerable<string> Names => s_table.Keys;

    /// <summary>The intrinsic for a corlib method, if there is one.</summary>
    public static bool TryGet(MethodDesc method, [NotNullWhen(true)] out Intrinsic? intrinsic)
    {
        intrinsic = null;
        if (!method.Module.IsCoreLib || !s_table.TryGetValue(method.Typical.FullName, out Action<MethodTranslator, MethodDesc, string[]>? emit))
        {
            return false;
        }

        intrinsic = new Intrinsic(emit);
        return true;
    }

    private static Action<MethodTranslator, MethodDesc, string[]> Value(Func<string[], string> expression) =>
        (translator, callee, arguments) => translator.PushResult(callee.Signature.ReturnType, expression(arguments));

    private static Action<MethodTranslator, MethodDesc, string[]> Statement(Func<string[], string> statement) =>
        (translator, _, arguments) => translator.EmitStatement(statement(arguments));

    private static string ValueCType(MethodTranslator translator, TypeDesc type) =>
        translator.Compilation.Layouts.KindOf(type) == StackKind.ObjectRef ? "void*" : translator.Compilation.Layouts.CType(type);

    private static void ReadUnaligned(MethodTranslator translator, MethodDesc callee, string[] arguments)
    {
        string cType = ValueCType(translator, callee.Instantiation[0]);
        translator.PushResult(callee.Signature.ReturnType, $"({{ {cType} t_; __builtin_memcpy(&t_, (const void*){arguments[0]}, sizeof t_); t_; }})");
    }

    private static void WriteUnaligned(MethodTranslator translator, MethodDesc callee, string[] arguments)
    {
        string cType = ValueCType(translator, callee.Instantiation[0]);
        translator.EmitStatement($"{{ {cType} t_ = {arguments[1]}; __builtin_memcpy((void*){arguments[0]}, &t_, sizeof t_); }}");
    }

    private static void CreateSpan(MethodTranslator translator, MethodDesc callee, string[] arguments)
    {
        var span = (DefinedType)callee.Signature.ReturnType;
        TypeLayouts layouts = translator.Compilation.Layouts;
        string spanType = layouts.CType(span);
        string reference = layouts.MemberName(span.Fields.First(f => f.Name == "_reference"));
        string length = layouts.MemberName(span.Fields.First(f => f.Name == "_length"));
        string element = ValueCType(translator, callee.Instantiation[0]);
        translator.PushResult(span, $"({{ const XilcRvaField* f_ = (const XilcRvaField*){arguments[0]}._value; {spanType} s_; " +
            $"s_.{reference} = ({element}*)f_->data; s_.{length} = (int32_t)(f_->size / sizeof({element})); s_; }})");
    }

    private static void CopyArrayConverting(MethodTranslator translator, MethodDesc callee, string[] a)
    {
        string invalidCast = translator.Compilation.ThrowHelper("System.InvalidCastException");
        string mismatch = translator.Compilation.ThrowHelper("System.ArrayTypeMismatchException");
        translator.EmitStatement(
            $"{{ const XilcType* se_ = (const XilcType*)XILC_TYPE({a[0]})->t.element_type; const XilcType* de_ = (const XilcType*)XILC_TYPE({a[2]})->t.element_type; " +
            $"if ((se_->t.flags | de_->t.flags) & XILC_KIND_VALUE_TYPE) {mismatch}({translator.MethodName}); " +
            $"void** s_ = (void**)xous_array_data({a[0]}) + {a[1]}; void** d_ = (void**)xous_array_data({a[2]}) + {a[3]}; " +
            $"for (int32_t i_ = 0; i_ < {a[4]}; i_++) {{ void* e_ = s_[i_]; if (e_ != 0 && !xilc_is_assignable(XILC_TYPE(e_), de_)) {invalidCast}({translator.MethodName}); d_[i_] = e_; }} }}");
    }
}
