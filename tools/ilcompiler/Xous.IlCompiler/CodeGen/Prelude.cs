namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// The fixed C at the top of every emitted file: the helpers that translated code calls for what the runtime does not
/// provide yet (unhandled-exception reports for the exceptions the IL itself raises, and the transcript intrinsics).
/// </summary>
internal static class Prelude
{
    /// <summary>
    /// The exit status of a program that ends with an unhandled exception (the status of a .NET process killed by
    /// the SIGABRT of an unhandled exception on Linux).
    /// </summary>
    public const int UnhandledExceptionExitStatus = 134;

    /// <summary>The text (after xous_rt.h, before the program's types).</summary>
    public const string Text = """
        /* 64-bit fields of structs and objects need only 4-byte alignment on RV32 (docs/device-profile.md). */
        typedef int64_t xilc_int64_field __attribute__((aligned(4)));
        typedef uint64_t xilc_uint64_field __attribute__((aligned(4)));

        #define XILC_HELPER static __attribute__((unused))

        /* The compiler's type descriptor: the runtime's XousType first (docs/ilcompiler.md, "Objects"). */
        #define XILC_KIND_INTERFACE 0x10000u
        #define XILC_KIND_VALUE_TYPE 0x20000u
        #define XILC_KIND_ARRAY 0x40000u
        #define XILC_KIND_ABSTRACT 0x80000u
        #define XILC_KIND_DELEGATE 0x100000u
        struct XilcType;
        typedef struct XilcInterfaceEntry { const struct XilcType* type; const void* const* slots; } XilcInterfaceEntry;
        typedef struct XilcType {
            XousType t;
            const void* name;                      /* System.String: Type.ToString() of the type */
            const void* cast_name;                 /* System.String: the name in InvalidCastException messages */
            const XilcInterfaceEntry* interfaces;  /* every interface the type implements, with its slots */
            uint16_t interface_count;
            uint8_t primitive;                     /* boxed primitives and enums: the (underlying) primitive kind */
            uint32_t value_size;                   /* value types: size of the unboxed value */
            void* (*enum_info)(void);              /* enums, when the program asks: DeviceRuntime.GetEnumInfo */
            /* Generic interfaces and delegates with variant (in/out) parameters: */
            const void* definition;                /* identifies the generic definition */
            const struct XilcType* const* arguments;
            uint16_t argument_count;
            uint16_t variance;                     /* 2 bits per parameter: 1 out (covariant), 2 in (contravariant) */
        } XilcType;

        /* A field with RVA data: what a RuntimeFieldHandle points to. */
        typedef struct XilcRvaField { const void* data; uint32_t size; } XilcRvaField;

        #define XILC_TYPE(object) ((const XilcType*)((const XousObject*)(object))->type)

        static int xilc_variant_compatible(const XilcType* from, const XilcType* to);
        /* What a virtual table holds for a slot no code calls (its implementation is not compiled). */
        XILC_HELPER void xilc_uncalled_slot(void)
        {
            xous_panic("a virtual method that no code calls was called (compiler bug)");
        }

        /* The slots of an interface without dispatchable methods (not null: null means "not implemented"). */
        static const void* const xilc_no_slots[1] __attribute__((unused)) = { 0 };
        static int xilc_is_assignable(const XilcType* from, const XilcType* to);

        XILC_HELPER int xilc_derives_from(const XousType* type, const XousType* target)
        {
            for (; type != 0; type = type->base) {
                if (type == target) return 1;
            }
            return 0;
        }

        XILC_HELPER const void* const* xilc_find_interface(const XilcType* type, const XilcType* iface)
        {
            for (uint32_t i = 0; i < type->interface_count; i++) {
                if (type->interfaces[i].type == iface) return type->interfaces[i].slots;
            }
            if (iface->definition != 0) {
                for (uint32_t i = 0; i < type->interface_count; i++) {
                    if (xilc_variant_compatible(type->interfaces[i].type, iface)) return type->interfaces[i].slots;
                }
            }
            return 0;
        }

        /* Primitive kinds (the compiler's PrimitiveKind) grouped as .NET's array element compatibility groups them. */
        XILC_HELPER int xilc_integral_class(uint32_t kind)
        {
            switch (kind) {
            case 2: case 4: case 5: return 1;      /* Boolean, SByte, Byte */
            case 3: case 6: case 7: return 2;      /* Char, Int16, UInt16 */
            case 8: case 9: return 3;              /* Int32, UInt32 */
            case 10: case 11: return 4;            /* Int64, UInt64 */
            case 12: case 13: return 5;            /* IntPtr, UIntPtr */
            default: return 100 + (int)kind;       /* floating point: only itself */
            }
        }

        /* Variance (ECMA-335 II.9.11): I<A> is assignable to I<B> when every argument is equal or, for an out
           parameter, A is a reference type assignable to B (in: B to A). */
        static int xilc_variant_compatible(const XilcType* from, const XilcType* to)
        {
            if (from->definition == 0 || from->definition != to->definition) return 0;
            for (uint32_t i = 0; i < to->argument_count; i++) {
                const XilcType* a = from->arguments[i];
                const XilcType* b = to->arguments[i];
                if (a == b) continue;
                uint32_t v = (to->variance >> (2 * i)) & 3u;
                if (v == 0 || (a->t.flags & XILC_KIND_VALUE_TYPE) || (b->t.flags & XILC_KIND_VALUE_TYPE)) return 0;
                if (v == 1 ? !xilc_is_assignable(a, b) : !xilc_is_assignable(b, a)) return 0;
            }
            return 1;
        }

        /* ECMA-335 assignment compatibility of run-time types: class derivation, interfaces, array covariance. */
        static int xilc_is_assignable(const XilcType* from, const XilcType* to)
        {
            if (from == to) return 1;
            if (to->t.flags & XILC_KIND_INTERFACE) {
                return xilc_find_interface(from, to) != 0;
            }
            if ((to->t.flags & XILC_KIND_ARRAY) != 0) {
                if ((from->t.flags & XILC_KIND_ARRAY) == 0) return 0;
                const XilcType* fe = (const XilcType*)from->t.element_type;
                const XilcType* te = (const XilcType*)to->t.element_type;
                if ((fe->t.flags & XILC_KIND_VALUE_TYPE) || (te->t.flags & XILC_KIND_VALUE_TYPE)) {
                    /* int[] and uint[] (and enum arrays of the same underlying size) are interchangeable, as in .NET. */
                    return fe->primitive != 0 && te->primitive != 0 && xilc_integral_class(fe->primitive) == xilc_integral_class(te->primitive);
                }
                return xilc_is_assignable(fe, te);
            }
            return xilc_derives_from(from->t.base, &to->t) || xilc_variant_compatible(from, to);
        }

        /* Interface dispatch: the slots of iface in the object's type (a verified program always finds them). */
        XILC_HELPER const void* const* xilc_interface_slots(const void* object, const XilcType* iface)
        {
            const void* const* slots = xilc_find_interface(XILC_TYPE(object), iface);
            if (slots == 0) xous_panic("interface dispatch: the object does not implement the interface");
            return slots;
        }

        /*
         * Exceptions (docs/ilcompiler.md, "Exceptions"): every try block with a handler pushes a frame with a
         * __builtin_setjmp buffer; a throw pops the innermost frame and jumps to it, where the method's dispatch code
         * tests the catch clauses, runs finally/fault blocks and rethrows outwards. No frame: unhandled.
         */
        typedef struct XilcFrame { struct XilcFrame* prev; void* jump[5]; } XilcFrame;
        static XilcFrame* xilc_frames;
        static void* xilc_exception;                 /* the exception in flight (a GC root) */
        static const char* xilc_exception_method;    /* where it was thrown */
        static void xilc_report_unhandled(void* exception, const char* method);

        XILC_HELPER __attribute__((noinline, noreturn)) void xilc_rethrow(void* exception, const char* method)
        {
            xilc_exception = exception;
            xilc_exception_method = method;
            XilcFrame* frame = xilc_frames;
            if (frame == 0) {
                xilc_report_unhandled(exception, method);
                xous_exit(XILC_UNHANDLED_EXIT_STATUS);
            }
            xilc_frames = frame->prev;
            __builtin_longjmp(frame->jump, 1);
        }

        static void* xilc_out_of_memory;             /* allocated at start-up, thrown when the heap is full */

        XILC_HELPER void* xilc_new(const XilcType* type, const char* method)
        {
            void* object = xous_gc_alloc(&type->t);
            if (__builtin_expect(object == 0, 0)) xilc_rethrow(xilc_out_of_memory, method);
            return object;
        }

        /* length >= 0 (checked by the caller, which throws OverflowException). */
        XILC_HELPER void* xilc_new_array(const XilcType* type, int32_t length, const char* method)
        {
            void* array = xous_gc_alloc_array(&type->t, length);
            if (__builtin_expect(array == 0, 0)) xilc_rethrow(xilc_out_of_memory, method);
            return array;
        }

        /* Object.MemberwiseClone: a new object of the same type (and length) with the same contents. */
        XILC_HELPER void* xilc_memberwise_clone(void* object, const char* method)
        {
            const XilcType* type = XILC_TYPE(object);
            uint32_t size = xous_gc_object_size(object);
            void* clone;
            uint32_t header;
            if (type->t.flags & XOUS_TYPE_ARRAY) {
                clone = xilc_new_array(type, ((XousArray*)object)->length, method);
                header = XOUS_ARRAY_DATA_OFFSET;
            } else {
                clone = xilc_new(type, method);
                header = XOUS_OBJECT_HEADER_SIZE;
            }
            __builtin_memcpy((uint8_t*)clone + header, (const uint8_t*)object + header, size - header);
            return clone;
        }

        /* Xous.Diagnostics.Transcript (tests/differential): console output of test programs. */
        XILC_HELPER void xilc_transcript_char(int32_t c)
        {
            uint16_t unit = (uint16_t)c;
            xous_console_write_utf16(&unit, 1);
        }

        /* Through the UTF-16 writer, so that a held high surrogate is resolved before the line feed. */
        XILC_HELPER void xilc_transcript_newline(void)
        {
            xilc_transcript_char('\n');
        }

        XILC_HELPER void xilc_transcript_bool(int32_t value)
        {
            xous_console_write_cstr((uint8_t)value != 0 ? "True" : "False");
        }

        """;
}
