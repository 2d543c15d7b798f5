using System.Reflection;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>
/// Virtual and interface dispatch as the CLI defines it, computed on instantiated types: the virtual table of a
/// class (a base's slots first, a method overrides the slot of the base method with its name and signature unless it
/// is <c>newslot</c>, MethodImpl rows override the slot they name), and which method implements an interface method
/// for a class (ECMA-335 II.12.2: explicit MethodImpl, then a matching public virtual method, searched from the most
/// derived class that declares the interface; then a default interface method).
/// </summary>
public sealed class VirtualMethods(TypeSystemContext context)
{
    private readonly Dictionary<DefinedType, MethodDesc[]> _slots = [];
    private readonly Dictionary<(DefinedType, MethodDesc), MethodDesc> _interfaceImplementations = [];

    /// <summary>The virtual table of a class or struct: slot number to the method that runs for that type.</summary>
    public IReadOnlyList<MethodDesc> Slots(DefinedType type)
    {
        if (_slots.TryGetValue(type, out MethodDesc[]? cached))
        {
            return cached;
        }

        if (type.IsInterface)
        {
            throw new CompilationException(null, $"the interface {type.FullName} has no virtual table");
        }

        var slots = new List<MethodDesc>(type.BaseType is DefinedType b ? Slots(b) : []);
        int inherited = slots.Count;
        foreach (MethodDesc method in type.Methods)
        {
            if (!method.IsVirtual || method.IsStatic)
            {
                continue;
            }

            if (method.GenericParameterCount > 0)
            {
                // Generic virtual methods cannot have a fixed slot when every instantiation is its own method; they
                // are compiled only where the call can be bound statically (CallTarget refuses the rest).
                continue;
            }

            int existing = (method.Attributes & MethodAttributes.NewSlot) != 0 ? -1 : FindOverridden(slots, inherited, method);
            if (existing >= 0)
            {
                slots[existing] = method;
            }
            else
            {
                slots.Add(method);
            }
        }

        foreach ((MethodDesc body, MethodDesc declaration) in type.MethodImplementations)
        {
            if (declaration.Owner.IsInterface)
            {
                continue;
            }

            int slot = SlotOf(declaration);
            if (slot < slots.Count)
            {
                slots[slot] = body;
            }
        }

        MethodDesc[] result = [.. slots];
        _slots.Add(type, result);
        return result;
    }

    /// <summary>The slot that <paramref name="method"/> (a virtual method of a class) introduces or occupies.</summary>
    public int SlotOf(MethodDesc method)
    {
        IReadOnlyList<MethodDesc> slots = Slots(method.Owner);
        for (int i = 0; i < slots.Count; i++)
        {
            if (slots[i] == method)
            {
                return i;
            }
        }

        // A method overridden in its own type by a MethodImpl: find the slot it introduced by signature.
        for (int i = slots.Count - 1; i >= 0; i--)
        {
            if (slots[i].Name == method.Name && SameSignature(slots[i], method))
            {
                return i;
            }
        }

        throw new CompilationException(null, $"{method.FullName} has no virtual slot");
    }

    /// <summary>The method that runs for <c>callvirt declaration</c> on an object of exact type <paramref name="type"/>.</summary>
    public MethodDesc Resolve(DefinedType type, MethodDesc declaration)
    {
        if (declaration.Owner.IsInterface)
        {
            return ResolveInterfaceMethod(type, declaration);
        }

        if (!declaration.IsVirtual)
        {
            return declaration;
        }

        return Slots(type)[SlotOf(declaration)];
    }

    /// <summary>
    /// The method that runs for a call of the generic virtual method <paramref name="declaration"/> (instantiated) on
    /// an object of exact type <paramref name="type"/>, instantiated with the same method arguments; null when the type
    /// does not have it (it does not derive from the declaring class or implement the interface).
    /// </summary>
    public MethodDesc? ResolveGenericVirtual(DefinedType type, MethodDesc declaration)
    {
        MethodDesc open = declaration.Owner.GetMethod(declaration.Handle);
        MethodDesc? found = null;
        if (declaration.Owner.IsInterface)
        {
            if (!AllInterfaces(type).Contains(declaration.Owner))
            {
                return null;
            }

            for (DefinedType? t = type; t != null && found == null; t = t.BaseType as DefinedType)
            {
                foreach ((MethodDesc body, MethodDesc implemented) in t.MethodImplementations)
                {
                    if (implemented == open)
                    {
                        found = body;
                    }
                }

                found ??= t.Methods.FirstOrDefault(m => m.Name == open.Name && m.IsVirtual && m.GenericParameterCount == open.GenericParameterCount && SameSignature(m, open));
            }

            found ??= open.HasBody ? open : null;
        }
        else
        {
            bool derives = false;
            for (DefinedType? t = type; t != null; t = t.BaseType as DefinedType)
            {
                derives |= t == declaration.Owner;
            }

            if (!derives)
            {
                return null;
            }

            for (DefinedType? t = type; t != null && found == null; t = t.BaseType as DefinedType)
            {
                found = t == open.Owner
                    ? open
                    : t.Methods.FirstOrDefault(m => m.Name == open.Name && m.IsVirtual && (m.Attributes & MethodAttributes.NewSlot) == 0 &&
                        m.GenericParameterCount == open.GenericParameterCount && SameSignature(m, open));
            }
        }

        return found == null ? null : Context.GetInstantiatedMethod(found, declaration.Instantiation);
    }

