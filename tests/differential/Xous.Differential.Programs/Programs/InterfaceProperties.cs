using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>Interface properties with get/set, get-only and indexers, implemented by auto-properties and explicit code.</summary>
public static class InterfaceProperties
{
    private interface IRegisterFile
    {
        int this[int index] { get; set; }

        int Size { get; }

        string Name { get; set; }
    }

    private sealed class Registers : IRegisterFile
    {
        private readonly int[] _regs = new int[8];

        public int this[int index]
        {
            get => index == 0 ? 0 : _regs[index];
            set => _regs[index] = value;
        }

        public int Size => _regs.Length;

        public string Name { get; set; } = "rv";
    }

    private sealed class Shadow : IRegisterFile
    {
        private readonly Registers _inner = new();

        int IRegisterFile.this[int index]
        {
            get => _inner[index] + 1000;
            set => _inner[index] = value * 2;
        }

        int IRegisterFile.Size => _inner.Size / 2;

        string IRegisterFile.Name
        {
            get => "shadow-" + _inner.Name;
            set => _inner.Name = value;
        }
    }

    public static int Main()
    {
        IRegisterFile[] files = { new Registers(), new Shadow() };
        foreach (IRegisterFile f in files)
        {
            for (int i = 0; i < f.Size; i++)
            {
                f[i] = i * 11;
            }

            f[1] += 5;
            f.Name += "32";
            string line = f.Name + ":";
            for (int i = 0; i < f.Size; i++)
            {
                line += " " + f[i];
            }

            Transcript.WriteLine(line);
        }

        return 0;
    }
}
