using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Generic interfaces: one class implementing two instantiations, covariant (out) and contravariant (in) type parameters.</summary>
public static class InterfaceGeneric
{
    private interface IStore<T>
    {
        void Put(T item);

        T Get(int index);

        int Count { get; }
    }

    private interface IProducer<out T>
    {
        T Produce();
    }

    private interface IConsumer<in T>
    {
        void Consume(T item);
    }

    private sealed class Both : IStore<int>, IStore<string>
    {
        private readonly int[] _ints = new int[4];
        private readonly string[] _strings = new string[4];
        private int _intCount;
        private int _stringCount;

        int IStore<int>.Count => _intCount;

        int IStore<string>.Count => _stringCount;

        public void Put(int item) => _ints[_intCount++] = item;

        public void Put(string item) => _strings[_stringCount++] = item;

        int IStore<int>.Get(int index) => _ints[index];

        string IStore<string>.Get(int index) => _strings[index];
    }

    private class Animal
    {
        public virtual string Name => "animal";
    }

    private sealed class Cat : Animal
    {
        public override string Name => "cat";
    }

    private sealed class CatFactory : IProducer<Cat>
    {
        private int _made;

        public Cat Produce()
        {
            _made++;
            return new Cat();
        }

        public int Made => _made;
    }

    private sealed class AnimalPrinter : IConsumer<Animal>
    {
        public void Consume(Animal item) => Transcript.WriteLine("consumed " + item.Name);
    }

    public static int Main()
    {
        var both = new Both();
        both.Put(5);
        both.Put("five");
        both.Put(6);
        IStore<int> si = both;
        IStore<string> ss = both;
        Transcript.WriteLine(si.Count);
        Transcript.WriteLine(ss.Count);
        Transcript.WriteLine(si.Get(1));
        Transcript.WriteLine(ss.Get(0));

        var factory = new CatFactory();
        IProducer<Animal> animals = factory;
        Transcript.WriteLine(animals.Produce().Name);
        IConsumer<Cat> catConsumer = new AnimalPrinter();
        catConsumer.Consume(factory.Produce());
        Transcript.WriteLine(factory.Made);
        object o = factory;
        Transcript.WriteLine(o is IProducer<Animal>);
        Transcript.WriteLine(o is IProducer<Cat>);
        Transcript.WriteLine(o is IConsumer<Cat>);
        return 0;
    }
}
