using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>castclass failures throw InvalidCastException (class to class, to interface, arrays, unboxing) and casting null succeeds.</summary>
public static class CastInvalidCast
{
    private class Animal
    {
    }

    private sealed class Dog : Animal
    {
    }

    private sealed class Cat : Animal
    {
    }

    private interface IBark
    {
    }

    public static int Main()
    {
        Animal a = new Cat();
        Try("Cat as Dog", () => (Dog)a);
        Try("Cat as Animal", () => (Animal)a);
        Try("Cat as IBark", () => (IBark)a);
        Try("string as Animal", () => (Animal)(object)"str");
        Try("null as Dog", () => (Dog)(Animal)null!);
        Try("int[] as string[]", () => (string[])(object)new int[1]);
        Try("string[] as object[]", () => (object[])(object)new string[1]);
        Try("object[] as string[]", () => (string[])(object)new object[1]);
        Try("int as long", () => (long)(object)5);
        Try("int as int", () => (int)(object)5);
        Try("uint[] as int[]", () => (int[])(object)new uint[2]);
        Try("long as int?", () => (int?)(object)5L);
        Try("int as int?", () => (int?)(object)5);
        int caught = 0;
        for (int i = 0; i < 20; i++)
        {
            try
            {
                object o = i % 3 == 0 ? new Dog() : new Cat();
                _ = (Dog)o;
            }
            catch (InvalidCastException)
            {
                caught++;
            }
        }

        Transcript.WriteLine(caught);
        return 0;
    }

    private static void Try(string what, Func<object?> cast)
    {
        try
        {
            object? r = cast();
            Transcript.WriteLine(what + ": ok" + (r == null ? " (null)" : ""));
        }
        catch (InvalidCastException)
        {
            Transcript.WriteLine(what + ": InvalidCastException");
        }
    }
}
