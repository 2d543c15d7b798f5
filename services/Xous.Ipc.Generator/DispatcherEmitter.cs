using System.Collections.Generic;

namespace Xous.Ipc.Generator;

/// <summary>The dispatcher: validate every message, then call the handler; count requests and errors per opcode.</summary>
internal static class DispatcherEmitter
{
    private static readonly string[] s_argumentWords = { "message.Arg1", "message.Arg2", "message.Arg3", "message.Arg4" };
    private static readonly string[] s_headerWords = { "__request.Unit0", "__request.Unit1", "__request.Unit2", "__request.Unit3" };

    public static string Emit(ContractModel contract)
    {
        var booleans = new BooleanTables();
        var body = new SourceWriter(indent: 1);
        EmitDispatch(body, contract);
        foreach (MethodModel method in contract.Methods)
        {
            body.Line();
            EmitMethod(body, contract, method, booleans);
        }

        foreach (MethodModel method in contract.Methods)
        {
            if (method.Deferred)
            {
                body.Line();
                EmitDeferredReply(body, contract, method);
            }
        }

        var opcodes = new List<string>();
        foreach (MethodModel method in contract.Methods)
        {
            opcodes.Add(method.Opcode.ToString());
        }

        var writer = new SourceWriter();
        Emitter.Header(writer, contract);
        writer.Line("/// <summary>");
        writer.Line("/// Serves <see cref=\"" + contract.InterfaceFullName + "\"/>: validates each message (kind, scalar units, header, lengths,");
        writer.Line("/// bools) and only then calls the <see cref=\"" + contract.Qualified(contract.HandlerName) + "\"/>; counts requests and");
        writer.Line("/// errors per opcode. A handler's exception is not caught.");
        writer.Line("/// </summary>");
        writer.Open(contract.Accessibility + " sealed class " + contract.DispatcherName + " : " + Emitter.Ipc + "IIpcDispatcher");
        writer.Line("/// <summary>The largest memory message of the contract, in bytes ([IpcContract] MaxMessageBytes).</summary>");
        writer.Line("public const int MaxMessageBytes = " + contract.MaxMessageBytes + ";");
        writer.Line();
        booleans.Emit(writer);
        writer.Line("private readonly " + contract.Qualified(contract.HandlerName) + " __handler;");
        writer.Line("private readonly " + Emitter.Ipc + "OpcodeCounters __counters;");
        writer.Line();
        writer.Line("/// <summary>A dispatcher that calls <paramref name=\"handler\"/>; its counters index opcodes in contract order.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"handler\"/> is null.</exception>");
        writer.Open("public " + contract.DispatcherName + "(" + contract.Qualified(contract.HandlerName) + " handler)");
        writer.Line("__handler = handler ?? throw new global::System.ArgumentNullException(nameof(handler));");
        writer.Line("__counters = new " + Emitter.Ipc + "OpcodeCounters(new uint[] { " + string.Join(", ", opcodes) + " });");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public " + Emitter.Ipc + "OpcodeCounters Counters => __counters;");
        writer.Line();
        writer.Append(body);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitDispatch(SourceWriter writer, ContractModel contract)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Open("public " + Emitter.Ipc + "Reply Dispatch(in " + Emitter.Ipc + "IncomingMessage message)");
        writer.Open("if (message.Opcode > uint.MaxValue)");
        writer.Line("return __counters.RejectUnknownOpcode(in message);");
        writer.Close();
        writer.Line();
        writer.Open("switch ((uint)message.Opcode)");
        foreach (MethodModel method in contract.Methods)
        {
            writer.Line("case " + Emitter.Opcode(contract, method) + ":");
            writer.Line("    return __Dispatch_" + method.Name + "(in message);");
        }

        writer.Line("default:");
        writer.Line("    return __counters.RejectUnknownOpcode(in message);");
        writer.Close();
        writer.Close();
    }

    private static void EmitMethod(SourceWriter writer, ContractModel contract, MethodModel method, BooleanTables booleans)
    {
        string index = method.Index.ToString();
        writer.Open("private " + Emitter.Ipc + "Reply __Dispatch_" + method.Name + "(in " + Emitter.Ipc + "IncomingMessage message)");
        writer.Line("__counters.CountRequest(" + index + ");");
        writer.Open("if (message.Kind != " + Emitter.Abi + "MessageKind." + Emitter.KindName(method.Kind) + ")");
        writer.Line("return __counters.Reject(" + index + ", in message, " + Emitter.Ipc + "IpcStatus.WrongMessageKind);");
        writer.Close();
        writer.Line();

        string malformed = "return __counters.Reject(" + index + ", in message, " + Emitter.Ipc + "IpcStatus.MalformedPayload);";
        ParameterModel? memory = method.MemoryParameter;
        string[] words = s_argumentWords;
        if (memory is not null)
        {
            words = s_headerWords;
            string minimum = memory.IsSpan ? "0" : "1";
            writer.Line(Emitter.Ipc + "IpcStatus __status = " + Emitter.Ipc + "MemoryRequest.TryRead(in message, " + memory.Type.Size + ", " + minimum + ", " +
                        memory.MaxLength + ", out " + Emitter.Ipc + "MemoryRequest __request);");
            writer.Open("if (__status != " + Emitter.Ipc + "IpcStatus.Ok)");
            writer.Line("return __counters.Reject(" + index + ", in message, __status);");
            writer.Close();
            writer.Line();
        }

        foreach (ParameterModel parameter in method.Parameters)
        {
            if (parameter.Shape == ParameterShape.Scalar)
            {
                UnitCode.DecodeUnits(writer, parameter.Type, words, parameter.FirstUnit, "__arg_" + parameter.Name, "__raw_" + parameter.Name, malformed, booleans);
            }
        }

        if (memory is not null)
        {
            EmitPayloadView(writer, memory, malformed, booleans);
        }

        EmitHandlerCall(writer, contract, method);
        writer.Close();
    }

