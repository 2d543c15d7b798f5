using System.IO.Compression;
using Xous.Hal;

namespace Xous.Pddb.Tests.Engine;

/// <summary>
/// Statistics an examiner could compute over a region of a raw PDDB image (a list of 4096-byte pages) to tell noise from
/// ciphertext or structure: byte-frequency chi-square (whole region and per page), Deflate and Brotli compression
/// ratios, share of all-0xFF pages and 16-byte blocks, page-to-page byte correlation, and duplicate 16-byte blocks.
/// </summary>
internal sealed class RegionStatistics
{
    public const int PageSize = 4096;
    public const int BlockSize = 16;

    /// <summary>
    /// Acceptance band of a chi-square statistic with 255 degrees of freedom at p = 1e-6 (two-sided, 5e-7 per tail),
    /// by the Wilson–Hilferty approximation (z = 4.8916): about [159.3, 381.0].
    /// </summary>
    public static readonly (double Low, double High) ChiSquareBand = WilsonHilfertyBand(255, 4.8916);

    private RegionStatistics(string name)
    {
        Name = name;
    }

    /// <summary>Name of the region.</summary>
    public string Name { get; }

    /// <summary>Pages in the region.</summary>
    public int Pages { get; private set; }

    /// <summary>Bytes the randomness statistics were computed over (non-blank 16-byte blocks only when asked).</summary>
    public long Bytes { get; private set; }

    /// <summary>Chi-square of the 256 byte frequencies over the whole region.</summary>
    public double ChiSquare { get; private set; }

    /// <summary>Smallest and largest per-page chi-square (pages that are all 0xFF are skipped).</summary>
    public double PageChiSquareMin { get; private set; } = double.NaN;

    /// <summary>Largest per-page chi-square.</summary>
    public double PageChiSquareMax { get; private set; } = double.NaN;

    /// <summary>Non-blank pages whose chi-square is outside <see cref="ChiSquareBand"/>.</summary>
    public int PagesOutsideBand { get; private set; }

    /// <summary>Deflate (Optimal) compressed size / original size.</summary>
    public double DeflateRatio { get; private set; }

    /// <summary>Brotli (Optimal) compressed size / original size.</summary>
    public double BrotliRatio { get; private set; }

    /// <summary>Share of pages that are all 0xFF.</summary>
    public double BlankPageShare { get; private set; }

    /// <summary>Share of 16-byte blocks that are all 0xFF.</summary>
    public double BlankBlockShare { get; private set; }

    /// <summary>Pearson correlation of byte i of page p with byte i of page p + 1, over all consecutive non-blank pairs.</summary>
    public double PageToPageCorrelation { get; private set; }

    /// <summary>Number of (page p, page p + 1) byte pairs behind <see cref="PageToPageCorrelation"/>.</summary>
    public long CorrelationPairs { get; private set; }

    /// <summary>Non-blank 16-byte blocks equal to an earlier non-blank block of the region.</summary>
    public int DuplicateBlocks { get; private set; }

    /// <summary>The statistics by name, for the A-against-B comparison.</summary>
    public IReadOnlyList<(string Name, double Value)> Values => new (string, double)[]
    {
        ("chi2", ChiSquare),
        ("pageChi2Min", double.IsNaN(PageChiSquareMin) ? 0 : PageChiSquareMin),
        ("pageChi2Max", double.IsNaN(PageChiSquareMax) ? 0 : PageChiSquareMax),
        ("pagesOutsideBand", PagesOutsideBand),
        ("deflate", DeflateRatio),
        ("brotli", BrotliRatio),
        ("blankPages", BlankPageShare),
        ("blankBlocks", BlankBlockShare),
        ("pageCorrelation", PageToPageCorrelation),
        ("duplicateBlocks", DuplicateBlocks),
    };

