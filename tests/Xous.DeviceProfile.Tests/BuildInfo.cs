using System.Reflection;

namespace Xous.DeviceProfile.Tests;

/// <summary>Paths the build stamped into this test assembly.</summary>
internal static class BuildInfo
{
    public static string Root => Get("XousRoot");

    public static string CoreLib => Get("XousCoreLib");

    public static string Configuration => Get("Configuration");

    private static string Get(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not stamp {key}.");
}
