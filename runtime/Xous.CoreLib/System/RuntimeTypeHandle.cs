namespace System;

// The fields are written by tools/ilcompiler (or, for the views, never: they only describe a layout).
#pragma warning disable CS0649

/// <summary>A handle to a type's run-time descriptor (used by the C# compiler's ldtoken; no reflection).</summary>
public struct RuntimeTypeHandle
{
    private readonly nint _value;

    public nint Value => _value;
}
