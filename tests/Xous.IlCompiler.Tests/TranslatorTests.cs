namespace Xous.IlCompiler.Tests;

/// <summary>What the translator emits for each group of opcodes (the C is also checked by gcc -Wall -Werror).</summary>
public class TranslatorTests
{
    private static string Program(string members) => $$"""
        namespace Snippet;
        public static unsafe class Program
        {
            {{members}}
        }
        """;

    [Fact]
    public void Signed_division_checks_for_zero_and_for_MinValue_by_minus_one()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => Div(7, 2) + Rem(7, 2); static int Div(int a, int b) => a / b; static int Rem(int a, int b) => a % b;"));
        Assert.Contains("xilc_throw_System_DivideByZeroException(\"Snippet.Program.Div\")", c);
        Assert.Contains("== INT32_MIN) xilc_throw_System_OverflowException(\"Snippet.Program.Div\")", c);
        Assert.Contains("== INT32_MIN) xilc_throw_System_OverflowException(\"Snippet.Program.Rem\")", c);
    }

    [Fact]
    public void Unsigned_division_is_done_on_unsigned_types()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => (int)(Div(7, 2) + (uint)Div64(9, 4)); static uint Div(uint a, uint b) => a / b; static ulong Div64(ulong a, ulong b) => a % b;"));
        Assert.Contains("(int32_t)((uint32_t)p_a / (uint32_t)p_b)", c.Replace("s0_i4", "p_a").Replace("s1_i4", "p_b"));
        Assert.Contains("(uint64_t)", c);
        Assert.DoesNotContain("xilc_throw_System_OverflowException(\"Snippet.Program.Div", c);
    }

    [Fact]
    public void Wrapping_arithmetic_never_relies_on_signed_overflow_in_C()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => Mix(1, 2); static int Mix(int a, int b) => a + b * a - -b;"));
        Assert.Contains("(int32_t)((uint32_t)", c);
        Assert.Contains("(int32_t)((uint32_t)0 - (uint32_t)", c);
    }

    [Fact]
    public void Shift_counts_are_masked_to_the_operand_width()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => (int)(L(1, 3) >> 1) + S(1, 2) + (int)U(8, 1); static long L(long a, int n) => a << n; static int S(int a, int n) => a >> n; static uint U(uint a, int n) => a >> n;"));
        Assert.Contains("& 63u", c);
        Assert.Contains("& 31u", c);
        Assert.Contains("(int32_t)((uint32_t)", c);
    }

    [Fact]
    public void Checked_arithmetic_uses_the_overflow_builtins_and_throws()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => checked(A(1, 2) + (int)B(3, 4)); static int A(int a, int b) => checked(a * b); static uint B(uint a, uint b) => checked(a - b);"));
        Assert.Contains("__builtin_mul_overflow((int32_t)", c);
        Assert.Contains("__builtin_sub_overflow((uint32_t)", c);
        Assert.Contains("__builtin_add_overflow((int32_t)", c);
    }

    [Fact]
    public void Checked_conversions_test_the_source_range()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => B(300) + (int)U(5); static byte B(int v) => checked((byte)v); static int U(uint v) => checked((int)v);"));
        Assert.Contains("< INT64_C(0) || (int64_t)", c);
        Assert.Contains("> INT64_C(255)) xilc_throw_System_OverflowException(\"Snippet.Program.B\")", c);
        Assert.Contains("> UINT64_C(2147483647)) xilc_throw_System_OverflowException(\"Snippet.Program.U\")", c);
    }

    [Fact]
    public void Unchecked_conversions_sign_or_zero_extend()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => (int)(S(-1) + (long)Z(-1)); static long S(int v) => v; static ulong Z(int v) => (uint)v;"));
        Assert.Contains("(int64_t)(int64_t)(", c);
        Assert.Contains("(int64_t)(uint64_t)((uint32_t)", c);
    }

    [Fact]
    public void A_dense_switch_becomes_a_C_switch_of_gotos()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => F(2); static int F(int v) { switch (v) { case 0: return 10; case 1: return 20; case 2: return 30; case 3: return 45; default: return -1; } }"));
        Assert.Contains("switch ((uint32_t)", c);
        Assert.Contains("case 3u: goto IL_", c);
    }

    [Fact]
    public void Stackalloc_uses_alloca_and_zeroes_unless_locals_are_skipped()
    {
        string c = Snippets.CompileToC(Program("public static int Main() { byte* p = stackalloc byte[Size()]; return p[0]; } static int Size() => 16;"));
        Assert.Contains("__builtin_alloca(n_); __builtin_memset(", c);
    }

    [Fact]
    public void A_volatile_field_gets_acquire_and_release_fences()
    {
        string c = Snippets.CompileToC(Program("static volatile int s_flag; public static int Main() { s_flag = 1; return s_flag; }"));
        Assert.Contains("__atomic_thread_fence(__ATOMIC_RELEASE);", c);
        Assert.Contains("__atomic_thread_fence(__ATOMIC_ACQUIRE);", c);
    }

    [Fact]
    public void A_precise_static_constructor_runs_on_entry_to_static_methods_and_a_beforefieldinit_one_on_field_access()
    {
        string c = Snippets.CompileToC("""
            namespace Snippet;
            public static class Precise { public static int Value; static Precise() { Value = 3; } public static int Get() => 1; }
            public static class Relaxed { public static int Value = 4; public static int Get() => 2; }
            public static class Program { public static int Main() => Precise.Get() + Relaxed.Get() + Relaxed.Value; }
            """);
        Assert.Contains("(void)s0_i4;\n    Snippet_Precise__ensure_initialized();\n    s0_i4 = 1;", c);
        Assert.Contains("(void)s0_i4;\n    s0_i4 = 2;", c);
        Assert.Contains("Snippet_Relaxed__ensure_initialized();\n    s", c);
        Assert.Contains("Snippet.Relaxed: beforefieldinit", c);
        Assert.Contains("Snippet.Precise: precise", c);
    }

    [Fact]
    public void String_literals_are_constant_UTF16_objects_shared_by_text()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => Length(\"h\u00e9\") + Length(\"h\u00e9\") + Length(\"\\uD83E\\uDD80\"); static int Length(string s) => s.Length;"));
        // One object per distinct text: "hé" twice in the source, once in the output.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(c, @"xilc_string_\d+ = \{ &System_String__type\.t, 2, \{ 0x0068, 0x00e9, 0 \} \};"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(c, @"xilc_string_\d+ = \{ &System_String__type\.t, 2, \{ 0xd83e, 0xdd80, 0 \} \};"));
        Assert.Contains("if (__builtin_expect(s0_o == 0, 0)) xilc_throw_System_NullReferenceException(", c);
    }

    [Fact]
    public void Structs_are_C_structs_passed_by_value_and_by_pointer()
    {
        string c = Snippets.CompileToC("""
            namespace Snippet;
            public struct Inner { public long A; public byte B; }
            public struct Outer { public Inner In; public int C; public void Bump() => C++; }
            public static unsafe class Program
            {
                public static int Main() { Outer o = default; o.In.A = 5; o.Bump(); return (int)Sum(o) + sizeof(Outer); }
                static long Sum(Outer o) => o.In.A + o.C;
            }
            """);
        Assert.True(c.IndexOf("struct Snippet_Inner {", StringComparison.Ordinal) < c.IndexOf("struct Snippet_Outer {", StringComparison.Ordinal));
        Assert.Contains("    xilc_int64_field A;", c);
        Assert.Contains("static void Snippet_Outer__Bump(struct Snippet_Outer* self)", c);
        Assert.Contains("static int64_t Snippet_Program__Sum(struct Snippet_Outer p_o)", c);
        Assert.Contains("(int32_t)sizeof(struct Snippet_Outer)", c);
    }

    [Fact]
    public void Overloads_get_their_parameter_types_in_the_C_name_and_unreached_methods_are_left_out()
    {
        CompilerResult result = Snippets.Compile(Program("public static int Main() => F(1) + F(2L) + F(); static int F(int a) => a; static int F(long a) => (int)a; static int F() => 0; static int Unused() => 9;"));
        Assert.Contains("Snippet_Program__F__i4(", result.CSource);
        Assert.Contains("Snippet_Program__F__i8(", result.CSource);
        Assert.Contains("Snippet_Program__F__void(", result.CSource);
        Assert.DoesNotContain("Unused", result.CSource);
        Assert.Equal(4, result.Methods.Count(m => m.StartsWith("Snippet.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ref_parameters_and_locals_are_pointers()
    {
        string c = Snippets.CompileToC(Program("public static int Main() { int x = 1; Inc(ref x); ref int r = ref x; r += 2; return x; } static void Inc(ref int v) => v++;"));
        Assert.Contains("static void Snippet_Program__Inc(int32_t* p_v)", c);
        Assert.Contains("(intptr_t)&l0", c);
    }

    [Fact]
    public void Sixty_four_bit_constants_and_MinValue_are_valid_C()
    {
        string c = Snippets.CompileToC(Program("public static int Main() => (int)(F() >> 32) + G(); static long F() => long.MinValue; static int G() => int.MinValue;"));
        Assert.Contains("(-INT64_C(9223372036854775807) - 1)", c);
        Assert.Contains("(-2147483647 - 1)", c);
    }
}
