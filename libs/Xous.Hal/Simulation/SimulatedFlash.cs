using System;

namespace Xous.Hal.Simulation;

/// <summary>
/// A strict in-memory NOR flash with injectable power loss: the reference flash for tests, fuzzing and emulated builds.
/// </summary>
/// <remarks>
/// <para>Stricter than real flash: a program that asks for a 0 → 1 transition throws
/// <see cref="FlashProgramViolationException"/> naming the first offending offset, before anything is changed (real
/// flash keeps the 0 silently, which hides the caller's bug).</para>
/// <para>Operations: every <see cref="Erase"/> and <see cref="Program"/> call that passes its argument checks is an
/// operation and gets the next 0-based index (<see cref="OperationCount"/> before the call). Calls rejected for bad
/// arguments, for a 0 → 1 violation or because the power is off are not operations and do not consume a planned cut.
/// <see cref="Read"/> is never an operation.</para>
/// <para>Power loss: <see cref="CutPowerAt"/> or <see cref="CutPowerRandomly"/> plan a cut. The interrupted operation
/// takes a partial effect chosen by a seeded generator (so a run is reproducible), still counts in the counters, and
/// throws <see cref="PowerLossException"/>; the flash then stays off (every <c>Read</c>, <c>Erase</c> and
/// <c>Program</c> throws <see cref="PowerLossException"/>) until <see cref="PowerOn"/>. Partial effects, one model
/// picked at random per cut:</para>
/// <list type="bullet">
/// <item><description><b>Prefix</b>: the bytes before a random point (0 to the whole range) are done, the byte at the
/// point is partly done, the rest is untouched.</description></item>
/// <item><description><b>Random bits</b>: each bit that the operation would change changes with probability 1/2.</description></item>
/// </list>
/// <para>An interrupted erase only sets bits of its sector; an interrupted program only clears bits it was asked to
/// clear. Not thread-safe: one caller at a time.</para>
/// </remarks>
public sealed class SimulatedFlash : IFlashPages, IFlashWear
{
    private const int SectorBytes = 4096;
    private const int ProgramPageBytes = 256;
    private const int MaxSectorCount = int.MaxValue / SectorBytes;
    private const long NoPlannedCut = -1;

    private readonly byte[] _contents;
    private readonly long[] _eraseCounts;
    private long _operationCount;
    private long _programCount;
    private long _totalEraseCount;
    private long _bytesProgrammed;
    private long _plannedCutIndex = NoPlannedCut;
    private uint _randomCutOneIn;
    private SplitMix64 _random;
    private bool _poweredOff;
    private long _cutOperationIndex;

    /// <summary>Creates an erased flash (every byte 0xFF) of <paramref name="sectorCount"/> sectors of 4096 bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sectorCount"/> is not 1 to 524,287.</exception>
    public SimulatedFlash(int sectorCount)
    {
        if (sectorCount <= 0 || sectorCount > MaxSectorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(sectorCount), $"sector count must be 1 to {MaxSectorCount}, not {sectorCount}");
        }

