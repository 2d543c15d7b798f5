namespace Xous.Ipc.Generator;

/// <summary>The client proxy: encode, send over the channel, check, decode.</summary>
internal static class ClientEmitter
{
    private static readonly string[] s_scalarReplyWords = { "__reply.Word1", "__reply.Word2", "__reply.Word3", "__reply.Word4" };
    private static readonly string[] s_memoryReplyWords = { "__reply.Valid" };

    public static string Emit(ContractModel contract)
    {
        var booleans = new BooleanTables();
        var body = new SourceWriter(indent: 1);
        bool first = true;
        foreach (MethodModel method in contract.Methods)
        {
            if (!first)
            {
                body.Line();
            }

            first = false;
            EmitMethod(body, contract, method, booleans);
        }

        var writer = new SourceWriter();
        Emitter.Header(writer, contract);
        writer.Line("/// <summary>");
        writer.Line("/// The client proxy of <see cref=\"" + contract.InterfaceFullName + "\"/>: each method encodes its arguments, sends them");
        writer.Line("/// over an <see cref=\"" + Emitter.Ipc + "IIpcChannel\"/> and decodes the reply. A call the kernel or the server rejects throws");
        writer.Line("/// <see cref=\"" + Emitter.Ipc + "IpcException\"/>; a span longer than its [MaxLength] throws <see cref=\"global::System.ArgumentException\"/>");
        writer.Line("/// before anything is sent.");
        writer.Line("/// </summary>");
        writer.Open(contract.Accessibility + " sealed class " + contract.ClientName + " : " + contract.InterfaceFullName);
        booleans.Emit(writer);
        writer.Line("private readonly " + Emitter.Ipc + "IIpcChannel __channel;");
        writer.Line();
        writer.Line("/// <summary>A client that sends over <paramref name=\"channel\"/> (a connection to the server).</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"channel\"/> is null.</exception>");
        writer.Open("public " + contract.ClientName + "(" + Emitter.Ipc + "IIpcChannel channel)");
        writer.Line("__channel = channel ?? throw new global::System.ArgumentNullException(nameof(channel));");
        writer.Close();
        if (contract.Methods.Length > 0)
        {
            writer.Line();
        }

        writer.Append(body);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitMethod(SourceWriter writer, ContractModel contract, MethodModel method, BooleanTables booleans)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Open("public " + Emitter.ReturnTypeName(method) + " " + SourceWriter.Identifier(method.Name) + "(" + Emitter.ParameterList(method) + ")");
        writer.Line("const uint __opcode = " + Emitter.Opcode(contract, method) + ";");
        ParameterModel? memory = method.MemoryParameter;
        if (memory is not null && memory.IsSpan)
        {
            writer.Line(Emitter.Ipc + "IpcClientSupport.CheckLength(" + SourceWriter.Identifier(memory.Name) + ".Length, " + memory.MaxLength +
                        ", \"" + memory.Name + "\", \"" + contract.InterfaceName + "." + method.Name + "\");");
        }

        foreach (ParameterModel parameter in method.Parameters)
        {
            if (parameter.Shape == ParameterShape.Scalar)
            {
                UnitCode.EncodeUnits(writer, parameter.Type, SourceWriter.Identifier(parameter.Name), parameter.FirstUnit);
            }
        }

        string units = UnitCode.UnitArguments(method.ScalarUnits);
        string failure = "throw " + Emitter.Ipc + "IpcClientSupport.MalformedReply(__opcode);";
        if (memory is null)
        {
            if (method.Kind == MethodKind.Scalar)
            {
                writer.Line(Emitter.Abi + "XousError __error = __channel.SendScalar(__opcode, " + units + ");");
                writer.Line(Emitter.Ipc + "IpcClientSupport.CheckSent(__opcode, __error);");
            }
            else
            {
                writer.Line(Emitter.Abi + "XousError __error = __channel.SendBlockingScalar(__opcode, " + units + ", out " + Emitter.Ipc + "ScalarReply __reply);");
                writer.Line(Emitter.Ipc + "IpcClientSupport.CheckScalarReply(__opcode, __error, in __reply);");
                if (method.ReturnType is not null)
                {
                    writer.Line();
                    UnitCode.DecodeUnits(writer, method.ReturnType, s_scalarReplyWords, 0, "__result", "__resultRaw", failure, booleans);
                    writer.Line("return __result;");
                }
            }

            writer.Close();
            return;
        }

        EmitMemoryCall(writer, method, memory, units, failure, booleans);
        writer.Close();
    }

