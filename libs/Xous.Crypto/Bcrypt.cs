using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Xous.Crypto;

/// <summary>
/// bcrypt (Provos and Mazières, 1999): the raw 24-byte EksBlowfish output that root-keys and the PDDB use as key
/// material (<see cref="HashRaw"/>), and the OpenBSD <c>$2b$</c> password-hash string (<see cref="HashPassword(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int)"/>,
/// <see cref="Verify"/>).
/// </summary>
/// <remarks>
/// <para>
/// The work is 2^(cost+1) Blowfish key expansions: cost 7 takes about 0.8 s on the 100 MHz device and every step
/// up doubles it. Not constant-time: the Blowfish S-box lookups are indexed by data derived from the password, so
/// execution time and memory access pattern depend on it (by design of the algorithm). The Blowfish state
/// (4,168 bytes) is allocated per call and wiped before returning, as is the library's copy of the password.
/// </para>
/// <para>
/// bcrypt uses at most 72 key bytes: longer input is truncated (<see cref="HashPassword(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int)"/>)
/// or rejected (<see cref="HashRaw"/>).
/// </para>
/// </remarks>
public static class Bcrypt
{
    /// <summary>The salt size in bytes (128 bits).</summary>
    public const int SaltSizeInBytes = 16;

    /// <summary>The size of the raw output in bytes: three 64-bit blocks.</summary>
    public const int OutputSizeInBytes = 24;

    /// <summary>The most key bytes bcrypt uses (18 subkeys of 4 bytes).</summary>
    public const int MaxKeySizeInBytes = 72;

    /// <summary>The smallest cost (log2 of the number of rounds) accepted.</summary>
    public const int MinCost = 4;

    /// <summary>The largest cost accepted.</summary>
    public const int MaxCost = 31;

    /// <summary>The length of a <c>$2b$</c> hash string: "$2b$" + two cost digits + "$" + 22 salt and 31 hash characters.</summary>
    public const int HashStringLength = 60;

    private const int SaltCharacters = 22;
    private const int HashCharacters = 31;
    private const int EncodedHashBytes = 23;
    private const int SaltStart = 7;
    private const int HashStart = SaltStart + SaltCharacters;

    /// <summary>"OrpheanBeholderScryDoubt", the plaintext bcrypt encrypts 64 times, as six big-endian words.</summary>
    private static ReadOnlySpan<uint> MagicWords => [0x4F727068, 0x65616E42, 0x65686F6C, 0x64657253, 0x63727944, 0x6F756274];

    /// <summary>
    /// The raw bcrypt output: EksBlowfish keyed with <paramref name="key"/> exactly as given, then
    /// "OrpheanBeholderScryDoubt" encrypted 64 times, all 24 bytes (each word big-endian). Equals BouncyCastle's
    /// <c>BCrypt.Generate(key, salt, cost)</c>.
    /// </summary>
    /// <remarks>
    /// Nothing is appended: a caller that wants the C-string convention adds the trailing NUL itself. root-keys
    /// hashes the password truncated to 72 bytes followed by a NUL; when that makes 73 bytes, pass the first 72 (bcrypt
    /// never reaches the 73rd key byte, so the result is the same). The PDDB's secret bases pass the password bytes
    /// as given. Embedded NUL bytes are ordinary key bytes here.
    /// </remarks>
    /// <param name="key">1 to <see cref="MaxKeySizeInBytes"/> bytes; empty is rejected, since bcrypt's key stream
    /// is undefined for an empty key (a C-string caller always has at least the NUL).</param>
    /// <param name="salt">Exactly <see cref="SaltSizeInBytes"/> bytes.</param>
    /// <param name="cost">log2 of the rounds, <see cref="MinCost"/> to <see cref="MaxCost"/>.</param>
    /// <param name="output">Exactly <see cref="OutputSizeInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException">The key is empty or longer than 72 bytes, or the salt or output has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside 4–31.</exception>
    public static void HashRaw(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, int cost, Span<byte> output)
    {
        if (key.Length is 0 or > MaxKeySizeInBytes)
        {
            throw new ArgumentException($"The bcrypt key must be 1 to {MaxKeySizeInBytes} bytes; got {key.Length}.", nameof(key));
        }

        Check.Length(salt.Length, SaltSizeInBytes, nameof(salt));
        CheckCost(cost);
        Check.Length(output.Length, OutputSizeInBytes, nameof(output));
        Compute(key, salt, cost, output);
    }

