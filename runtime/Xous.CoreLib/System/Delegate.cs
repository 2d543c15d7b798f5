using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// The base class of delegates. A delegate is a target object (null for a static method) and the entry address
/// of a method; tools/ilcompiler emits each delegate type's constructor and Invoke (docs/device-profile.md,
/// "Delegates"). Combination lives in <see cref="MulticastDelegate"/>. Method, DynamicInvoke and CreateDelegate
/// are left out (they need reflection).
/// </summary>
public abstract class Delegate
{
    // Written by the constructor of every delegate type (compiler-supplied), so C# never assigns them.
#pragma warning disable CS0649
    internal object? _target;
    internal nint _methodPtr;
#pragma warning restore CS0649

    private protected Delegate()
    {
    }

    /// <summary>The object the last method in the invocation list is invoked on; null for a static method.</summary>
    public object? Target => GetTarget();

    /// <summary>True when the invocation list holds exactly one method.</summary>
    public bool HasSingleTarget => ((MulticastDelegate)this)._invocationList is null;

    internal virtual object? GetTarget() => _target;

    [return: NotNullIfNotNull(nameof(a))]
    [return: NotNullIfNotNull(nameof(b))]
    public static Delegate? Combine(Delegate? a, Delegate? b)
    {
        if (a is null)
        {
            return b;
        }

        return a.CombineImpl(b);
    }

    public static Delegate? Combine(params Delegate?[]? delegates)
    {
        if (delegates == null || delegates.Length == 0)
        {
            return null;
        }

        return Combine(new ReadOnlySpan<Delegate?>(delegates));
    }

    public static Delegate? Combine(params ReadOnlySpan<Delegate?> delegates)
    {
        if (delegates.Length == 0)
        {
            return null;
        }

        Delegate? d = delegates[0];
        for (int i = 1; i < delegates.Length; i++)
        {
            d = Combine(d, delegates[i]);
        }

        return d;
    }

    public static Delegate? Remove(Delegate? source, Delegate? value)
    {
        if (source == null)
        {
            return null;
        }

        if (value == null)
        {
            return source;
        }

        if (!DeviceRuntime.HaveSameType(source, value))
        {
            throw new ArgumentException(SR.Arg_DlgtTypeMis);
        }

        return source.RemoveImpl(value);
    }

    public static Delegate? RemoveAll(Delegate? source, Delegate? value)
    {
        Delegate? newDelegate;
        do
        {
            newDelegate = source;
            source = Remove(source, value);
        }
        while (newDelegate != source);

        return newDelegate;
    }

    protected virtual Delegate CombineImpl(Delegate? d) => throw new MulticastNotSupportedException(SR.Multicast_Combine);

    protected virtual Delegate? RemoveImpl(Delegate d) => d.Equals(this) ? null : this;

    public virtual Delegate[] GetInvocationList() => new Delegate[] { this };

    /// <summary>Equal when of the same type, with the same target (by reference) and the same method.</summary>
    public override bool Equals(object? obj)
    {
        if (obj == null || !DeviceRuntime.HaveSameType(this, obj))
        {
            return false;
        }

        Delegate d = (Delegate)obj;
        return ReferenceEquals(_target, d._target) && _methodPtr == d._methodPtr;
    }

    public override int GetHashCode() =>
        (_target is null ? 0 : RuntimeHelpers.GetHashCode(_target) * 33) + (int)_methodPtr;

    public static bool operator ==(Delegate? d1, Delegate? d2)
    {
        if (d2 is null)
        {
            return d1 is null;
        }

        return ReferenceEquals(d2, d1) || d2.Equals((object?)d1);
    }

    public static bool operator !=(Delegate? d1, Delegate? d2)
    {
        if (d2 is null)
        {
            return d1 is not null;
        }

        return !ReferenceEquals(d2, d1) && !d2.Equals(d1);
    }
}
