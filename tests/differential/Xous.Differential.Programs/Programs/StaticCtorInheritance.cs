using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Static constructors in a hierarchy: constructing a derived instance runs the derived type's, then (via the base constructor) the base's.</summary>
public static class StaticCtorInheritance
{
    private class Base
    {
        public static int BaseStatic = 1;

        static Base()
        {
            Transcript.WriteLine("Base..cctor");
        }

        public Base()
        {
            Transcript.WriteLine("Base..ctor");
        }

        public static void BaseMethod() => Transcript.WriteLine("Base.BaseMethod");
    }

    private sealed class Derived : Base
    {
        public static int DerivedStatic = 2;

        static Derived()
        {
            Transcript.WriteLine("Derived..cctor");
        }

        public Derived()
        {
            Transcript.WriteLine("Derived..ctor");
        }

        public static void DerivedMethod() => Transcript.WriteLine("Derived.DerivedMethod");
    }

    private class Other
    {
        static Other()
        {
            Transcript.WriteLine("Other..cctor");
        }

        public static int Field = 3;
    }

    private sealed class OtherChild : Other
    {
        static OtherChild()
        {
            Transcript.WriteLine("OtherChild..cctor");
        }

        public static void Touch() => Transcript.WriteLine("OtherChild.Touch");
    }

    public static int Main()
    {
        Transcript.WriteLine("new Derived()");
        _ = new Derived();
        Transcript.WriteLine("again");
        _ = new Derived();
        Transcript.WriteLine("statics");
        Transcript.WriteLine(Base.BaseStatic + Derived.DerivedStatic);
        Transcript.WriteLine("OtherChild.Touch()");
        OtherChild.Touch();
        Transcript.WriteLine("Other.Field");
        Transcript.WriteLine(Other.Field);
        return 0;
    }
}
