using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// The base class of every delegate type. A combined delegate keeps its single-method delegates in
/// <c>_invocationList</c> (null for a single method); the compiler-supplied Invoke calls each in order and
/// returns the last result (docs/device-profile.md, "Delegates"). Combine and Remove follow .NET's algorithm.
/// </summary>
public abstract class MulticastDelegate : Delegate
{
    // Null for a single-method delegate; otherwise the single-method delegates, in call order.
    internal Delegate[]? _invocationList;

    private protected MulticastDelegate()
    {
    }

    internal override object? GetTarget()
    {
        Delegate[]? list = _invocationList;
        return list is null ? _target : list[list.Length - 1]._target;
    }

    public sealed override Delegate[] GetInvocationList()
    {
        Delegate[]? list = _invocationList;
        if (list is null)
        {
            return new Delegate[] { this };
        }

        var copy = new Delegate[list.Length];
        for (int i = 0; i < list.Length; i++)
        {
            copy[i] = list[i];
        }

        return copy;
    }

    public sealed override bool Equals(object? obj)
    {
        if (obj == null)
        {
            return false;
        }

        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (!DeviceRuntime.HaveSameType(this, obj))
        {
            return false;
        }

        MulticastDelegate d = (MulticastDelegate)obj;
        Delegate[]? list = _invocationList;
        Delegate[]? otherList = d._invocationList;
        if (list is null)
        {
            return otherList is null && base.Equals(obj);
        }

        if (otherList is null || list.Length != otherList.Length)
        {
            return false;
        }

        for (int i = 0; i < list.Length; i++)
        {
            if (!list[i].Equals(otherList[i]))
            {
                return false;
            }
        }

        return true;
    }

    public sealed override int GetHashCode()
    {
        Delegate[]? list = _invocationList;
        if (list is null)
        {
            return base.GetHashCode();
        }

        int hash = 0;
        for (int i = 0; i < list.Length; i++)
        {
            hash = (hash * 33) + list[i].GetHashCode();
        }

        return hash;
    }

    public static bool operator ==(MulticastDelegate? d1, MulticastDelegate? d2)
    {
        if (d2 is null)
        {
            return d1 is null;
        }

        return ReferenceEquals(d2, d1) || d2.Equals((object?)d1);
    }

    public static bool operator !=(MulticastDelegate? d1, MulticastDelegate? d2)
    {
        if (d2 is null)
        {
            return d1 is not null;
        }

        return !ReferenceEquals(d2, d1) && !d2.Equals(d1);
    }

    protected sealed override Delegate CombineImpl(Delegate? follow)
    {
        if (follow is null)
        {
            return this;
        }

        if (!DeviceRuntime.HaveSameType(this, follow))
        {
            throw new ArgumentException(SR.Arg_DlgtTypeMis);
        }

        MulticastDelegate dFollow = (MulticastDelegate)follow;
        int thisCount = _invocationList?.Length ?? 1;
        int followCount = dFollow._invocationList?.Length ?? 1;
        var result = new Delegate[thisCount + followCount];
        CopyInvocationList(this, result, 0);
        CopyInvocationList(dFollow, result, thisCount);
        return NewMulticastDelegate(result);
    }

    protected sealed override Delegate? RemoveImpl(Delegate value)
    {
        MulticastDelegate v = (MulticastDelegate)value;
        Delegate[]? invocationList = _invocationList;
        if (v._invocationList is null)
        {
            if (invocationList is null)
            {
                // Single-cast from single-cast.
                if (Equals(value))
                {
                    return null;
                }
            }
            else
            {
                int invocationCount = invocationList.Length;
                for (int i = invocationCount; --i >= 0;)
                {
                    if (value.Equals(invocationList[i]))
                    {
                        if (invocationCount == 2)
                        {
                            // Only one element left: return it rather than a list of one.
                            return invocationList[1 - i];
                        }

                        return NewMulticastDelegate(DeleteFromInvocationList(invocationList, i, 1));
                    }
                }
            }
        }
        else if (invocationList is not null)
        {
            Delegate[] valueList = v._invocationList;
            int invocationCount = invocationList.Length;
            int valueCount = valueList.Length;
            for (int i = invocationCount - valueCount; i >= 0; i--)
            {
                if (EqualInvocationLists(invocationList, valueList, i, valueCount))
                {
                    if (invocationCount - valueCount == 0)
                    {
                        return null;
                    }

                    if (invocationCount - valueCount == 1)
                    {
                        return invocationList[i != 0 ? 0 : invocationCount - 1];
                    }

                    return NewMulticastDelegate(DeleteFromInvocationList(invocationList, i, valueCount));
                }
            }
        }

        return this;
    }

    private static void CopyInvocationList(MulticastDelegate source, Delegate[] destination, int start)
    {
        Delegate[]? list = source._invocationList;
        if (list is null)
        {
            destination[start] = source;
            return;
        }

        for (int i = 0; i < list.Length; i++)
        {
            destination[start + i] = list[i];
        }
    }

    private static Delegate[] DeleteFromInvocationList(Delegate[] invocationList, int deleteIndex, int deleteCount)
    {
        var result = new Delegate[invocationList.Length - deleteCount];
        for (int i = 0; i < deleteIndex; i++)
        {
            result[i] = invocationList[i];
        }

        for (int i = deleteIndex + deleteCount; i < invocationList.Length; i++)
        {
            result[i - deleteCount] = invocationList[i];
        }

        return result;
    }

    private static bool EqualInvocationLists(Delegate[] a, Delegate[] b, int start, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (!a[start + i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A new delegate of this delegate's type whose invocation list is <paramref name="invocationList"/>.</summary>
    private MulticastDelegate NewMulticastDelegate(Delegate[] invocationList)
    {
        var result = (MulticastDelegate)MemberwiseClone();
        result._invocationList = invocationList;
        return result;
    }
}
