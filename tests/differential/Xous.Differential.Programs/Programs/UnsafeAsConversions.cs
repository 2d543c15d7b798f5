using System.Runtime.CompilerServices;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Unsafe.As between same-sized value types by ref (int/uint, long halves little-endian, enum/underlying) and Unsafe.As on objects.</summary>
public static class UnsafeAsConversions
{
    private enum Color : int
    {
        Red = 1,
        Blue = 3,
    }

    private class Animal
    {
        public int Legs = 4;
    }

    private sealed class Dog : Animal
    {
        public int Tricks = 2;
    }

    private struct Pair
    {
        public int Lo;
        public int Hi;
    }

    public static int Main()
    {
        int i = -1;
        uint u = Unsafe.As<int, uint>(ref i);
        Transcript.WriteLine(u);
        Unsafe.As<int, uint>(ref i) = 0x80000000;
        Transcript.WriteLine(i);
        long l = 0x1122334455667788;
        ref Pair halves = ref Unsafe.As<long, Pair>(ref l);
        Transcript.WriteLine(halves.Lo.ToString("X8") + " " + halves.Hi.ToString("X8"));
        halves.Hi = 0;
        Transcript.WriteLine(l.ToString("X16"));
        Color c = Color.Red;
        Unsafe.As<Color, int>(ref c) = 3;
        Transcript.WriteLine(c.ToString());
        byte[] bytes = { 1, 2, 3, 4 };
        uint word = Unsafe.As<byte, uint>(ref bytes[0]);
        Transcript.WriteLine(word.ToString("X8"));
        object o = new Dog();
        Dog d = Unsafe.As<Dog>(o);
        Transcript.WriteLine(d.Legs + d.Tricks);
        Animal? a = Unsafe.As<Animal>(o);
        Transcript.WriteLine(a!.Legs);
        object? none = null;
        Transcript.WriteLine(Unsafe.As<Dog>(none) == null);
        short s = -2;
        ushort us = Unsafe.As<short, ushort>(ref s);
        Transcript.WriteLine(us);
        bool flag = true;
        Transcript.WriteLine(Unsafe.As<bool, byte>(ref flag));
        return 0;
    }
}
