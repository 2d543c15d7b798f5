using System;
using Xous.Cbor;
using Xous.Crypto;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>
/// authenticatorLargeBlobs (0x0C, CTAP 2.1 §6.10): reads fragments of the serialized large-blob array and writes a
/// new array in fragments. The array lives in <c>fido.cfg</c>/<c>largeblobs</c> (at most
/// <see cref="AuthenticatorLimits.MaxLargeBlobArray"/> bytes, absent = the initial empty array); a write is kept in
/// RAM until its last fragment, whose trailing LEFT(SHA-256, 16) must match before it is stored and committed.
/// </summary>
internal sealed class LargeBlobsCommand : ICtapCommand
{
    /// <summary>Key of the large-blob array record.</summary>
    public const string LargeBlobsKey = "largeblobs";

    /// <summary>The largest fragment a get or set may carry: maxMsgSize − 64.</summary>
    public const int MaxFragmentLength = AuthenticatorLimits.MaxMessageSize - 64;

    /// <summary>The smallest serialized array: an empty CBOR array and its 16-byte checksum.</summary>
    private const int MinArrayLength = 17;

    private readonly IVaultStore _store;
    private readonly PinStorage _storage;
    private readonly PinUvAuthToken _token;
    private readonly byte[] _pending = new byte[AuthenticatorLimits.MaxLargeBlobArray];
    private int _expectedLength;
    private int _expectedNextOffset;

    /// <summary>Creates the command over the subsystem's state.</summary>
    public LargeBlobsCommand(IVaultStore store, PinStorage storage, PinUvAuthToken token)
    {
        _store = store;
        _storage = storage;
        _token = token;
    }

    /// <summary>The initial serialized large-blob array: CBOR [] (0x80) ‖ LEFT(SHA-256(0x80), 16).</summary>
    public static ReadOnlySpan<byte> InitialArray =>
        [0x80, 0x76, 0xBE, 0x8B, 0x52, 0x8D, 0x00, 0x75, 0xF7, 0xAA, 0xE9, 0x8D, 0x6F, 0xA5, 0x7A, 0x6D, 0x3C];

    /// <summary>authenticatorReset: the stored array goes back to the initial one and any write in progress is dropped.</summary>
    public void Reset()
    {
        _ = _store.Delete(PinStorage.Dictionary, LargeBlobsKey);
        DropPendingWrite();
    }

