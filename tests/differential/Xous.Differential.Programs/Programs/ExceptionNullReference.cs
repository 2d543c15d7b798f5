using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>NullReferenceException from field loads and stores, virtual and interface calls, array access, unboxing and delegate invocation on null.</summary>
public static class ExceptionNullReference
{
    private class Node
    {
        public int Value;
        public Node? Next;

        public virtual int Get() => Value;
    }

    private interface IThing
    {
        int Do();
    }

    public static int Main()
    {
        Node? n = null;
        IThing? thing = null;
        int[]? arr = null;
        object? boxed = null;
        Func<int>? f = null;
        string? s = null;
        Try("field load", () => n!.Value);
        Try("field store", () => n!.Value = 1);
        Try("virtual call", () => n!.Get());
        Try("interface call", () => thing!.Do());
        Try("array load", () => arr![0]);
        Try("array length", () => arr!.Length);
        Try("unbox", () => (int)boxed!);
        Try("delegate invoke", () => f!());
        Try("string length", () => s!.Length);
        Try("chained", () => new Node { Next = null }.Next!.Value);
        Try("ok", () => new Node { Value = 5 }.Get());
        Try("null-conditional", () => n?.Value ?? -1);
        try
        {
            throw null!;
        }
        catch (NullReferenceException e)
        {
            Transcript.WriteLine("throw null: " + e.Message);
        }

        return 0;
    }

    private static void Try(string what, Func<int> f)
    {
        try
        {
            Transcript.WriteLine(what + ": " + f());
        }
        catch (NullReferenceException e)
        {
            Transcript.WriteLine(what + ": NullReferenceException: " + e.Message);
        }
    }
}
