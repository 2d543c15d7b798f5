using System.Collections.Generic;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic code over different reference types (shared code on .NET): casts to T, 'is T', typed arrays of T and per-type statics stay distinct.</summary>
public static class GenericReferenceSharing
{
    private class Animal
    {
        public virtual string Sound => "...";
    }

    private sealed class Dog : Animal
    {
        public override string Sound => "woof";
    }

    private sealed class Cat : Animal
    {
        public override string Sound => "meow";
    }

    private static class Tally<T>
        where T : class
    {
        public static int Seen;
    }

    public static int Main()
    {
        object[] zoo = { new Dog(), new Cat(), new Dog(), "not an animal", new Animal() };
        Transcript.WriteLine(CountOf<Dog>(zoo) + " " + CountOf<Cat>(zoo) + " " + CountOf<Animal>(zoo) + " " + CountOf<string>(zoo) + " " + CountOf<object>(zoo));
        Transcript.WriteLine(Tally<Dog>.Seen + " " + Tally<Cat>.Seen + " " + Tally<Animal>.Seen + " " + Tally<string>.Seen);
        Dog[] dogs = Collect<Dog>(zoo);
        Animal[] animals = Collect<Animal>(zoo);
        Transcript.WriteLine(dogs.Length + " " + animals.Length + " " + (animals is Dog[]) + " " + ((object)dogs is Animal[]));
        string sounds = "";
        foreach (Animal a in animals)
        {
            sounds += a.Sound + " ";
        }

        Transcript.WriteLine(sounds);
        Transcript.WriteLine(FirstOrNull<Cat>(zoo)?.Sound ?? "none");
        Transcript.WriteLine(FirstOrNull<List<int>>(zoo) == null);
        try
        {
            CastAll<Dog>(zoo);
        }
        catch (System.InvalidCastException)
        {
            Transcript.WriteLine("CastAll<Dog> failed as expected");
        }

        return 0;
    }

    private static int CountOf<T>(object[] items)
        where T : class
    {
        int n = 0;
        foreach (object o in items)
        {
            if (o is T)
            {
                n++;
                Tally<T>.Seen++;
            }
        }

        return n;
    }

    private static T[] Collect<T>(object[] items)
        where T : class
    {
        var list = new List<T>();
        foreach (object o in items)
        {
            if (o is T t)
            {
                list.Add(t);
            }
        }

        return list.ToArray();
    }

    private static T? FirstOrNull<T>(object[] items)
        where T : class
    {
        foreach (object o in items)
        {
            T? t = o as T;
            if (t != null)
            {
                return t;
            }
        }

        return null;
    }

    private static void CastAll<T>(object[] items)
    {
        foreach (object o in items)
        {
            T t = (T)o;
            Transcript.WriteLine("cast ok " + t);
        }
    }
}
