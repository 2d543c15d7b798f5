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

    /// <summary>The text.</summary>
    public const string Text = """
        /* 64-bit fields of structs and objects need only 4-byte alignment on RV32 (docs/device-profile.md). */
        typedef int64_t xilc_int64_field __attribute__((aligned(4)));
        typedef uint64_t xilc_uint64_field __attribute__((aligned(4)));

        #define XILC_HELPER static __attribute__((unused))

        /*
         * An exception the IL raises (overflow, division by zero, null dereference) with no handler: exception
         * handling is not compiled yet, so every such exception is unhandled. Prints what .NET prints first
         * ("Unhandled exception. Type: Message") and the method, then exits with a failure status.
         */
        XILC_HELPER _Noreturn void xilc_unhandled(const char* type, const char* message, const char* method)
        {
            xous_console_write_cstr("Unhandled exception. ");
            xous_console_write_cstr(type);
            xous_console_write_cstr(": ");
            xous_console_write_cstr(message);
            xous_console_write_cstr("\n   at ");
            xous_console_write_cstr(method);
            xous_console_write_cstr("\n");
            xous_exit(XILC_UNHANDLED_EXIT_STATUS);
        }

        XILC_HELPER _Noreturn void xilc_throw_overflow(const char* method)
        {
            xilc_unhandled("System.OverflowException", "Arithmetic operation resulted in an overflow.", method);
        }

        XILC_HELPER _Noreturn void xilc_throw_divide_by_zero(const char* method)
        {
            xilc_unhandled("System.DivideByZeroException", "Attempted to divide by zero.", method);
        }

        XILC_HELPER _Noreturn void xilc_throw_null_reference(const char* method)
        {
            xilc_unhandled("System.NullReferenceException", "Object reference not set to an instance of an object.", method);
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
