using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>sealed override stops further overriding; a sealed class's virtual calls still dispatch correctly through base references.</summary>
public static class ClassSealedMembers
{
    private abstract class Codec
    {
        public abstract int Encode(int value);

        public virtual string Name => "codec";

        public int EncodeAll(int[] values)
        {
            int acc = 0;
            foreach (int v in values)
            {
                acc = (acc * 7) ^ Encode(v);
            }

            return acc;
        }
    }

    private class XorCodec : Codec
    {
        public sealed override int Encode(int value) => value ^ 0x5A5A;

        public override string Name => "xor";
    }

    private sealed class NamedXorCodec : XorCodec
    {
        public override string Name => "named-" + base.Name;
    }

    private sealed class NegCodec : Codec
    {
        public override int Encode(int value) => -value;
    }

    public static int Main()
    {
        int[] data = { 1, 2, 3, 1000, -7 };
        Codec[] codecs = { new XorCodec(), new NamedXorCodec(), new NegCodec() };
        foreach (Codec c in codecs)
        {
            Transcript.WriteLine(c.Name + " " + c.Encode(21) + " " + c.EncodeAll(data));
        }

        NamedXorCodec direct = new NamedXorCodec();
        Transcript.WriteLine(direct.Encode(0));
        return 0;
    }
}