    /// <summary>
    /// The OpenBSD <c>$2b$</c> string for a password: the key is the password followed by a NUL, truncated to
    /// 72 bytes; the string holds the cost, the salt and the first 23 of the 24 output bytes in bcrypt's base 64.
    /// Equals BouncyCastle's <c>OpenBsdBCrypt.Generate("2b", password, salt, cost)</c>.
    /// </summary>
    /// <param name="password">The password's UTF-8 bytes; any length (bytes past 71 are ignored). Embedded NULs
    /// are kept as key bytes, as BouncyCastle does; C implementations stop at the first NUL instead.</param>
    /// <param name="salt">Exactly <see cref="SaltSizeInBytes"/> random bytes.</param>
    /// <param name="cost">log2 of the rounds, <see cref="MinCost"/> to <see cref="MaxCost"/>.</param>
    /// <returns>A <see cref="HashStringLength"/>-character string such as <c>$2b$07$…</c>.</returns>
    /// <exception cref="ArgumentException">The salt has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside 4–31.</exception>
    public static string HashPassword(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int cost)
    {
        Span<char> text = stackalloc char[HashStringLength];
        HashPassword(password, salt, cost, text);
        return new string(text);
    }

    /// <summary>
    /// Writes the <c>$2b$</c> string of <see cref="HashPassword(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int)"/>
    /// into <paramref name="destination"/> without allocating.
    /// </summary>
    /// <param name="password">The password's UTF-8 bytes; any length.</param>
    /// <param name="salt">Exactly <see cref="SaltSizeInBytes"/> bytes.</param>
    /// <param name="cost">log2 of the rounds, <see cref="MinCost"/> to <see cref="MaxCost"/>.</param>
    /// <param name="destination">Exactly <see cref="HashStringLength"/> characters.</param>
    /// <exception cref="ArgumentException">The salt or destination has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is outside 4–31.</exception>
    public static void HashPassword(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int cost, Span<char> destination)
    {
        Check.Length(salt.Length, SaltSizeInBytes, nameof(salt));
        CheckCost(cost);
        if (destination.Length != HashStringLength)
        {
            throw new ArgumentException($"Expected exactly {HashStringLength} characters, got {destination.Length}.", nameof(destination));
        }

        Span<byte> hash = stackalloc byte[OutputSizeInBytes];
        ComputeForPassword(password, salt, cost, hash);
        destination[0] = '$';
        destination[1] = '2';
        destination[2] = 'b';
        destination[3] = '$';
        destination[4] = (char)('0' + (cost / 10));
        destination[5] = (char)('0' + (cost % 10));
        destination[6] = '$';
        BcryptBase64.Encode(salt, destination.Slice(SaltStart, SaltCharacters));
        BcryptBase64.Encode(hash[..EncodedHashBytes], destination.Slice(HashStart, HashCharacters));
        hash.Clear();
    }