    private static void EmitPayloadView(SourceWriter writer, ParameterModel memory, string malformed, BooleanTables booleans)
    {
        WireType element = memory.Type;
        if (!element.BooleanOffsets.IsEmpty)
        {
            writer.Open("if (!" + Emitter.Ipc + "MemoryPayload.AreBooleansCanonical(__request.Payload, " + element.Size + ", " + booleans.Get(element) + "))");
            writer.Line(malformed);
            writer.Close();
            writer.Line();
        }

        string target = "__arg_" + memory.Name;
        string view = element.Kind == WireKind.Byte && !element.IsEnum
            ? "__request.Payload"
            : Emitter.Marshal + "Cast<byte, " + element.TypeName + ">(__request.Payload)";
        switch (memory.Shape)
        {
            case ParameterShape.ReadOnlySpan:
                writer.Line("global::System.ReadOnlySpan<" + element.TypeName + "> " + target + " = " + view + ";");
                break;
            case ParameterShape.Span:
                writer.Line("global::System.Span<" + element.TypeName + "> " + target + " = " + view + ";");
                break;
            case ParameterShape.ReadOnlyReference:
                writer.Line("ref readonly " + element.TypeName + " " + target + " = ref " + Emitter.Marshal + "AsRef<" + element.TypeName + ">(__request.Payload);");
                break;
            default:
                writer.Line("ref " + element.TypeName + " " + target + " = ref " + Emitter.Marshal + "AsRef<" + element.TypeName + ">(__request.Payload);");
                break;
        }
    }

    private static void EmitHandlerCall(SourceWriter writer, ContractModel contract, MethodModel method)
    {
        var arguments = new List<string>();
        if (method.IncludeSender)
        {
            arguments.Add("message.Sender");
        }

        foreach (ParameterModel parameter in method.Parameters)
        {
            string prefix = parameter.Shape switch
            {
                ParameterShape.ReadOnlyReference => "in ",
                ParameterShape.Reference => "ref ",
                _ => string.Empty,
            };
            arguments.Add(prefix + "__arg_" + parameter.Name);
        }

        if (method.Deferred)
        {
            arguments.Add("new " + Emitter.Ipc + "DeferredReply(message.Sender)");
        }

        string call = "__handler." + SourceWriter.Identifier(method.Name) + "(" + string.Join(", ", arguments) + ");";
        if (method.Deferred)
        {
            writer.Line(call);
            writer.Line("return " + Emitter.Ipc + "Reply.Deferred;");
            return;
        }

        if (method.ReturnType is null)
        {
            writer.Line(call);
            writer.Line("return " + method.Kind switch
            {
                MethodKind.Scalar or MethodKind.Move => Emitter.Ipc + "Reply.None;",
                MethodKind.BlockingScalar => Emitter.Ipc + "Reply.Scalar5(" + Emitter.Ipc + "IpcStatus.Ok, 0, 0, 0, 0);",
                _ => Emitter.Ipc + "Reply.Memory(" + Emitter.Ipc + "IpcStatus.Ok, 0);",
            });
            return;
        }

        writer.Line(method.ReturnType.TypeName + " __result = " + call);
        EmitResultReply(writer, method);
    }

    private static void EmitResultReply(SourceWriter writer, MethodModel method)
    {
        WireType type = method.ReturnType!;
        UnitCode.EncodeUnits(writer, type, "__result", 0);
        writer.Line(method.Kind == MethodKind.BlockingScalar
            ? "return " + Emitter.Ipc + "Reply.Scalar5(" + Emitter.Ipc + "IpcStatus.Ok, " + UnitCode.UnitArguments(type.Units) + ");"
            : "return " + Emitter.Ipc + "Reply.Memory(" + Emitter.Ipc + "IpcStatus.Ok, __unit0);");
    }

    private static void EmitDeferredReply(SourceWriter writer, ContractModel contract, MethodModel method)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The reply that completes a deferred <see cref=\"" + Emitter.MethodCref(contract, method) + "\"/>: send it to the");
        writer.Line("/// <see cref=\"" + Emitter.Ipc + "DeferredReply.Sender\"/> the handler kept (ReturnScalar5).");
        writer.Line("/// </summary>");
        if (method.ReturnType is null)
        {
            writer.Line("public static " + Emitter.Ipc + "Reply " + method.Name + "Reply() => " + Emitter.Ipc + "Reply.Scalar5(" + Emitter.Ipc + "IpcStatus.Ok, 0, 0, 0, 0);");
            return;
        }

        writer.Open("public static " + Emitter.Ipc + "Reply " + method.Name + "Reply(" + method.ReturnType.TypeName + " result)");
        UnitCode.EncodeUnits(writer, method.ReturnType, "result", 0);
        writer.Line("return " + Emitter.Ipc + "Reply.Scalar5(" + Emitter.Ipc + "IpcStatus.Ok, " + UnitCode.UnitArguments(method.ReturnType.Units) + ");");
        writer.Close();
    }
}