        _contents = new byte[sectorCount * SectorBytes];
        _contents.AsSpan().Fill(0xFF);
        _eraseCounts = new long[sectorCount];
    }

    /// <summary>The flash is powered off after a cut (see <see cref="PowerOn"/>).</summary>
    public bool IsPoweredOff => _poweredOff;

    /// <summary>Erase and program operations started since creation, an interrupted one included.</summary>
    public long OperationCount => _operationCount;

    /// <summary>Program operations started since creation, an interrupted one included.</summary>
    public long ProgramCount => _programCount;

    /// <summary>Erase operations started since creation over all sectors, an interrupted one included.</summary>
    public long TotalEraseCount => _totalEraseCount;

    /// <summary>Sum of the lengths of the program operations counted by <see cref="ProgramCount"/>.</summary>
    public long BytesProgrammed => _bytesProgrammed;

    /// <summary>The highest <see cref="EraseCount"/> over all sectors.</summary>
    public long MaxEraseCount
    {
        get
        {
            long max = 0;
            for (int i = 0; i < _eraseCounts.Length; i++)
            {
                if (_eraseCounts[i] > max)
                {
                    max = _eraseCounts[i];
                }
            }

            return max;
        }
    }

    /// <inheritdoc />
    public int SectorSize => SectorBytes;

    /// <inheritdoc />
    public int ProgramPageSize => ProgramPageBytes;

    /// <inheritdoc />
    public int SectorCount => _eraseCounts.Length;

    /// <summary>Creates a flash holding a copy of <paramref name="image"/> (erase counts start at 0).</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="image"/> is not a positive multiple of 4096.</exception>
    public static SimulatedFlash FromImage(ReadOnlySpan<byte> image)
    {
        if (image.Length == 0 || image.Length % SectorBytes != 0)
        {
            throw new ArgumentException($"a flash image is a positive multiple of {SectorBytes} bytes, not {image.Length}", nameof(image));
        }

        var flash = new SimulatedFlash(image.Length / SectorBytes);
        image.CopyTo(flash._contents);
        return flash;
    }

    /// <summary>A copy of the whole contents; works while the power is off (it is the "chip on the bench").</summary>
    public byte[] Snapshot() => _contents.AsSpan().ToArray();

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sector"/> is outside the region.</exception>
    public long EraseCount(int sector)
    {
        CheckSector(sector);
        return _eraseCounts[sector];
    }

    /// <summary>
    /// Plans a power cut during the operation whose 0-based index is <paramref name="operationIndex"/>; its partial
    /// effect is drawn from <paramref name="seed"/>. Replaces any earlier plan (including random cuts).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operationIndex"/> is below <see cref="OperationCount"/> (already done).</exception>
    /// <exception cref="InvalidOperationException">The power is off; call <see cref="PowerOn"/> first.</exception>
    public void CutPowerAt(long operationIndex, ulong seed)
    {
        CheckPlanAllowed();
        if (operationIndex < _operationCount)
        {
            throw new ArgumentOutOfRangeException(nameof(operationIndex),
                $"operation #{operationIndex} has already run; the next one is #{_operationCount}");
        }

        _plannedCutIndex = operationIndex;
        _randomCutOneIn = 0;
        _random = new SplitMix64(seed);
    }

    /// <summary>
    /// Plans cuts at random: each later erase or program is interrupted with probability 1/<paramref name="oneIn"/>
    /// (0 disables), drawn with its partial effect from <paramref name="seed"/>. Replaces any earlier plan.
    /// </summary>
    /// <exception cref="InvalidOperationException">The power is off; call <see cref="PowerOn"/> first.</exception>
    public void CutPowerRandomly(uint oneIn, ulong seed)
    {
        CheckPlanAllowed();
        _plannedCutIndex = NoPlannedCut;
        _randomCutOneIn = oneIn;
        _random = new SplitMix64(seed);
    }

    /// <summary>Drops any planned cut (at an index or random). Does not power on a flash that is off.</summary>
    public void CancelPowerCut()
    {
        _plannedCutIndex = NoPlannedCut;
        _randomCutOneIn = 0;
    }

    /// <summary>
    /// Restores power: the contents stay as the cut left them; the power-off state and any planned cut (at an index or
    /// random) are cleared. Harmless when the power is on.
    /// </summary>
    public void PowerOn()
    {
        _poweredOff = false;
        CancelPowerCut();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the region.</exception>
    /// <exception cref="PowerLossException">The power is off.</exception>
    public void Read(long offset, Span<byte> destination)
    {
        CheckPowered();
        if (offset < 0 || offset > _contents.Length || destination.Length > _contents.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"read of {destination.Length} bytes at 0x{offset:X} is outside the {_contents.Length}-byte region");
        }

        _contents.AsSpan((int)offset, destination.Length).CopyTo(destination);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sector"/> is outside the region.</exception>
    /// <exception cref="PowerLossException">The power is off, or a planned cut interrupted this erase.</exception>
    public void Erase(int sector)
    {
        CheckPowered();
        CheckSector(sector);

        long index = _operationCount++;
        _totalEraseCount++;
        _eraseCounts[sector]++;
        Span<byte> target = _contents.AsSpan(sector * SectorBytes, SectorBytes);
        if (!ShouldCut(index))
        {
            target.Fill(0xFF);
            return;
        }

        if ((_random.Next() & 1) == 0)
        {
            int point = (int)(_random.Next() % (SectorBytes + 1));
            target.Slice(0, point).Fill(0xFF);
            if (point < SectorBytes)
            {
                target[point] |= (byte)_random.Next();
            }
        }
        else
        {
            for (int i = 0; i < target.Length; i++)
            {
                target[i] |= (byte)_random.Next();
            }
        }

        throw PowerCut(index, $"erase of sector {sector}");
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is outside the region.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty, longer than 256 bytes or crosses a program page.</exception>
    /// <exception cref="FlashProgramViolationException">A byte asks for a 0 → 1 transition; nothing was changed.</exception>
    /// <exception cref="PowerLossException">The power is off, or a planned cut interrupted this program.</exception>
    public void Program(long offset, ReadOnlySpan<byte> data)
    {
        CheckPowered();
        if (offset < 0 || offset >= _contents.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"program at 0x{offset:X} is outside the {_contents.Length}-byte region");
        }

        if (data.Length == 0 || data.Length > ProgramPageBytes || (offset % ProgramPageBytes) + data.Length > ProgramPageBytes)
        {
            throw new ArgumentException(
                $"a program is 1 to {ProgramPageBytes} bytes inside one program page; {data.Length} bytes at 0x{offset:X} is not",
                nameof(data));
        }

        Span<byte> target = _contents.AsSpan((int)offset, data.Length);
        for (int i = 0; i < data.Length; i++)
        {
            if ((data[i] & ~target[i]) != 0)
            {
                throw new FlashProgramViolationException(offset + i, target[i], data[i]);
            }
        }

        long index = _operationCount++;
        _programCount++;
        _bytesProgrammed += data.Length;
        if (!ShouldCut(index))
        {
            for (int i = 0; i < data.Length; i++)
            {
                target[i] &= data[i];
            }

            return;
        }

        bool prefix = (_random.Next() & 1) == 0;
        int point = prefix ? (int)(_random.Next() % (ulong)(data.Length + 1)) : 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (i < point)
            {
                target[i] &= data[i];
            }
            else if (!prefix || i == point)
            {
                int toClear = target[i] & ~data[i];
                target[i] = (byte)(target[i] & ~(toClear & (int)(byte)_random.Next()));
            }
        }

        throw PowerCut(index, $"program of {data.Length} bytes at 0x{offset:X}");
    }

    private bool ShouldCut(long index)
    {
        if (index == _plannedCutIndex)
        {
            _plannedCutIndex = NoPlannedCut;
            return true;
        }

        return _randomCutOneIn != 0 && _random.Next() % _randomCutOneIn == 0;
    }

    private PowerLossException PowerCut(long index, string what)
    {
        _poweredOff = true;
        _cutOperationIndex = index;
        CancelPowerCut();
        return new PowerLossException(index, $"power lost during operation #{index} ({what}); the flash is off until PowerOn()");
    }

    private void CheckPowered()
    {
        if (_poweredOff)
        {
            throw new PowerLossException(_cutOperationIndex,
                $"the flash is off since power was lost during operation #{_cutOperationIndex}; call PowerOn()");
        }
    }

    private void CheckPlanAllowed()
    {
        if (_poweredOff)
        {
            throw new InvalidOperationException("the flash is off; call PowerOn() before planning another power cut");
        }
    }

    private void CheckSector(int sector)
    {
        if (sector < 0 || sector >= _eraseCounts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(sector), $"sector {sector} is outside 0..{_eraseCounts.Length - 1}");
        }
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator; test quality, not for secrets.</summary>
    private struct SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed)
        {
            _state = seed;
        }

        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
