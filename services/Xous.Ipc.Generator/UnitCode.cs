namespace Xous.Ipc.Generator;

/// <summary>Statements that encode values into 32-bit units and decode them back (Xous.Ipc.IpcUnits).</summary>
internal static class UnitCode
{
    private static string UnitsMethodSuffix(WireKind kind) => kind switch
    {
        WireKind.Boolean => "Boolean",
        WireKind.Char => "Char",
        WireKind.SByte => "SByte",
        WireKind.Byte => "Byte",
        WireKind.Int16 => "Int16",
        WireKind.UInt16 => "UInt16",
        WireKind.Int32 => "Int32",
        WireKind.UInt32 => "UInt32",
        WireKind.Int64 => "Int64",
        WireKind.UInt64 => "UInt64",
        _ => "Struct",
    };

    /// <summary>Declares <c>uint __unit{first}</c>… holding <paramref name="value"/>'s units.</summary>
    public static void EncodeUnits(SourceWriter writer, WireType type, string value, int first)
    {
        switch (type.Kind)
        {
            case WireKind.Struct:
                var outs = new string[4];
                for (int index = 0; index < 4; index++)
                {
                    outs[index] = index < type.Units ? "out uint __unit" + (first + index) : "out _";
                }

                writer.Line(Emitter.Ipc + "IpcUnits.FromStruct(in " + value + ", " + string.Join(", ", outs) + ");");
                break;
            case WireKind.Int64:
            case WireKind.UInt64:
                string bits = type.Kind == WireKind.UInt64 && !type.IsEnum ? value : "unchecked((ulong)" + value + ")";
                writer.Line("uint __unit" + first + " = " + Emitter.Ipc + "IpcUnits.Low(" + bits + ");");
                writer.Line("uint __unit" + (first + 1) + " = " + Emitter.Ipc + "IpcUnits.High(" + bits + ");");
                break;
            default:
                string primitive = type.IsEnum ? "unchecked((" + WireType.Keyword(type.Kind) + ")" + value + ")" : value;
                writer.Line("uint __unit" + first + " = " + Emitter.Ipc + "IpcUnits.From" + UnitsMethodSuffix(type.Kind) + "(" + primitive + ");");
                break;
        }
    }

    /// <summary>The four unit arguments of a send or reply: the declared units, then zeros.</summary>
    public static string UnitArguments(int units, int count = 4)
    {
        var arguments = new string[count];
        for (int index = 0; index < count; index++)
        {
            arguments[index] = index < units ? "__unit" + index : "0";
        }

        return string.Join(", ", arguments);
    }

    /// <summary>
    /// Declares <paramref name="target"/> decoded from <paramref name="words"/> (starting at <paramref name="first"/>),
    /// running <paramref name="failure"/> when the units are not an exact encoding.
    /// </summary>
    public static void DecodeUnits(
        SourceWriter writer, WireType type, string[] words, int first, string target, string rawTarget, string failure, BooleanTables booleans)
    {
        string condition;
        switch (type.Kind)
        {
            case WireKind.Struct:
                var arguments = new string[4];
                for (int index = 0; index < 4; index++)
                {
                    arguments[index] = index < type.Units ? words[first + index] : "0";
                }

                condition = Emitter.Ipc + "IpcUnits.TryToStruct<" + type.TypeName + ">(" + string.Join(", ", arguments) + ", " +
                            booleans.Get(type) + ", out " + type.TypeName + " " + target + ")";
                break;
            case WireKind.Int64:
            case WireKind.UInt64:
                condition = Emitter.Ipc + "IpcUnits.TryTo" + UnitsMethodSuffix(type.Kind) + "(" + words[first] + ", " + words[first + 1] +
                            ", out " + WireType.Keyword(type.Kind) + " " + (type.IsEnum ? rawTarget : target) + ")";
                break;
            default:
                condition = Emitter.Ipc + "IpcUnits.TryTo" + UnitsMethodSuffix(type.Kind) + "(" + words[first] + ", out " +
                            WireType.Keyword(type.Kind) + " " + (type.IsEnum ? rawTarget : target) + ")";
                break;
        }

        writer.Open("if (!" + condition + ")");
        writer.Line(failure);
        writer.Close();
        if (type.IsEnum)
        {
            writer.Line();
            writer.Line(type.TypeName + " " + target + " = unchecked((" + type.TypeName + ")" + rawTarget + ");");
        }

        writer.Line();
    }
}
