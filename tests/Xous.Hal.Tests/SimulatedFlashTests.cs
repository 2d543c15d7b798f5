using Xous.Hal.Simulation;
using static Xous.Hal.Tests.TestPatterns;

namespace Xous.Hal.Tests;

public sealed class SimulatedFlashTests
{
    private const int SectorBytes = 4096;

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(524_288)]
    public void Constructor_rejects_a_bad_sector_count(int sectorCount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedFlash(sectorCount));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4097)]
    public void FromImage_rejects_a_length_that_is_not_a_positive_multiple_of_4096(int length)
    {
        Assert.Throws<ArgumentException>(() => SimulatedFlash.FromImage(new byte[length]));
    }

    [Fact]
    public void FromImage_copies_the_image_and_Snapshot_returns_a_copy()
    {
        byte[] image = Pattern(2 * SectorBytes, seed: 9);
        SimulatedFlash flash = SimulatedFlash.FromImage(image);
        image[0] ^= 0xFF;
        byte[] snapshot = flash.Snapshot();
        Assert.Equal(2, flash.SectorCount);
        Assert.Equal((byte)(image[0] ^ 0xFF), snapshot[0]);
        Assert.Equal(image.AsSpan(1).ToArray(), snapshot.AsSpan(1).ToArray());

        snapshot[1] ^= 0xFF;
        Assert.NotEqual(snapshot[1], flash.Snapshot()[1]);
    }

    [Fact]
    public void Counters_count_programs_erases_bytes_and_wear()
    {
        var flash = new SimulatedFlash(3);
        flash.Erase(1);
        flash.Erase(1);
        flash.Erase(2);
        flash.Program(0, new byte[10]);
        flash.ProgramRange(250, new byte[20]);

        Assert.Equal(3, flash.TotalEraseCount);
        Assert.Equal(3, flash.ProgramCount);
        Assert.Equal(30, flash.BytesProgrammed);
        Assert.Equal(6, flash.OperationCount);
        Assert.Equal(2, flash.MaxEraseCount);
        Assert.Equal(0, flash.EraseCount(0));
    }

    [Fact]
    public void A_rejected_program_is_not_an_operation_and_does_not_consume_a_planned_cut()
    {
        var flash = new SimulatedFlash(1);
        flash.Program(0, new byte[] { 0x00 });
        flash.CutPowerAt(1, seed: 1);

        Assert.Throws<FlashProgramViolationException>(() => flash.Program(0, new byte[] { 0x01 }));
        Assert.Throws<ArgumentException>(() => flash.Program(0, Array.Empty<byte>()));
        Assert.False(flash.IsPoweredOff);
        Assert.Equal(1, flash.OperationCount);
        Assert.Equal(1, flash.ProgramCount);

        var e = Assert.Throws<PowerLossException>(() => flash.Program(1, new byte[] { 0x00 }));
        Assert.Equal(1, e.OperationIndex);
    }

    [Fact]
    public void Cut_at_index_k_interrupts_exactly_the_kth_operation()
    {
        for (int k = 0; k < 6; k++)
        {
            var flash = new SimulatedFlash(2);
            flash.CutPowerAt(k, seed: (ulong)k);
            for (int op = 0; op < k; op++)
            {
                RunOperation(flash, op);
            }

            Assert.False(flash.IsPoweredOff);
            var e = Assert.Throws<PowerLossException>(() => RunOperation(flash, k));
            Assert.Equal(k, e.OperationIndex);
            Assert.Contains("#" + k, e.Message, StringComparison.Ordinal);
            Assert.True(flash.IsPoweredOff);
            Assert.Equal(k + 1, flash.OperationCount);
        }
    }

    [Fact]
    public void CutPowerAt_an_index_already_done_throws()
    {
        var flash = new SimulatedFlash(1);
        flash.Erase(0);
        flash.Erase(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.CutPowerAt(1, seed: 0));
        flash.CutPowerAt(2, seed: 0);
    }

    [Fact]
    public void After_a_cut_every_access_throws_until_PowerOn_and_Snapshot_still_works()
    {
        var flash = new SimulatedFlash(2);
        flash.ProgramSector(0, new byte[SectorBytes]);
        flash.CutPowerAt(flash.OperationCount, seed: 42);
        Assert.Throws<PowerLossException>(() => flash.Erase(0));
        long operations = flash.OperationCount;
        byte[] leftByCut = flash.Snapshot();

        var read = Assert.Throws<PowerLossException>(() => flash.Read(0, new byte[1]));
        Assert.Equal(operations - 1, read.OperationIndex);
        Assert.Contains("#" + (operations - 1), read.Message, StringComparison.Ordinal);
        Assert.Throws<PowerLossException>(() => flash.Erase(1));
        Assert.Throws<PowerLossException>(() => flash.Program(SectorBytes, new byte[] { 0 }));
        Assert.Throws<InvalidOperationException>(() => flash.CutPowerAt(operations + 1, seed: 1));
        Assert.Equal(operations, flash.OperationCount);
        Assert.Equal(leftByCut, flash.Snapshot());

        flash.PowerOn();
        Assert.False(flash.IsPoweredOff);
        byte[] all = new byte[2 * SectorBytes];
        flash.Read(0, all);
        Assert.Equal(leftByCut, all);
        flash.Erase(1);
        flash.Program(SectorBytes, new byte[] { 0 });
        Assert.Equal(operations + 2, flash.OperationCount);
    }

    [Fact]
    public void PowerOn_clears_random_cuts_and_CancelPowerCut_drops_a_planned_cut()
    {
        var flash = new SimulatedFlash(1);
        flash.CutPowerRandomly(1, seed: 3);
        Assert.Throws<PowerLossException>(() => flash.Erase(0));
        flash.PowerOn();
        for (int i = 0; i < 100; i++)
        {
            flash.Erase(0);
        }

        flash.CutPowerAt(flash.OperationCount + 2, seed: 3);
        flash.CancelPowerCut();
        for (int i = 0; i < 10; i++)
        {
            flash.Erase(0);
        }

        Assert.False(flash.IsPoweredOff);
    }

    [Fact]
    public void A_cut_erase_only_sets_bits_of_its_sector_and_still_counts()
    {
        int partial = 0;
        int complete = 0;
        int untouched = 0;
        for (ulong seed = 0; seed < 200; seed++)
        {
            var flash = new SimulatedFlash(3);
            for (int sector = 0; sector < 3; sector++)
            {
                flash.ProgramSector(sector, Pattern(SectorBytes, seed * 3 + (ulong)sector));
            }

            byte[] before = flash.Snapshot();
            flash.CutPowerAt(flash.OperationCount, seed);
            Assert.Throws<PowerLossException>(() => flash.Erase(1));
            byte[] after = flash.Snapshot();

            Assert.Equal(1, flash.EraseCount(1));
            Assert.Equal(1, flash.TotalEraseCount);
            Assert.Equal(before.AsSpan(0, SectorBytes).ToArray(), after.AsSpan(0, SectorBytes).ToArray());
            Assert.Equal(before.AsSpan(2 * SectorBytes).ToArray(), after.AsSpan(2 * SectorBytes).ToArray());
            bool allFF = true;
            bool same = true;
            for (int i = SectorBytes; i < 2 * SectorBytes; i++)
            {
                Assert.Equal(after[i], (byte)(after[i] | before[i]));
                allFF &= after[i] == 0xFF;
                same &= after[i] == before[i];
            }

            if (allFF)
            {
                complete++;
            }
            else if (same)
            {
                untouched++;
            }
            else
            {
                partial++;
            }
        }

        Assert.True(partial > 150, $"partial {partial}, complete {complete}, untouched {untouched}");
    }

    [Fact]
    public void A_cut_erase_uses_both_models()
    {
        int prefixShaped = 0;
        int scattered = 0;
        for (ulong seed = 0; seed < 100; seed++)
        {
            var flash = new SimulatedFlash(1);
            flash.ProgramSector(0, new byte[SectorBytes]);
            flash.CutPowerAt(flash.OperationCount, seed);
            Assert.Throws<PowerLossException>(() => flash.Erase(0));
            byte[] after = flash.Snapshot();

            // Prefix model: FF…FF, at most one partial byte, then 00…00.
            int i = 0;
            while (i < after.Length && after[i] == 0xFF)
            {
                i++;
            }

            if (i < after.Length)
            {
                i++;
            }

            bool restZero = true;
            for (; i < after.Length; i++)
            {
                restZero &= after[i] == 0;
            }

            if (restZero)
            {
                prefixShaped++;
            }
            else
            {
                scattered++;
            }
        }

        Assert.InRange(prefixShaped, 30, 70);
        Assert.InRange(scattered, 30, 70);
    }

    [Fact]
    public void A_cut_program_only_clears_bits_it_was_asked_to_clear()
    {
        int partial = 0;
        for (ulong seed = 0; seed < 300; seed++)
        {
            var flash = new SimulatedFlash(1);
            byte[] old = Pattern(256, seed + 1000);
            for (int i = 0; i < old.Length; i++)
            {
                old[i] |= 0x81;
            }

            flash.Program(256, old);
            byte[] request = Pattern(256, seed + 5000);
            for (int i = 0; i < request.Length; i++)
            {
                request[i] &= old[i];
            }

            int length = 1 + (int)(seed % 200);
            byte[] before = flash.Snapshot();
            flash.CutPowerAt(flash.OperationCount, seed);
            var e = Assert.Throws<PowerLossException>(() => flash.Program(256, request.AsSpan(0, length)));
            Assert.Equal(1, e.OperationIndex);
            Assert.Equal(2, flash.ProgramCount);
            byte[] after = flash.Snapshot();

            bool same = true;
            bool done = true;
            for (int i = 0; i < after.Length; i++)
            {
                int r = i - 256;
                if (r < 0 || r >= length)
                {
                    Assert.Equal(before[i], after[i]);
                    continue;
                }

                byte wanted = (byte)(before[i] & request[r]);
                Assert.Equal(0, after[i] & ~before[i]); // no bit was set
                Assert.Equal(0, ~after[i] & wanted); // no bit the program keeps at 1 was cleared
                same &= after[i] == before[i];
                done &= after[i] == wanted;
            }

            if (!same && !done)
            {
                partial++;
            }
        }

        Assert.True(partial > 100, $"only {partial} of 300 cut programs were partial");
    }

    [Fact]
    public void The_same_seed_gives_the_same_partial_effect_and_different_seeds_differ()
    {
        byte[] image = Pattern(2 * SectorBytes, seed: 77);
        byte[] first = CutEraseThenProgram(image, seed: 1234);
        byte[] again = CutEraseThenProgram(image, seed: 1234);
        Assert.Equal(first, again);

        int different = 0;
        for (ulong seed = 0; seed < 10; seed++)
        {
            if (!CutEraseThenProgram(image, seed).AsSpan().SequenceEqual(first))
            {
                different++;
            }
        }

        Assert.True(different >= 9, $"only {different} of 10 seeds differed");
    }

    [Fact]
    public void CutPowerRandomly_interrupts_about_one_in_N_operations()
    {
        var flash = new SimulatedFlash(1);
        const uint OneIn = 8;
        const int Trials = 2000;
        long operationsUntilCut = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            flash.CutPowerRandomly(OneIn, seed: (ulong)trial);
            long start = flash.OperationCount;
            try
            {
                while (true)
                {
                    flash.Program(0, new byte[] { 0xFF });
                }
            }
            catch (PowerLossException e)
            {
                Assert.Equal(flash.OperationCount - 1, e.OperationIndex);
            }

            operationsUntilCut += flash.OperationCount - start;
            flash.PowerOn();
        }

        // The number of operations up to and including the cut is geometric with mean N (sd of the mean ≈ 0.17).
        double mean = (double)operationsUntilCut / Trials;
        Assert.InRange(mean, OneIn - 0.8, OneIn + 0.8);
    }

    [Fact]
    public void CutPowerRandomly_with_zero_never_cuts()
    {
        var flash = new SimulatedFlash(1);
        flash.CutPowerRandomly(0, seed: 5);
        for (int i = 0; i < 10_000; i++)
        {
            flash.Program(0, new byte[] { 0xFF });
        }

        Assert.False(flash.IsPoweredOff);
    }

    private static byte[] CutEraseThenProgram(byte[] image, ulong seed)
    {
        SimulatedFlash flash = SimulatedFlash.FromImage(image);
        flash.CutPowerAt(0, seed);
        Assert.Throws<PowerLossException>(() => flash.Erase(0));
        flash.PowerOn();
        flash.CutPowerAt(flash.OperationCount, seed);
        Assert.Throws<PowerLossException>(() => flash.Program(SectorBytes, new byte[256]));
        return flash.Snapshot();
    }

    private static void RunOperation(SimulatedFlash flash, int op)
    {
        if (op % 2 == 0)
        {
            flash.Erase(op / 2 % 2);
        }
        else
        {
            flash.Program(op * 16, new byte[] { 0x5A });
        }
    }
}
