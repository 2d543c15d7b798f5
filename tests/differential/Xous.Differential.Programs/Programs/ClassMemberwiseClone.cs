using Xous.Diagnostics;

namespace Xous.Differential.Programs;

/// <summary>MemberwiseClone makes a shallow copy of the run-time type: value fields are copied, references shared.</summary>
public static class ClassMemberwiseClone
{
    private class Doc
    {
        public int Version;
        public string Title = "";
        public int[] Pages = new int[0];

        public Doc ShallowCopy() => (Doc)MemberwiseClone();
    }

    private sealed class Signed : Doc
    {
        public long Signature;

        public override string ToString() => "Signed(" + Signature + ")";
    }

    public static int Main()
    {
        var d = new Doc { Version = 1, Title = "draft", Pages = new[] { 1, 2, 3 } };
        Doc copy = d.ShallowCopy();
        copy.Version = 2;
        copy.Title = "copy";
        copy.Pages[0] = 100;
        Transcript.WriteLine(d.Version + " " + d.Title + " " + d.Pages[0]);
        Transcript.WriteLine(copy.Version + " " + copy.Title + " " + copy.Pages[0]);
        Transcript.WriteLine(ReferenceEquals(d.Pages, copy.Pages));

        Doc s = new Signed { Version = 9, Signature = 0x1234_5678_9ABC };
        Doc sc = s.ShallowCopy();
        Transcript.WriteLine(sc is Signed);
        Transcript.WriteLine(sc.ToString());
        Transcript.WriteLine(sc.Version);
        ((Signed)sc).Signature = -1;
        Transcript.WriteLine(s.ToString());
        Transcript.WriteLine(sc.ToString());
        return 0;
    }
}
