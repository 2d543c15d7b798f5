using System.Reflection;

namespace Xous.CoreLib.Tests;

/// <summary>Paths the build stamped into this test assembly.</summary>
internal static class BuildInfo
{
    public static string Root => Get("XousRoot");

    public static string CoreLib => Get("XousCoreLib");

    private static string Get(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not stamp {key}.");
}
