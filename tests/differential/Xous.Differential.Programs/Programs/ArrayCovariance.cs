using System;
using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Array covariance: string[] viewed as object[], reads work, storing a wrong type throws ArrayTypeMismatchException.</summary>
public static class ArrayCovariance
{
    private class Animal
    {
        public virtual string Name => "animal";
    }

    private sealed class Dog : Animal
    {
        public override string Name => "dog";
    }

    private sealed class Cat : Animal
    {
        public override string Name => "cat";
    }

    public static int Main()
    {
        string[] strings = { "a", "b", "c" };
        object[] objects = strings;
        Transcript.WriteLine(objects.Length);
        Transcript.WriteLine((string)objects[1]);
        objects[2] = "replaced";
        Transcript.WriteLine(strings[2]);
        try
        {
            objects[0] = 42;
            Transcript.WriteLine("no exception");
        }
        catch (ArrayTypeMismatchException e)
        {
            Transcript.WriteLine("ArrayTypeMismatchException: " + e.Message);
        }

        objects[0] = null!;
        Transcript.WriteLine(strings[0] == null);

        Animal[] animals = new Dog[2];
        animals[0] = new Dog();
        try
        {
            animals[1] = new Cat();
        }
        catch (ArrayTypeMismatchException)
        {
            Transcript.WriteLine("cat into dog[] rejected");
        }

        Transcript.WriteLine(animals[0].Name + " " + (animals[1] == null));
        Animal[] real = new Animal[2];
        real[0] = new Dog();
        real[1] = new Cat();
        Transcript.WriteLine(real[0].Name + " " + real[1].Name);
        object[] boxes = new object[2];
        boxes[0] = 1;
        boxes[1] = "s";
        Transcript.WriteLine(boxes.Length);
        Transcript.WriteLine(objects is string[]);
        Transcript.WriteLine(boxes is string[]);
        Transcript.WriteLine(animals is Dog[]);
        Transcript.WriteLine(Fill(strings, "zz"));
        try
        {
            Fill(strings, 5);
        }
        catch (ArrayTypeMismatchException)
        {
            Transcript.WriteLine("generic store rejected");
        }

        return 0;
    }

    private static int Fill(object[] target, object value)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = value;
        }

        return target.Length;
    }
}
