namespace System;

// The fields are written by tools/ilcompiler (or, for the views, never: they only describe a layout).
#pragma warning disable CS0649

/// <summary>A handle to a method (kept because the C# compiler knows the type; no reflection).</summary>
public struct RuntimeMethodHandle
{
    private readonly nint _value;

    public nint Value => _value;
}
