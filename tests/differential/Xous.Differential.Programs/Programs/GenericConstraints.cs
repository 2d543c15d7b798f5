using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Constraints: struct, class, unmanaged, an interface and a base class; the constraint enables each call.</summary>
public static class GenericConstraints
{
    private interface IIdentified
    {
        int Id { get; }
    }

    private class Entity : IIdentified
    {
        private static int s_next;

        public Entity()
        {
            Id = ++s_next;
        }

        public int Id { get; }

        public virtual string Kind => "entity";
    }

    private sealed class User : Entity
    {
        public override string Kind => "user";
    }

    private struct Coord : IIdentified
    {
        public int X;

        public readonly int Id => X * 10;
    }

    public static int Main()
    {
        Transcript.WriteLine(MakeMany(3, () => new User()));
        Transcript.WriteLine(MakeMany(2, () => new Entity()));
        Transcript.WriteLine(DefaultOf<Coord>().X);
        Transcript.WriteLine(DefaultOf<long>());
        Transcript.WriteLine(IsNull<string>(null));
        Transcript.WriteLine(IsNull("x"));
        Transcript.WriteLine(SumIds(new IIdentified[] { new User(), new Coord { X = 4 } }));
        Transcript.WriteLine(SumIdsGeneric(new[] { new Coord { X = 1 }, new Coord { X = 2 } }));
        Transcript.WriteLine(KindOf(new User()));
        Transcript.WriteLine(ByteSize<int>() + " " + ByteSize<long>() + " " + ByteSize<short>() + " " + ByteSize<byte>());
        Transcript.WriteLine(Larger(3, 9) + " " + Larger('p', 'a'));
        return 0;
    }

    private static string MakeMany<T>(int n, Func<T> make)
        where T : Entity
    {
        string s = "";
        for (int i = 0; i < n; i++)
        {
            T t = make();
            s += t.Kind + "#" + t.Id + " ";
        }

        return s;
    }

    private static T DefaultOf<T>()
        where T : struct => default;

    private static bool IsNull<T>(T? value)
        where T : class => value is null;

    private static int SumIds(IIdentified[] items)
    {
        int s = 0;
        foreach (IIdentified i in items)
        {
            s += i.Id;
        }

        return s;
    }

    private static int SumIdsGeneric<T>(T[] items)
        where T : struct, IIdentified
    {
        int s = 0;
        foreach (T i in items)
        {
            s += i.Id;
        }

        return s;
    }

    private static string KindOf<T>(T e)
        where T : Entity => e.Kind;

    private static unsafe int ByteSize<T>()
        where T : unmanaged => sizeof(T);

    private static T Larger<T>(T a, T b)
        where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;
}
