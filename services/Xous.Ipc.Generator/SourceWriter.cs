using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Xous.Ipc.Generator;

/// <summary>Builds generated source with four-space indentation and "\n" line ends, so output is byte-identical everywhere.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>A writer whose lines start at <paramref name="indent"/> levels (for text spliced in with <see cref="Append"/>).</summary>
    public SourceWriter(int indent = 0) => _indent = indent;

    /// <summary>Appends text written by another writer, as is.</summary>
    public void Append(SourceWriter other) => _text.Append(other._text);

    public void Line(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    public void Line() => _text.Append('\n');

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
    }

    public void Open()
    {
        Line("{");
        _indent++;
    }

    public void Close(string closing = "}")
    {
        _indent--;
        Line(closing);
    }

    public override string ToString() => _text.ToString();

    /// <summary>An identifier as it must be written in C# (reserved keywords get an @).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Text safe inside an XML doc comment or a line comment (no markup, no line breaks).</summary>
    public static string CommentText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char character in text)
        {
            builder.Append(character switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\r' or '\n' or '\u2028' or '\u2029' or '\u0085' => " ",
                _ => character.ToString(),
            });
        }

        return builder.ToString();
    }
}
