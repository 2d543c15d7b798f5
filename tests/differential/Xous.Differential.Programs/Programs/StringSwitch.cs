using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>switch on strings: few cases (compare chain), many cases (hashed jump table), null, case guards, switch expressions.</summary>
public static class StringSwitch
{
    public static int Main()
    {
        string?[] inputs = { "add", "sub", "mul", "div", "mod", "and", "or", "xor", "shl", "shr", "nop", "", null, "ADD", "addx" };
        foreach (string? s in inputs)
        {
            Transcript.WriteLine((s ?? "<null>") + " -> " + Big(s, 12, 5) + " / " + Small(s) + " / " + Expr(s));
        }

        return 0;
    }

    private static int Big(string? op, int a, int b)
    {
        switch (op)
        {
            case "add":
                return a + b;
            case "sub":
                return a - b;
            case "mul":
                return a * b;
            case "div":
                return a / b;
            case "mod":
                return a % b;
            case "and":
                return a & b;
            case "or":
                return a | b;
            case "xor":
                return a ^ b;
            case "shl":
                return a << b;
            case "shr":
                return a >> b;
            case null:
                return -1;
            default:
                return -2;
        }
    }

    private static string Small(string? s)
    {
        switch (s)
        {
            case "add":
            case "sub":
                return "additive";
            case string t when t.Length == 0:
                return "empty";
            case string t when t.Length > 3:
                return "long";
            default:
                return "other";
        }
    }

    private static string Expr(string? s) => s switch
    {
        "nop" => "nothing",
        "shl" or "shr" => "shift",
        null => "null",
        { Length: 3 } => "three",
        _ => "?",
    };
}
