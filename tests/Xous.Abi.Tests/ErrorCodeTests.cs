namespace Xous.Abi.Tests;

public class ErrorCodeTests
{
    [Fact]
    public void Every_error_round_trips_through_an_error_result()
    {
        foreach (XousError error in Enum.GetValues<XousError>())
        {
            var words = new nuint[8];
            SyscallResult.Failure(error).Encode(words);
            Assert.Equal((nuint)ResultTag.Error, words[0]);
            Assert.Equal(ErrorCodes.Encode(error), words[1]);
            Assert.True(SyscallResult.TryDecode(words, out SyscallResult decoded));
            Assert.Equal(error, decoded.Error);
        }

        Assert.Equal(40, Enum.GetValues<XousError>().Length);
    }

    [Fact]
    public void Codes_follow_xous_numbering()
    {
        Assert.Equal((nuint)0, ErrorCodes.Encode(XousError.NoError));
        Assert.Equal((nuint)9, ErrorCodes.Encode(XousError.ServerNotFound));
        Assert.Equal((nuint)15, ErrorCodes.Encode(XousError.ServerQueueFull));
        Assert.Equal((nuint)21, ErrorCodes.Encode(XousError.InvalidPID));
        Assert.Equal((nuint)27, ErrorCodes.Encode(XousError.InvalidLimit));
        Assert.Equal((nuint)39, ErrorCodes.Encode(XousError.SecurityError));
    }

    [Fact]
    public void Unknown_error_is_all_ones_on_the_wire_like_xous()
    {
        Assert.Equal(nuint.MaxValue, ErrorCodes.Encode(XousError.UnknownError));
        Assert.Equal(XousError.UnknownError, ErrorCodes.Decode(nuint.MaxValue));
        Assert.Equal(XousError.UnknownError, ErrorCodes.Decode(22));
    }

    [Theory]
    [InlineData(40u)]
    [InlineData(1000u)]
    [InlineData(0xFFFF_FFFEu)]
    public void Codes_this_abi_does_not_know_decode_as_unknown(uint code)
    {
        Assert.Equal(XousError.UnknownError, ErrorCodes.Decode(code));
        Assert.True(SyscallResult.TryDecode([1, code, 0, 0, 0, 0, 0, 0], out SyscallResult result));
        Assert.Equal(XousError.UnknownError, result.Error);
    }
}