    /// <summary>
    /// Computes the statistics of <paramref name="pages"/> (page indexes into <paramref name="image"/>). When
    /// <paramref name="nonBlankOnly"/>, chi-square and compression use only the 16-byte blocks that are not all 0xFF
    /// (for areas that are erased by design, such as the FSCB log space).
    /// </summary>
    public static RegionStatistics Compute(string name, byte[] image, IReadOnlyList<int> pages, bool nonBlankOnly)
    {
        var result = new RegionStatistics(name) { Pages = pages.Count };
        long[] histogram = new long[256];
        long[] pageHistogram = new long[256];
        var content = new MemoryStream();
        var seen = new HashSet<UInt128>();
        int blankPages = 0;
        long blankBlocks = 0;
        long totalBlocks = 0;
        double pageMin = double.PositiveInfinity;
        double pageMax = double.NegativeInfinity;

        foreach (int page in pages)
        {
            ReadOnlySpan<byte> bytes = image.AsSpan(page * PageSize, PageSize);
            if (IsAllFF(bytes))
            {
                blankPages++;
            }

            Array.Clear(pageHistogram);
            long pageBytes = 0;
            for (int offset = 0; offset < PageSize; offset += BlockSize)
            {
                ReadOnlySpan<byte> block = bytes.Slice(offset, BlockSize);
                totalBlocks++;
                bool blank = IsAllFF(block);
                if (blank)
                {
                    blankBlocks++;
                }
                else if (!seen.Add(System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(block)))
                {
                    result.DuplicateBlocks++;
                }

                if (blank && nonBlankOnly)
                {
                    continue;
                }

                foreach (byte b in block)
                {
                    histogram[b]++;
                    pageHistogram[b]++;
                }

                pageBytes += BlockSize;
                content.Write(block);
            }

            if (pageBytes == PageSize && !IsAllFF(bytes))
            {
                double chi = ChiSquareOf(pageHistogram, pageBytes);
                pageMin = Math.Min(pageMin, chi);
                pageMax = Math.Max(pageMax, chi);
                if (chi < ChiSquareBand.Low || chi > ChiSquareBand.High)
                {
                    result.PagesOutsideBand++;
                }
            }
        }

        byte[] data = content.ToArray();
        result.Bytes = data.Length;
        result.ChiSquare = data.Length == 0 ? 0 : ChiSquareOf(histogram, data.Length);
        if (!double.IsInfinity(pageMin))
        {
            result.PageChiSquareMin = pageMin;
            result.PageChiSquareMax = pageMax;
        }

        result.DeflateRatio = data.Length == 0 ? 1 : (double)DeflateSize(data) / data.Length;
        result.BrotliRatio = data.Length == 0 ? 1 : (double)BrotliSize(data) / data.Length;
        result.BlankPageShare = pages.Count == 0 ? 0 : (double)blankPages / pages.Count;
        result.BlankBlockShare = totalBlocks == 0 ? 0 : (double)blankBlocks / totalBlocks;
        (result.PageToPageCorrelation, result.CorrelationPairs) = Correlation(image, pages);
        return result;
    }

    /// <summary>One "[counts] " line with every statistic.</summary>
    public string Format(string image) =>
        FormattableString.Invariant(
            $"[counts] {image} {Name}: pages={Pages} bytes={Bytes} chi2={ChiSquare:F1} pageChi2=[{PageChiSquareMin:F1},{PageChiSquareMax:F1}] outsideBand={PagesOutsideBand} deflate={DeflateRatio:F5} brotli={BrotliRatio:F5} blankPages={BlankPageShare:F4} blankBlocks={BlankBlockShare:F4} corr={PageToPageCorrelation:F5} (n={CorrelationPairs}) dupBlocks={DuplicateBlocks}");

    /// <summary>Chi-square of <paramref name="histogram"/> against a uniform distribution over 256 values.</summary>
    public static double ChiSquareOf(long[] histogram, long total)
    {
        double expected = total / 256.0;
        double sum = 0;
        for (int i = 0; i < 256; i++)
        {
            double d = histogram[i] - expected;
            sum += d * d / expected;
        }

        return sum;
    }

