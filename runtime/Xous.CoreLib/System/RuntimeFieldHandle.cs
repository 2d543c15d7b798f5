namespace System;

// The fields are written by tools/ilcompiler (or, for the views, never: they only describe a layout).
#pragma warning disable CS0649

/// <summary>A handle to a field (the C# compiler passes one to RuntimeHelpers.InitializeArray and CreateSpan).</summary>
public struct RuntimeFieldHandle
{
    private readonly nint _value;

    public nint Value => _value;
}
