using System.Globalization;
using System.Text;

namespace Xous.IlCompiler.CodeGen;

/// <summary>
/// The <c>ldstr</c> literals: each distinct text becomes one constant string object in read-only data, laid out as
/// the runtime's strings are (header, int32 length, UTF-16 code units, NUL).
/// </summary>
internal sealed class StringLiterals
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    /// <summary>True when the code uses at least one literal (and so needs System.String's type descriptor).</summary>
    public bool Any => _texts.Count > 0;

    /// <summary>The C name of the constant object for <paramref name="text"/>.</summary>
    public string Require(string text)
    {
        if (!_names.TryGetValue(text, out string? name))
        {
            name = "xilc_string_" + _texts.Count.ToString(CultureInfo.InvariantCulture);
            _names.Add(text, name);
            _texts.Add(text);
        }

        return name;
    }

    /// <summary>Writes every literal; <paramref name="stringType"/> is the C expression of System.String's XousType.</summary>
    public void Write(StringBuilder output, string stringType)
    {
        foreach (string text in _texts)
        {
            output.Append("/* \"").Append(CLiteral.Comment(text)).AppendLine("\" */");
            output.Append("static const struct { const XousType* type; int32_t length; uint16_t chars[")
                .Append(text.Length + 1).Append("]; } ").Append(_names[text]).Append(" = { &").Append(stringType).Append(", ")
                .Append(text.Length).Append(", { ");
            foreach (char c in text)
            {
                output.Append(CultureInfo.InvariantCulture, $"0x{(int)c:x4}, ");
            }

            output.AppendLine("0 } };");
        }
    }
}
