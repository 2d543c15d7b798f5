using System.Globalization;

namespace Xous.Bench;

/// <summary>
/// What an image of the compiler suite printed: lines <c>name instructions checksum</c>
/// (tools/bench/compiler/driver/measure.h), the counter's validation lines first.
/// </summary>
internal sealed class InstructionCounts
{
    /// <summary>Iterations of the two calibration loops and the exact difference of their counts (2 instructions each).</summary>
    public const ulong ShortSpin = 10_000, LongSpin = 110_000, SpinDifference = 2 * (LongSpin - ShortSpin);

    private readonly Dictionary<string, (ulong Instructions, uint Checksum)> _lines;

    private InstructionCounts(Dictionary<string, (ulong Instructions, uint Checksum)> lines) => _lines = lines;

    /// <summary>The instructions of a call of a function that only returns, measured like a kernel.</summary>
    public ulong EmptyCall => _lines["empty"].Instructions;

    /// <summary>What a spin loop costs beyond its 2 instructions per iteration (the call and the counter reads).</summary>
    public ulong SpinOverhead => _lines["spin-10000"].Instructions - (2 * ShortSpin);

    /// <summary>Reads the console; lines in another form (a panic report) are skipped.</summary>
    public static InstructionCounts Parse(string console)
    {
        var lines = new Dictionary<string, (ulong, uint)>(StringComparer.Ordinal);
        foreach (string line in console.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split(' ');
            if (fields.Length == 3 &&
                ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong instructions) &&
                uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out uint checksum))
            {
                lines[fields[0]] = (instructions, checksum);
            }
        }

        return new InstructionCounts(lines);
    }

    /// <summary>
    /// Null when the counter is exact in this image: both spin loops and the empty call were measured and the loops
    /// differ by exactly <see cref="SpinDifference"/> instructions; otherwise what is wrong.
    /// </summary>
    public string? ValidationError()
    {
        if (!_lines.TryGetValue("spin-10000", out var small) || !_lines.TryGetValue("spin-110000", out var large) || !_lines.ContainsKey("empty"))
        {
            return "the image did not print its calibration lines";
        }

        ulong difference = large.Instructions - small.Instructions;
        return difference == SpinDifference
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the spin loops differ by {difference} instructions, not {SpinDifference}: instret is not an exact instruction count (is QEMU run with -icount shift=0?)");
    }

    /// <summary>The kernel's instructions (the measured call less <see cref="EmptyCall"/>) and checksum, if it printed them.</summary>
    public bool TryGetKernel(string name, out ulong instructions, out uint checksum)
    {
        if (_lines.TryGetValue(name, out var line))
        {
            instructions = line.Instructions - EmptyCall;
            checksum = line.Checksum;
            return true;
        }

        instructions = 0;
        checksum = 0;
        return false;
    }
}
