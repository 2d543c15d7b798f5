using System;

namespace Xous.Diagnostics;

/// <summary>
/// The output of a differential test program. On the host each call formats the value as .NET does (invariant
/// culture) and hands the text to the sink the runner installed; on the device tools/ilcompiler replaces every call
/// with the runtime's console output (the methods are intrinsics identified by assembly, type, name and parameter
/// types), so the C# bodies here never run there.
/// </summary>
public static class Transcript
{
    private static Action<string>? s_sink;

    /// <summary>Installs the host-side sink (the differential runner's buffer); null discards the output.</summary>
    public static void SetSink(Action<string>? sink) => s_sink = sink;

    /// <summary>Writes the text; null writes nothing, as Console.Write does.</summary>
    public static void Write(string? text)
    {
        if (text != null)
        {
            s_sink?.Invoke(text);
        }
    }

    /// <summary>Writes the text and a line feed.</summary>
    public static void WriteLine(string? text)
    {
        Write(text);
        WriteLine();
    }

    /// <summary>Writes a line feed.</summary>
    public static void WriteLine() => Write("\n");

    /// <summary>Writes one UTF-16 code unit.</summary>
    public static void Write(char value) => Write(new string(value, 1));

    /// <summary>Writes <c>True</c> or <c>False</c>.</summary>
    public static void Write(bool value) => Write(value ? "True" : "False");

    /// <summary>Writes <c>True</c> or <c>False</c> and a line feed.</summary>
    public static void WriteLine(bool value) => WriteLine(value ? "True" : "False");

    /// <summary>Writes the decimal form.</summary>
    public static void Write(int value) => Write(value.ToString());

    /// <summary>Writes the decimal form and a line feed.</summary>
    public static void WriteLine(int value) => WriteLine(value.ToString());

    /// <summary>Writes the decimal form.</summary>
    public static void Write(uint value) => Write(value.ToString());

    /// <summary>Writes the decimal form and a line feed.</summary>
    public static void WriteLine(uint value) => WriteLine(value.ToString());

    /// <summary>Writes the decimal form.</summary>
    public static void Write(long value) => Write(value.ToString());

    /// <summary>Writes the decimal form and a line feed.</summary>
    public static void WriteLine(long value) => WriteLine(value.ToString());

    /// <summary>Writes the decimal form.</summary>
    public static void Write(ulong value) => Write(value.ToString());

    /// <summary>Writes the decimal form and a line feed.</summary>
    public static void WriteLine(ulong value) => WriteLine(value.ToString());
}
