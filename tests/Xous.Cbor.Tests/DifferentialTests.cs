using CsCheck;
using Xunit.Abstractions;
using Dotnet = System.Formats.Cbor;

namespace Xous.Cbor.Tests;

/// <summary>
/// Xous.Cbor against System.Formats.Cbor in <see cref="Dotnet.CborConformanceMode.Ctap2Canonical"/>: the same random
/// value must encode to the same bytes, and each reader must accept what the other wrote and give back the value.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_values_encode_identically_and_cross_read()
    {
        Gen.ULong.Sample(seed =>
        {
            CborValue value = CborValue.Random(new Random((int)seed ^ (int)(seed >> 32)));
            byte[] dotnet = CborValue.EncodeWithDotnet(value);
            byte[] xous = CborValue.EncodeWithXous(value);
            Assert.Equal(Convert.ToHexString(dotnet), Convert.ToHexString(xous));

            var reader = new CborReader(dotnet);
            CborValue readByXous = CborValue.ReadWithXous(ref reader);
            Assert.Equal(CborReaderState.Finished, reader.PeekState());
            Assert.True(value.SameAs(readByXous));

            var dotnetReader = new Dotnet.CborReader(xous, Dotnet.CborConformanceMode.Ctap2Canonical);
            CborValue readByDotnet = CborValue.ReadWithDotnet(dotnetReader);
            Assert.Equal(Dotnet.CborReaderState.Finished, dotnetReader.PeekState());
            Assert.True(value.SameAs(readByDotnet));

            var skipper = new CborReader(xous);
            skipper.SkipValue();
            Assert.Equal(xous.Length, skipper.BytesRead);
        }, iter: 10_000, threads: 1);
        output.WriteLine("[counts] Xous.Cbor differential: 10,000 of 10,000 random values encoded identically to System.Formats.Cbor (Ctap2Canonical) and cross-read");
    }

    [Fact]
    public void Writer_needs_exactly_the_space_the_encoding_takes()
    {
        var random = new Random(20261127);
        for (int i = 0; i < 500; i++)
        {
            CborValue value = CborValue.Random(random);
            byte[] expected = CborValue.EncodeWithDotnet(value);
            Assert.Equal(expected, CborValue.EncodeWithXous(value, expected.Length));
            if (expected.Length > 0)
            {
                CborException e = Assert.Throws<CborException>(() => CborValue.EncodeWithXous(value, expected.Length - 1));
                Assert.Equal(CborError.BufferTooSmall, e.Error);
            }
        }
    }
}
