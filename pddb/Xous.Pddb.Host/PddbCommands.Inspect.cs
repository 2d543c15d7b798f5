using System.Globalization;
using Xous.Pddb.Engine;
using Xous.Pddb.Format;

namespace Xous.Pddb.Host;

/// <summary>The read-only verbs that describe the whole PDDB: <c>stat</c> and <c>check</c>.</summary>
public sealed partial class PddbCommands
{
    /// <summary>
    /// <c>stat</c>: image size and geometry, the open bases (the system basis, plus <c>--basis</c> when given) with
    /// their dictionaries, keys, pages and generation, the free-space cache, and this session's counters.
    /// </summary>
    /// <param name="options">The image, PIN and optional basis.</param>
    /// <returns>The exit code.</returns>
    public int Stat(PddbCommandOptions options)
    {
        return WithMount(options, unlockBasis: true, (image, _) =>
        {
            PddbEngine engine = Engine(image);
            PddbGeometry geometry = engine.Geometry;
            _output.WriteLine(Field("image", $"{image.ImagePath}: {Bytes(geometry.TotalBytes)}, {geometry.TotalPages} pages of {PddbLayout.PageSize} bytes"));
            _output.WriteLine(Field("device secrets", image.KeyFilePath));
            _output.WriteLine(Field("page table", $"pages 0-{geometry.PageTablePages - 1} ({geometry.PageTablePages} pages)"));
            _output.WriteLine(Field("crypto data", $"page {geometry.StaticCryptoDataPage}"));
            _output.WriteLine(Field("make-before-break", $"pages {geometry.MakeBeforeBreakFirstPage}-{geometry.FreeSpaceCacheFirstPage - 1}"));
            _output.WriteLine(Field("free-space cache", $"pages {geometry.FreeSpaceCacheFirstPage}-{geometry.DataFirstPage - 1}"));
            _output.WriteLine(Field("data", $"pages {geometry.DataFirstPage}-{geometry.TotalPages - 1} ({geometry.DataPageCount} pages, {Bytes((long)geometry.DataPageCount * PddbLayout.VirtualPageSize)} usable)"));

            var bases = new List<PddbBasisStatistics>();
            engine.GetStatistics(bases);
            _output.WriteLine("open bases:");
            foreach (PddbBasisStatistics basis in bases)
            {
                _output.WriteLine(
                    $"  {basis.Name,-20} {basis.Dictionaries} dictionaries, {basis.Keys} keys, {basis.MappedPages} pages, generation {basis.Generation}, {basis.GarbageEntries} garbage entries");
            }

            _output.WriteLine(Field("free pages", $"{engine.FreePages} in the free-space cache{(engine.FreeSpaceCacheRebuilt ? " (rebuilt at this mount)" : string.Empty)}"));
            PddbCounters counters = engine.Counters;
            _output.WriteLine("counters (this session):");
            _output.WriteLine($"  data pages written {counters.DataPagesWritten}, read {counters.DataPagesRead}");
            _output.WriteLine($"  syncs {counters.Syncs}, refills {counters.Refills}, entries retired {counters.EntriesRetired}");
            _output.WriteLine($"  value bytes written {counters.ValueBytesWritten}, garbage found {counters.GarbageFound}");
            _output.WriteLine(Field("wear", "not available: an image file does not store erase counts"));
            return PddbExitCode.Ok;
        });
    }

    private static string Field(string label, string value) => $"{label,-19}{value}";

    /// <summary>
    /// <c>check</c>: verifies every page and structure of the open bases (the system basis, plus <c>--basis</c>) and
    /// prints each problem. Garbage entries (left by an interrupted sync, retired by the next) are reported as
    /// information only. Exit 0 only when clean.
    /// </summary>
    /// <param name="options">The image, PIN and optional basis.</param>
    /// <returns>The exit code: <see cref="PddbExitCode.Problems"/> when anything is wrong.</returns>
    public int Check(PddbCommandOptions options)
    {
        return WithMount(options, unlockBasis: true, (image, _) =>
        {
            PddbEngine engine = Engine(image);
            var problems = new List<string>();
            engine.Check(problems);
            var bases = new List<PddbBasisStatistics>();
            engine.GetStatistics(bases);
            int garbage = 0;
            foreach (PddbBasisStatistics basis in bases)
            {
                garbage += basis.GarbageEntries;
            }

            foreach (string problem in problems)
            {
                _output.WriteLine("problem: " + problem);
            }

            string checkedBases = string.Join(", ", bases.ConvertAll(b => b.Name));
            _output.WriteLine($"garbage entries: {garbage.ToString(CultureInfo.InvariantCulture)} (information: left by an interrupted sync; the next sync retires them)");
            if (engine.FreeSpaceCacheRebuilt)
            {
                _output.WriteLine("the free-space cache was missing or damaged and was rebuilt at this mount");
            }

            if (problems.Count == 0)
            {
                _output.WriteLine($"clean: {checkedBases}");
                return PddbExitCode.Ok;
            }

            return Fail(PddbExitCode.Problems, $"{problems.Count} problems in {checkedBases} on {image.ImagePath}");
        });
    }
}
