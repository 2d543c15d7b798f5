using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Xous.DeviceProfile.Tests;

/// <summary>The real device flavour, through MSBuild, as `./xous build --device` runs it.</summary>
public class DeviceBuildTests
{
    [Fact]
    public void A_device_assembly_using_linq_async_and_reflection_fails_naming_each_construct()
    {
        (int exitCode, string output) = DotnetCli.Run(
            "build", "tests/Xous.DeviceProfile.Tests/Fixtures/Violations/Violations.csproj",
            "-p:XousFlavour=device", "-c", BuildInfo.Configuration, "-nodeReuse:false", "-nologo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("UsesLinq.cs(1,7): error XDP0001: LINQ (using System.Linq)", output, StringComparison.Ordinal);
        Assert.Contains("UsesAsync.cs(5,19): error XDP0002: async/await (async method)", output, StringComparison.Ordinal);
        Assert.Contains("error XDP0002: async/await (await)", output, StringComparison.Ordinal);
        Assert.Contains("UsesReflection.cs(5,39): error XDP0003: Reflection (typeof)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_device_flavour_of_the_abi_references_only_the_device_corlib()
    {
        (int exitCode, string output) = DotnetCli.Run(
            "build", "xous-kernel/Xous.Abi/Xous.Abi.csproj",
            "-p:XousFlavour=device", "-c", BuildInfo.Configuration, "-nodeReuse:false", "-nologo");
        Assert.True(exitCode == 0, output);

        string dll = Path.Combine(BuildInfo.Root, "artifacts", "bin", "device", "Xous.Abi", BuildInfo.Configuration, "net10.0", "Xous.Abi.dll");
        Assert.Equal(["Xous.CoreLib"], References(dll));

        string hostDll = Path.Combine(BuildInfo.Root, "artifacts", "bin", "host", "Xous.Abi", BuildInfo.Configuration, "net10.0", "Xous.Abi.dll");
        if (File.Exists(hostDll))
        {
            Assert.Contains("System.Runtime", References(hostDll));
        }
    }

    private static string[] References(string dll)
    {
        using FileStream stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).Order().ToArray();
    }
}