    /// <summary>
    /// Whether <paramref name="password"/> matches a <c>$2a$</c>, <c>$2b$</c> or <c>$2y$</c> hash string (all three
    /// are computed the same way: password plus NUL, truncated to 72 bytes). The hash characters are compared in
    /// constant time. A malformed string (wrong length or prefix, cost not two digits in 04–31, a salt character
    /// outside the alphabet or a non-canonical last salt character) is simply false, never an exception.
    /// </summary>
    /// <remarks>A well-formed string with a high cost is honoured: cost 31 runs for days. Check the cost of strings
    /// from untrusted places first if that matters.</remarks>
    /// <param name="password">The password's UTF-8 bytes.</param>
    /// <param name="hash">The stored hash string.</param>
    /// <returns>True when the password produces the same hash.</returns>
    public static bool Verify(ReadOnlySpan<byte> password, ReadOnlySpan<char> hash)
    {
        if (!TryParse(hash, out int cost, out BcryptSaltBytes salt))
        {
            return false;
        }

        Span<byte> output = stackalloc byte[OutputSizeInBytes];
        Span<char> expected = stackalloc char[HashCharacters];
        ComputeForPassword(password, salt, cost, output);
        BcryptBase64.Encode(output[..EncodedHashBytes], expected);
        bool equal = CharactersEqual(expected, hash.Slice(HashStart, HashCharacters));
        output.Clear();
        expected.Clear();
        return equal;
    }

    private static bool TryParse(ReadOnlySpan<char> hash, out int cost, out BcryptSaltBytes salt)
    {
        cost = 0;
        salt = default;
        if (hash.Length != HashStringLength
            || hash[0] != '$' || hash[1] != '2' || hash[2] is not ('a' or 'b' or 'y') || hash[3] != '$'
            || hash[4] is < '0' or > '9' || hash[5] is < '0' or > '9' || hash[6] != '$')
        {
            return false;
        }

        cost = ((hash[4] - '0') * 10) + (hash[5] - '0');
        return cost is >= MinCost and <= MaxCost && BcryptBase64.TryDecode(hash.Slice(SaltStart, SaltCharacters), salt);
    }

    private static void ComputeForPassword(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int cost, Span<byte> output)
    {
        // The key is the password and its NUL terminator, cut at 72 bytes.
        Span<byte> key = stackalloc byte[MaxKeySizeInBytes];
        int length = Math.Min(password.Length, MaxKeySizeInBytes);
        password[..length].CopyTo(key);
        if (length < MaxKeySizeInBytes)
        {
            key[length] = 0;
            length++;
        }

        Compute(key[..length], salt, cost, output);
        key.Clear();
    }

    /// <summary>EksBlowfish and the 64 encryptions; arguments are checked by the caller.</summary>
    private static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, int cost, Span<byte> output)
    {
        Span<uint> keyWords = stackalloc uint[EksBlowfish.SubkeyCount];
        Span<uint> saltWords = stackalloc uint[EksBlowfish.SubkeyCount];
        Span<uint> block = stackalloc uint[6];
        EksBlowfish.CyclicWords(key, keyWords);
        EksBlowfish.BigEndianWords(salt, saltWords[..4]);
        var state = new EksBlowfish();
        try
        {
            state.Initialize();
            state.ExpandKey(keyWords, saltWords[..4]);

            // Used as a key, the salt's four words repeat: fill all 18 subkey words from them.
            for (int i = 4; i < EksBlowfish.SubkeyCount; i++)
            {
                saltWords[i] = saltWords[i - 4];
            }

            uint rounds = 1u << cost;
            for (uint round = 0; round < rounds; round++)
            {
                state.ExpandKey(keyWords);
                state.ExpandKey(saltWords);
            }

            MagicWords.CopyTo(block);
            for (int pass = 0; pass < 64; pass++)
            {
                state.Encipher(ref block[0], ref block[1]);
                state.Encipher(ref block[2], ref block[3]);
                state.Encipher(ref block[4], ref block[5]);
            }

            for (int i = 0; i < 6; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(output[(4 * i)..], block[i]);
            }
        }
        finally
        {
            state.Clear();
            keyWords.Clear();
            block.Clear();
        }
    }

    private static void CheckCost(int cost)
    {
        if (cost is < MinCost or > MaxCost)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), $"The bcrypt cost must be {MinCost} to {MaxCost}; got {cost}.");
        }
    }

    /// <summary>Equality of two equally long character spans in time that depends only on the length.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    private static bool CharactersEqual(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
}

/// <summary>A bcrypt salt (16 bytes) kept inline.</summary>
[InlineArray(16)]
internal struct BcryptSaltBytes
{
    private byte _element;
}
