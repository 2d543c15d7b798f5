using System;
using Xous.Pddb.Api;
using Xous.Pddb.Format;

namespace Xous.Pddb.Server;

/// <summary>Dictionaries and keys: chunked reads and writes, lists, counts, bulk read and bulk delete.</summary>
public sealed partial class PddbService
{
    /// <inheritdoc/>
    public PddbServiceStatus CreateDict(in KeyPath path)
    {
        PddbServiceStatus status = Target(in path, NameUse.Optional, NameUse.Required, NameUse.Forbidden, out string? basis, out string dictionary, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.CreateDictionary(dictionary, basis));
        }

        return Done(PddbOpcodes.CreateDict, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus DeleteDict(in KeyPath path)
    {
        PddbServiceStatus status = Target(in path, NameUse.Optional, NameUse.Required, NameUse.Forbidden, out string? basis, out string dictionary, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.DeleteDictionary(dictionary, basis));
        }

        return Done(PddbOpcodes.DeleteDict, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus DeleteKey(in KeyPath path)
    {
        PddbServiceStatus status = Target(in path, NameUse.Optional, NameUse.Required, NameUse.Required, out string? basis, out string dictionary, out string key);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.DeleteKey(dictionary, key, basis));
        }

        return Done(PddbOpcodes.DeleteKey, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus ListDict(ref NameList list)
    {
        PddbServiceStatus status = Prepare(ref list, NameUse.Optional, NameUse.Forbidden, out string? basis, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.ListDictionaries(_names, basis));
        }

        if (status == PddbServiceStatus.Ok)
        {
            status = NamePage.Fill(ref list, _names);
        }

        _names.Clear();
        return Done(PddbOpcodes.ListDict, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus ListKeys(ref NameList list)
    {
        PddbServiceStatus status = Prepare(ref list, NameUse.Optional, NameUse.Required, out string? basis, out string dictionary);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.ListKeys(dictionary, _names, basis));
        }

        if (status == PddbServiceStatus.Ok)
        {
            status = NamePage.Fill(ref list, _names);
        }

        _names.Clear();
        return Done(PddbOpcodes.ListKeys, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus KeyCountInDict(ref PathQuery query)
    {
        query.Value = 0;
        PddbServiceStatus status = Target(in query.Path, NameUse.Optional, NameUse.Required, NameUse.Forbidden, out string? basis, out string dictionary, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.ListKeys(dictionary, _names, basis));
            query.Value = status == PddbServiceStatus.Ok ? (ulong)_names.Count : 0;
            _names.Clear();
        }

        return Done(PddbOpcodes.KeyCountInDict, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus DictCountInBasis(ref PathQuery query)
    {
        query.Value = 0;
        PddbServiceStatus status = Target(in query.Path, NameUse.Optional, NameUse.Forbidden, NameUse.Forbidden, out string? basis, out _, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.ListDictionaries(_names, basis));
            query.Value = status == PddbServiceStatus.Ok ? (ulong)_names.Count : 0;
            _names.Clear();
        }

        return Done(PddbOpcodes.DictCountInBasis, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus KeyLength(ref PathQuery query)
    {
        query.Value = 0;
        PddbServiceStatus status = Target(in query.Path, NameUse.Optional, NameUse.Required, NameUse.Required, out string? basis, out string dictionary, out string key);
        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.GetKeyLength(dictionary, key, out long length, basis));
            query.Value = status == PddbServiceStatus.Ok ? (ulong)length : 0;
        }

        return Done(PddbOpcodes.KeyLength, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus ReadKey(ref KeyChunk chunk)
    {
        uint wanted = chunk.Length;
        ulong offset = chunk.Offset;
        KeyChunkFlags flags = chunk.Flags;
        chunk.Length = 0;
        chunk.TotalLength = 0;
        Span<byte> data = PddbWire.Data(ref chunk);
        data.Clear();
        PddbServiceStatus status = Target(in chunk.Path, NameUse.Optional, NameUse.Required, NameUse.Required, out string? basis, out string dictionary, out string key);
        if (status == PddbServiceStatus.Ok && (flags != KeyChunkFlags.None || wanted > IPddb.ChunkBytes))
        {
            status = PddbServiceStatus.MalformedRequest;
        }

        if (status == PddbServiceStatus.Ok && offset > long.MaxValue)
        {
            status = PddbServiceStatus.OutOfRange;
        }

        if (status == PddbServiceStatus.Ok)
        {
            status = Map(_engine!.GetKeyLength(dictionary, key, out long total, basis));
            if (status == PddbServiceStatus.Ok)
            {
                status = Map(_engine.ReadKey(dictionary, key, (long)offset, data.Slice(0, (int)wanted), out int read, basis));
                chunk.Length = status == PddbServiceStatus.Ok ? (uint)read : 0;
                chunk.TotalLength = (ulong)total;
            }
        }

        return Done(PddbOpcodes.ReadKey, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus WriteKey(ref KeyChunk chunk)
    {
        PddbServiceStatus status = Target(in chunk.Path, NameUse.Optional, NameUse.Required, NameUse.Required, out string? basis, out string dictionary, out string key);
        uint length = chunk.Length;
        ulong offset = chunk.Offset;
        KeyChunkFlags flags = chunk.Flags;
        chunk.TotalLength = 0;
        const KeyChunkFlags known = KeyChunkFlags.Replace | KeyChunkFlags.CreateDictionary;
        if (status == PddbServiceStatus.Ok
            && ((flags & ~known) != 0 || length > IPddb.ChunkBytes || ((flags & KeyChunkFlags.Replace) != 0 && offset != 0)))
        {
            status = PddbServiceStatus.MalformedRequest;
        }

        if (status == PddbServiceStatus.Ok && offset > (ulong)(long.MaxValue - length))
        {
            status = PddbServiceStatus.OutOfRange;
        }

        if (status == PddbServiceStatus.Ok)
        {
            ReadOnlySpan<byte> data = PddbWire.Data(ref chunk).Slice(0, (int)length);
            status = Map(Write(flags, dictionary, key, (long)offset, data, basis));
            if (status == PddbServiceStatus.NotFound && (flags & KeyChunkFlags.CreateDictionary) != 0)
            {
                PddbStatus created = _engine!.CreateDictionary(dictionary, basis);
                status = created == PddbStatus.Ok ? Map(Write(flags, dictionary, key, (long)offset, data, basis)) : Map(created);
            }

            if (status == PddbServiceStatus.Ok && _engine!.GetKeyLength(dictionary, key, out long total, basis) == PddbStatus.Ok)
            {
                chunk.TotalLength = (ulong)total;
            }
        }

        // The written bytes are not echoed back to the caller's reply buffer (it already has them).
        return Done(PddbOpcodes.WriteKey, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus DictBulkRead(ref BulkRead request)
    {
        uint start = request.StartIndex;
        bool reservedClear = request.Reserved == 0;
        PddbServiceStatus status = Target(in request.Path, NameUse.Optional, NameUse.Required, NameUse.Forbidden, out string? basis, out string dictionary, out _);
        request.NextIndex = 0;
        request.Total = 0;
        request.Count = 0;
        request.BytesUsed = 0;
        Span<byte> entries = PddbWire.Entries(ref request);
        entries.Clear();
        if (status == PddbServiceStatus.Ok && !reservedClear)
        {
            status = PddbServiceStatus.MalformedRequest;
        }

        if (status == PddbServiceStatus.Ok)
        {
            _bulkSink.Begin(start);
            status = Map(_engine!.BulkRead(dictionary, _bulkSink, out int total, basis, IPddb.MaxBulkValueBytes + 1));
            if (status == PddbServiceStatus.Ok && start > (uint)total)
            {
                status = PddbServiceStatus.OutOfRange;
            }

            if (status == PddbServiceStatus.Ok)
            {
                _bulkSink.FixTruncatedLengths(_engine, dictionary, basis);
                _bulkSink.CopyTo(entries);
                request.Total = (uint)total;
                request.Count = _bulkSink.Count;
                request.BytesUsed = (uint)_bulkSink.Used;
                request.NextIndex = _bulkSink.Full ? _bulkSink.NextIndex : (uint)total;
            }

            _bulkSink.End();
        }

        return Done(PddbOpcodes.DictBulkRead, status);
    }

    /// <inheritdoc/>
    public PddbServiceStatus DictBulkDelete(ref BulkDelete request)
    {
        request.Deleted = 0;
        PddbServiceStatus status = Target(in request.Path, NameUse.Optional, NameUse.Required, NameUse.Forbidden, out string? basis, out string dictionary, out _);
        if (status == PddbServiceStatus.Ok)
        {
            status = ParseDeleteList(ref request);
        }

        if (status == PddbServiceStatus.Ok)
        {
            // The dictionary must exist (a missing one is NotFound, not "0 deleted").
            status = Map(_engine!.ListKeys(dictionary, _names, basis));
            _names.Clear();
        }

        if (status == PddbServiceStatus.Ok)
        {
            ReadOnlySpan<byte> names = PddbWire.Names(ref request).Slice(0, (int)request.BytesUsed);
            int offset = 0;
            uint deleted = 0;
            while (PddbWire.TryReadName(names, ref offset, out ReadOnlySpan<byte> name))
            {
                PddbStatus result = _engine!.DeleteKey(dictionary, PddbNames.Decode(name), basis);
                if (result == PddbStatus.Ok)
                {
                    deleted++;
                }
                else if (result != PddbStatus.NotFound)
                {
                    status = Map(result);
                    break;
                }
            }

            request.Deleted = deleted;
        }

        return Done(PddbOpcodes.DictBulkDelete, status);
    }

    /// <summary>
    /// Checks the whole packed list before anything is deleted: counts and lengths consistent, every name valid, nothing
    /// but zeros past the used bytes.
    /// </summary>
    private static PddbServiceStatus ParseDeleteList(ref BulkDelete request)
    {
        if (request.Reserved != 0 || request.BytesUsed > IPddb.BulkDeleteBytes || request.Count > IPddb.BulkDeleteBytes / 2)
        {
            return PddbServiceStatus.MalformedRequest;
        }

        Span<byte> all = PddbWire.Names(ref request);
        ReadOnlySpan<byte> names = all.Slice(0, (int)request.BytesUsed);
        if (!RequestPath.AllZero(all.Slice((int)request.BytesUsed)))
        {
            return PddbServiceStatus.MalformedRequest;
        }

        int offset = 0;
        uint count = 0;
        while (offset < names.Length)
        {
            if (!PddbWire.TryReadName(names, ref offset, out ReadOnlySpan<byte> name))
            {
                return PddbServiceStatus.MalformedRequest;
            }

            if (!RequestPath.IsValidName(name, PddbNames.MaxKeyNameBytes))
            {
                return PddbServiceStatus.InvalidName;
            }

            count++;
        }

        return count == request.Count ? PddbServiceStatus.Ok : PddbServiceStatus.MalformedRequest;
    }

    private PddbStatus Write(KeyChunkFlags flags, string dictionary, string key, long offset, ReadOnlySpan<byte> data, string? basis) =>
        (flags & KeyChunkFlags.Replace) != 0
            ? _engine!.WriteKey(dictionary, key, data, basis)
            : _engine!.WriteKeyAt(dictionary, key, offset, data, basis);
}
