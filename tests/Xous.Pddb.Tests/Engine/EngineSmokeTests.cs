using System.Text;
using Xous.Crypto;
using Xous.Hal.Simulation;

namespace Xous.Pddb.Tests.Engine;

public class EngineSmokeTests
{
    [Fact]
    public void FormatMountWriteRemount()
    {
        var flash = new SimulatedFlash(1024);
        var random = new PddbRandom(ChaChaDrbg.CreateInsecureDeterministic(new byte[32]));
        byte[] user0 = new byte[32];
        user0[0] = 7;
        PddbEngine.Format(flash, random, user0, 42, null, fast: false);
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, user0, 42, null, out PddbEngine? engine));
        Assert.Equal(PddbStatus.Ok, engine!.CreateDictionary("d"));
        Assert.Equal(PddbStatus.Ok, engine.WriteKey("d", "k", Encoding.UTF8.GetBytes("hello")));
        byte[] big = new byte[10000];
        new Random(1).NextBytes(big);
        Assert.Equal(PddbStatus.Ok, engine.WriteKey("d", "big", big));
        Assert.Equal(PddbStatus.Ok, engine.Sync());
        Assert.Equal(PddbStatus.Ok, engine.CreateBasis("secret", "pw"u8));
        Assert.Equal(PddbStatus.Ok, engine.UnlockBasis("secret", "pw"u8));
        Assert.Equal(PddbStatus.Ok, engine.CreateDictionary("d"));
        Assert.Equal(PddbStatus.Ok, engine.WriteKey("d", "k", "shadow"u8, basis: "secret"));
        Assert.Equal(PddbStatus.Ok, engine.Sync());
        var problems = new List<string>();
        engine.Check(problems);
        Assert.Empty(problems);
        engine.Dispose();

        Assert.Equal(PddbStatus.WrongPin, PddbEngine.Mount(flash, random, new byte[32], 42, null, out _));
        Assert.Equal(PddbStatus.Ok, PddbEngine.Mount(flash, random, user0, 42, null, out engine));
        byte[] buffer = new byte[20000];
        Assert.Equal(PddbStatus.Ok, engine!.ReadKey("d", "k", 0, buffer, out int read));
        Assert.Equal("hello", Encoding.UTF8.GetString(buffer, 0, read));
        Assert.Equal(PddbStatus.Ok, engine.ReadKey("d", "big", 0, buffer, out read));
        Assert.Equal(big, buffer.AsSpan(0, read).ToArray());
        Assert.Equal(PddbStatus.NotFound, engine.UnlockBasis("secret", "wrong"u8));
        Assert.Equal(PddbStatus.Ok, engine.UnlockBasis("secret", "pw"u8));
        Assert.Equal(PddbStatus.Ok, engine.ReadKey("d", "k", 0, buffer, out read));
        Assert.Equal("shadow", Encoding.UTF8.GetString(buffer, 0, read));
        Assert.Equal(PddbStatus.Ok, engine.ReadKey("d", "k", 0, buffer, out read, basis: ".System"));
        Assert.Equal("hello", Encoding.UTF8.GetString(buffer, 0, read));
        engine.Check(problems);
        Assert.Empty(problems);
    }
}