    /// <inheritdoc/>
    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        bool hasGet = false, hasSet = false, hasOffset = false, hasLength = false, hasParam = false, hasProtocol = false;
        ulong get = 0, offset = 0, length = 0, protocol = 0;
        ReadOnlySpan<byte> set = default;
        ReadOnlySpan<byte> pinUvAuthParam = default;
        try
        {
            var reader = new CborReader(parameters);
            if (parameters.IsEmpty || reader.PeekState() != CborReaderState.StartMap)
            {
                return parameters.IsEmpty ? CtapStatus.MissingParameter : CtapStatus.CborUnexpectedType;
            }

            int pairs = reader.ReadStartMap();
            for (int i = 0; i < pairs; i++)
            {
                if (!CborInput.TryReadIntegerKey(ref reader, out ulong key))
                {
                    continue;
                }
                CborReaderState state = reader.PeekState();
                bool wantsBytes = key is 2 or 5;
                if (key is >= 1 and <= 6 && state != (wantsBytes ? CborReaderState.ByteString : CborReaderState.UnsignedInteger))
                {
                    return CtapStatus.CborUnexpectedType;
                }

                switch (key)
                {
                    case 1:
                        hasGet = true;
                        get = reader.ReadUInt64();
                        break;
                    case 2:
                        hasSet = true;
                        set = reader.ReadByteString();
                        break;
                    case 3:
                        hasOffset = true;
                        offset = reader.ReadUInt64();
                        break;
                    case 4:
                        hasLength = true;
                        length = reader.ReadUInt64();
                        break;
                    case 5:
                        hasParam = true;
                        pinUvAuthParam = reader.ReadByteString();
                        break;
                    case 6:
                        hasProtocol = true;
                        protocol = reader.ReadUInt64();
                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            reader.ReadEndMap();
            _ = reader.PeekState();
        }
        catch (CborException exception)
        {
            return exception.Error == CborError.UnexpectedType ? CtapStatus.CborUnexpectedType : CtapStatus.InvalidCbor;
        }

        if (!hasOffset)
        {
            return CtapStatus.MissingParameter;
        }

        if (hasGet == hasSet)
        {
            return CtapStatus.InvalidParameter;
        }

        try
        {
            return hasGet
                ? ProcessGet(get, offset, hasLength, response, out responseLength)
                : ProcessSet(set, offset, hasLength, length, hasParam, pinUvAuthParam, hasProtocol, protocol);
        }
        catch (VaultStoreException)
        {
            return CtapStatus.Other;
        }
    }

    private CtapStatus ProcessGet(ulong get, ulong offset, bool hasLength, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        if (hasLength)
        {
            return CtapStatus.InvalidParameter;
        }

        if (get > MaxFragmentLength)
        {
            return CtapStatus.InvalidLength;
        }

        byte[] array = new byte[AuthenticatorLimits.MaxLargeBlobArray];
        int arrayLength = ReadArray(array);
        if (offset > (ulong)arrayLength)
        {
            return CtapStatus.InvalidParameter;
        }

        int start = (int)offset;
        int count = Math.Min((int)get, arrayLength - start);
        var writer = new CborWriter(response);
        writer.WriteStartMap(1);
        writer.WriteUInt64(1);
        writer.WriteByteString(array.AsSpan(start, count));
        writer.WriteEndMap();
        responseLength = writer.BytesWritten;
        return CtapStatus.Ok;
    }

    private CtapStatus ProcessSet(ReadOnlySpan<byte> set, ulong offset, bool hasLength, ulong length, bool hasParam, ReadOnlySpan<byte> pinUvAuthParam, bool hasProtocol, ulong protocol)
    {
        if (set.Length > MaxFragmentLength)
        {
            return CtapStatus.InvalidLength;
        }

        if (offset == 0)
        {
            if (!hasLength)
            {
                return CtapStatus.InvalidParameter;
            }

            if (length > AuthenticatorLimits.MaxLargeBlobArray)
            {
                return CtapStatus.LargeBlobStorageFull;
            }

            if (length < MinArrayLength)
            {
                return CtapStatus.InvalidParameter;
            }

        }
        else
        {
            if (hasLength)
            {
                return CtapStatus.InvalidParameter;
            }

            if (_expectedLength == 0 || offset != (ulong)_expectedNextOffset)
            {
                return CtapStatus.InvalidSeq;
            }
        }

        if (_storage.IsPinSet || _storage.AlwaysUv)
        {
            CtapStatus status = Authorize(set, offset, hasParam, pinUvAuthParam, hasProtocol, protocol);
            if (status != CtapStatus.Ok)
            {
                return status;
            }
        }

        if (offset == 0)
        {
            _expectedLength = (int)length;
            _expectedNextOffset = 0;
        }

        if (offset + (ulong)set.Length > (ulong)_expectedLength)
        {
            return CtapStatus.InvalidParameter;
        }

        set.CopyTo(_pending.AsSpan((int)offset));
        _expectedNextOffset = (int)offset + set.Length;
        if (_expectedNextOffset < _expectedLength)
        {
            return CtapStatus.Ok;
        }

        int total = _expectedLength;
        Span<byte> digest = stackalloc byte[32];
        Sha256.Hash(_pending.AsSpan(0, total - 16), digest);
        bool intact = FixedTime.Equals(digest[..16], _pending.AsSpan(total - 16, 16));
        if (!intact)
        {
            DropPendingWrite();
            return CtapStatus.IntegrityFailure;
        }

        _store.Write(PinStorage.Dictionary, LargeBlobsKey, _pending.AsSpan(0, total));
        _store.Commit();
        DropPendingWrite();
        return CtapStatus.Ok;
    }

    private CtapStatus Authorize(ReadOnlySpan<byte> set, ulong offset, bool hasParam, ReadOnlySpan<byte> pinUvAuthParam, bool hasProtocol, ulong protocol)
    {
        if (!hasParam)
        {
            return CtapStatus.PinUvAuthTokenRequired;
        }

        if (!hasProtocol)
        {
            return CtapStatus.MissingParameter;
        }

        if (!PinProtocol.IsSupported(protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        // 32×0xFF ‖ 0x0C 0x00 ‖ uint32LE(offset) ‖ SHA-256(set)
        Span<byte> message = stackalloc byte[32 + 2 + 4 + 32];
        message[..32].Fill(0xFF);
        message[32] = 0x0C;
        message[33] = 0x00;
        uint offset32 = (uint)offset;
        message[34] = (byte)offset32;
        message[35] = (byte)(offset32 >> 8);
        message[36] = (byte)(offset32 >> 16);
        message[37] = (byte)(offset32 >> 24);
        Sha256.Hash(set, message[38..]);
        return _token.Verify(protocol, message, pinUvAuthParam, PinUvAuthPermissions.LargeBlobWrite, rpId: null);
    }

    private int ReadArray(Span<byte> destination)
    {
        int length = _store.Length(PinStorage.Dictionary, LargeBlobsKey);
        if (length < 0)
        {
            InitialArray.CopyTo(destination);
            return InitialArray.Length;
        }

        if (length > destination.Length)
        {
            throw new VaultStoreException(VaultStoreError.Failed, "The large-blob array in fido.cfg is too long.");
        }

        return _store.Read(PinStorage.Dictionary, LargeBlobsKey, destination);
    }

    private void DropPendingWrite()
    {
        Array.Clear(_pending);
        _expectedLength = 0;
        _expectedNextOffset = 0;
    }
}
