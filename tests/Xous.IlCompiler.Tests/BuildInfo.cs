using System.Reflection;

namespace Xous.IlCompiler.Tests;

/// <summary>Paths the build stamped into this test assembly.</summary>
internal static class BuildInfo
{
    public static string Root => Get("XousRoot");

    /// <summary>The artifacts tree of this build (XousArtifacts), ending with a separator.</summary>
    public static string Artifacts => Get("XousArtifacts");

    public static string CoreLib => Get("XousCoreLib");

    public static string Configuration => Get("Configuration");

    /// <summary>runtime/native: the native runtime (xous_rt.h, start-up, console, GC) the emitted C links with.</summary>
    public static string NativeRuntime => Path.Combine(Root, "runtime", "native");

    /// <summary>A scratch folder for emitted C and ELF images, kept for inspection after a failure.</summary>
    public static string Scratch(string name)
    {
        string path = Path.Combine(Artifacts, "ilcompiler-tests", name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Get(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not stamp {key}.");
}
