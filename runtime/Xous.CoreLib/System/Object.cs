using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// The root of the type hierarchy. Every object starts with one pointer-sized header (the address of its type
/// descriptor) followed by its fields, the first field immediately after the header (docs/device-profile.md).
/// There is no Finalize and no GetType (no reflection). The C# compiler still accepts a destructor without
/// Object.Finalize (it emits a Finalize that overrides nothing); the device-profile analyzer or tools/ilcompiler
/// must reject it, since the collector never runs finalizers.
/// </summary>
public class Object
{
    public Object()
    {
    }

    /// <summary>Reference equality, as in .NET.</summary>
    public virtual bool Equals(object? obj) => this == obj;

    public static bool Equals(object? objA, object? objB)
    {
        if (objA == objB)
        {
            return true;
        }

        if (objA == null || objB == null)
        {
            return false;
        }

        return objA.Equals(objB);
    }

    public static bool ReferenceEquals(object? objA, object? objB) => objA == objB;

    /// <summary>The identity hash code (<see cref="RuntimeHelpers.GetHashCode(object)"/>).</summary>
    public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>The full name of the object's type, formatted as .NET's Type.ToString() formats it.</summary>
    public virtual string? ToString() => DeviceRuntime.GetTypeName(this);

    /// <summary>A shallow copy: a new object of the same type whose fields are copies of this one's.</summary>
    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    protected extern object MemberwiseClone();
}
