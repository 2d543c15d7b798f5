using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Single inheritance: inherited fields and methods, protected members, upcasts and downcasts, layout of base then derived fields.</summary>
public static class ClassInheritance
{
    private class Animal
    {
        protected int Legs;
        private readonly string _name;

        public Animal(string name, int legs)
        {
            _name = name;
            Legs = legs;
        }

        public string Name => _name;

        public int LegCount() => Legs;
    }

    private class Bird : Animal
    {
        public int Wings;

        public Bird(string name)
            : base(name, 2)
        {
            Wings = 2;
        }

        public int Limbs() => Legs + Wings;
    }

    private sealed class Penguin : Bird
    {
        public bool Swims = true;

        public Penguin()
            : base("penguin")
        {
            Legs = 2;
            Wings = 0;
        }
    }

    public static int Main()
    {
        var p = new Penguin();
        Bird b = p;
        Animal a = b;
        Transcript.WriteLine(a.Name);
        Transcript.WriteLine(a.LegCount());
        Transcript.WriteLine(b.Limbs());
        Transcript.WriteLine(p.Swims);
        var sparrow = new Bird("sparrow");
        Transcript.WriteLine(sparrow.Limbs());

        Animal[] zoo = { new Animal("snake", 0), sparrow, p, new Animal("cat", 4) };
        int legs = 0;
        foreach (Animal x in zoo)
        {
            legs += x.LegCount();
            Transcript.Write(x.Name);
            Transcript.Write(x is Bird ? " bird" : " not bird");
            Transcript.WriteLine(x is Penguin ? " penguin" : "");
        }

        Transcript.WriteLine(legs);
        Bird back = (Bird)zoo[2];
        back.Wings = 5;
        Transcript.WriteLine(p.Limbs());
        return 0;
    }
}