    private static void EmitMemoryCall(SourceWriter writer, MethodModel method, ParameterModel memory, string units, string failure, BooleanTables booleans)
    {
        string name = SourceWriter.Identifier(memory.Name);
        WireType element = memory.Type;
        writer.Line("int __payloadLength = " + (memory.IsSpan ? name + ".Length * " + element.Size : element.Size.ToString()) + ";");
        writer.Line("int __length = " + Emitter.Ipc + "MemoryPayload.HeaderSize + __payloadLength;");
        writer.Line("global::System.Span<byte> __buffer = __channel.AcquireBuffer(__length);");
        writer.Line(Emitter.Ipc + "MemoryPayload.WriteHeader(__buffer, __payloadLength, " + units + ");");
        writer.Line("global::System.Span<byte> __payload = __buffer.Slice(" + Emitter.Ipc + "MemoryPayload.HeaderSize, __payloadLength);");
        if (memory.IsSpan)
        {
            bool isBytes = element.Kind == WireKind.Byte && !element.IsEnum;
            writer.Line((isBytes ? name : Emitter.Marshal + "AsBytes(" + name + ")") + ".CopyTo(__payload);");
        }
        else
        {
            writer.Line(Emitter.Marshal + "Write(__payload, in " + name + ");");
        }

        if (method.Kind == MethodKind.Move)
        {
            writer.Line(Emitter.Abi + "XousError __error = __channel.MoveBuffer(__opcode, __length, 0, (nuint)__length);");
            writer.Line(Emitter.Ipc + "IpcClientSupport.CheckSent(__opcode, __error);");
            return;
        }

        string mutable = method.Kind == MethodKind.MutableBorrow ? "true" : "false";
        writer.Line(Emitter.Abi + "XousError __error = __channel.LendBuffer(__opcode, " + mutable + ", __length, 0, (nuint)__length, out " + Emitter.Ipc + "MemoryReply __reply);");
        writer.Line(Emitter.Ipc + "IpcClientSupport.CheckMemoryReply(__opcode, __error, in __reply);");
        if (method.ReturnType is not null)
        {
            writer.Line();
            UnitCode.DecodeUnits(writer, method.ReturnType, s_memoryReplyWords, 0, "__result", "__resultRaw", failure, booleans);
        }

        if (method.Kind == MethodKind.MutableBorrow)
        {
            if (method.ReturnType is null)
            {
                writer.Line();
            }

            if (!element.BooleanOffsets.IsEmpty)
            {
                writer.Open("if (!" + Emitter.Ipc + "MemoryPayload.AreBooleansCanonical(__payload, " + element.Size + ", " + booleans.Get(element) + "))");
                writer.Line(failure);
                writer.Close();
                writer.Line();
            }

            if (memory.IsSpan)
            {
                bool isBytes = element.Kind == WireKind.Byte && !element.IsEnum;
                writer.Line((isBytes ? "__payload" : Emitter.Marshal + "Cast<byte, " + element.TypeName + ">(__payload)") + ".CopyTo(" + name + ");");
            }
            else
            {
                writer.Line(name + " = " + Emitter.Marshal + "Read<" + element.TypeName + ">(__payload);");
            }
        }

        if (method.ReturnType is not null)
        {
            writer.Line("return __result;");
        }
    }
}