    /// <summary>The virtual methods of an interface that make up its dispatch table, in declaration order.</summary>
    public static IReadOnlyList<MethodDesc> InterfaceSlots(DefinedType iface) =>
        iface.Methods.Where(m => m.IsVirtual && !m.IsStatic && m.GenericParameterCount == 0).ToArray();

    /// <summary>
    /// Every interface <paramref name="type"/> implements: those it and its bases declare, and the interfaces those
    /// inherit.
    /// </summary>
    public static IReadOnlyList<DefinedType> AllInterfaces(DefinedType type)
    {
        var result = new List<DefinedType>();
        void Add(DefinedType iface)
        {
            if (result.Contains(iface))
            {
                return;
            }

            result.Add(iface);
            foreach (DefinedType inherited in iface.Interfaces)
            {
                Add(inherited);
            }
        }

        for (DefinedType? t = type; t != null; t = t.BaseType as DefinedType)
        {
            foreach (DefinedType iface in t.Interfaces)
            {
                Add(iface);
            }
        }

        return result;
    }

    /// <summary>
    /// The method that implements the interface method <paramref name="interfaceMethod"/> (instance or static) for
    /// <paramref name="type"/>.
    /// </summary>
    public MethodDesc ResolveInterfaceMethod(DefinedType type, MethodDesc interfaceMethod)
    {
        if (_interfaceImplementations.TryGetValue((type, interfaceMethod), out MethodDesc? cached))
        {
            return cached;
        }

        MethodDesc? found = null;
        DefinedType iface = interfaceMethod.Owner;
        if (type.IsInterface)
        {
            found = FindDefaultImplementation(type, interfaceMethod);
        }
        else
        {
            DefinedType? declarer = null;
            for (DefinedType? t = type; t != null && declarer == null; t = t.BaseType as DefinedType)
            {
                if (t.Interfaces.Contains(iface))
                {
                    declarer = t;
                }
            }

            for (DefinedType? t = declarer; t != null && found == null; t = t.BaseType as DefinedType)
            {
                foreach ((MethodDesc body, MethodDesc declaration) in t.MethodImplementations)
                {
                    if (declaration == interfaceMethod)
                    {
                        found = body;
                        break;
                    }
                }

                found ??= t.Methods.FirstOrDefault(m =>
                    m.Name == interfaceMethod.Name && m.IsStatic == interfaceMethod.IsStatic &&
                    (m.IsVirtual || m.IsStatic) && (m.Attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public &&
                    SameSignature(m, interfaceMethod));
            }

            if (found != null && found.IsVirtual && !found.IsStatic && (found.Attributes & MethodAttributes.Final) == 0 && !found.Owner.IsInterface)
            {
                found = Slots(type)[SlotOf(found)];
            }

            found ??= FindDefaultImplementation(type, interfaceMethod);
        }

        if (found == null)
        {
            throw new CompilationException(null, $"{type.FullName} does not implement {interfaceMethod.FullName}");
        }

        _interfaceImplementations.Add((type, interfaceMethod), found);
        return found;
    }

    private static MethodDesc? FindDefaultImplementation(DefinedType type, MethodDesc interfaceMethod)
    {
        IReadOnlyList<DefinedType> interfaces = type.IsInterface ? [type, .. AllInterfaces(type)] : AllInterfaces(type);
        foreach (DefinedType candidate in interfaces)
        {
            foreach ((MethodDesc body, MethodDesc declaration) in candidate.MethodImplementations)
            {
                if (declaration == interfaceMethod)
                {
                    return body;
                }
            }
        }

        return interfaceMethod.HasBody ? interfaceMethod : null;
    }

    private static int FindOverridden(List<MethodDesc> slots, int inherited, MethodDesc method)
    {
        for (int i = inherited - 1; i >= 0; i--)
        {
            if (slots[i].Name == method.Name && SameSignature(slots[i], method))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool SameSignature(MethodDesc a, MethodDesc b) =>
        a.Signature.ReturnType == b.Signature.ReturnType &&
        a.Signature.GenericParameterCount == b.Signature.GenericParameterCount &&
        a.Signature.ParameterTypes.SequenceEqual(b.Signature.ParameterTypes);

    /// <summary>The context the tables belong to.</summary>
    public TypeSystemContext Context { get; } = context;
}