    /// <summary>Occurrences of <paramref name="needle"/> anywhere in <paramref name="haystack"/>.</summary>
    public static int CountOccurrences(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        int count = 0;
        int at = 0;
        while (true)
        {
            int found = haystack.Slice(at).IndexOf(needle);
            if (found < 0)
            {
                return count;
            }

            count++;
            at += found + 1;
        }
    }

    /// <summary>Region page indexes [first, first + count).</summary>
    public static List<int> Range(int first, int count)
    {
        var pages = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            pages.Add(first + i);
        }

        return pages;
    }

    private static (double Low, double High) WilsonHilfertyBand(int degrees, double z)
    {
        double a = 2.0 / (9.0 * degrees);
        double low = degrees * Math.Pow(1 - a - (z * Math.Sqrt(a)), 3);
        double high = degrees * Math.Pow(1 - a + (z * Math.Sqrt(a)), 3);
        return (low, high);
    }

    private static bool IsAllFF(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0xFF) < 0;

    private static long DeflateSize(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.Length;
    }

    private static long BrotliSize(byte[] data)
    {
        var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.Length;
    }

    private static (double Correlation, long Pairs) Correlation(byte[] image, IReadOnlyList<int> pages)
    {
        double sumX = 0, sumY = 0, sumXX = 0, sumYY = 0, sumXY = 0;
        long n = 0;
        for (int i = 0; i + 1 < pages.Count; i++)
        {
            ReadOnlySpan<byte> x = image.AsSpan(pages[i] * PageSize, PageSize);
            ReadOnlySpan<byte> y = image.AsSpan(pages[i + 1] * PageSize, PageSize);
            if (IsAllFF(x) || IsAllFF(y))
            {
                continue;
            }

            for (int j = 0; j < PageSize; j++)
            {
                double a = x[j];
                double b = y[j];
                sumX += a;
                sumY += b;
                sumXX += a * a;
                sumYY += b * b;
                sumXY += a * b;
            }

            n += PageSize;
        }

        if (n == 0)
        {
            return (0, 0);
        }

        double cov = (sumXY / n) - ((sumX / n) * (sumY / n));
        double varX = (sumXX / n) - ((sumX / n) * (sumX / n));
        double varY = (sumYY / n) - ((sumY / n) * (sumY / n));
        return (cov / Math.Sqrt(varX * varY), n);
    }
}

/// <summary>An <see cref="IFlashPages"/> over another one that counts reads (calls and bytes) and writes.</summary>
internal sealed class CountingFlash : IFlashPages
{
    private readonly IFlashPages _inner;

    public CountingFlash(IFlashPages inner)
    {
        _inner = inner;
    }

    public long Reads { get; private set; }

    public long BytesRead { get; private set; }

    public long Writes { get; private set; }

    /// <summary>Region pages touched by reads, in order (a read spanning pages records each page).</summary>
    public List<int> PagesRead { get; } = new();

    public int SectorSize => _inner.SectorSize;

    public int ProgramPageSize => _inner.ProgramPageSize;

    public int SectorCount => _inner.SectorCount;

    public void Reset()
    {
        Reads = 0;
        BytesRead = 0;
        Writes = 0;
        PagesRead.Clear();
    }

    public void Read(long offset, Span<byte> destination)
    {
        Reads++;
        BytesRead += destination.Length;
        if (destination.Length > 0)
        {
            long first = offset / SectorSize;
            long last = (offset + destination.Length - 1) / SectorSize;
            for (long page = first; page <= last; page++)
            {
                PagesRead.Add((int)page);
            }
        }

        _inner.Read(offset, destination);
    }

    public void Erase(int sector)
    {
        Writes++;
        _inner.Erase(sector);
    }

    public void Program(long offset, ReadOnlySpan<byte> data)
    {
        Writes++;
        _inner.Program(offset, data);
    }
}
