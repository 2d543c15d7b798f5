namespace Xous.Vault.Fuzz;

/// <summary>The fuzz harness (filled in with the targets).</summary>
internal static class Program
{
    private static int Main()
    {
        System.Console.Error.WriteLine("xous-vault-fuzz: no targets yet (issue 7 in progress)");
        return 2;
    }
}
