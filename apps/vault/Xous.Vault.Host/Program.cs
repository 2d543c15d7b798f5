namespace Xous.Vault.Host;

/// <summary>The xous-vault program (composition root; filled in with the transports).</summary>
internal static class Program
{
    private static int Main()
    {
        System.Console.Error.WriteLine("xous-vault: the host composition is not built yet (issue 7 in progress)");
        return 2;
    }
}
