using System;
using Xous.Abi;
using Xous.Names.Api;

namespace Xous.Names.Core;

/// <summary>
/// One slot of the name table, allocated once with the table: the name, its server, the registering process, the
/// connection quota, the connections counted against it and the disconnect token.
/// </summary>
internal sealed class NameEntry
{
    private readonly byte[] _name = new byte[INames.MaxNameBytes];
    private readonly uint[] _token = new uint[4];
    private int _nameLength;

    /// <summary>True while the slot holds a registration.</summary>
    public bool InUse { get; private set; }

    /// <summary>The registered server.</summary>
    public Sid Server { get; private set; }

    /// <summary>The process that registered the name.</summary>
    public Pid Owner { get; private set; }

    /// <summary>How many connections the name server may make; 0 = unlimited.</summary>
    public uint ConnectionLimit { get; private set; }

    /// <summary>How many distinct processes are counted against the limit.</summary>
    public int ConnectedCount { get; private set; }

    /// <summary>True when the slot holds exactly <paramref name="name"/>.</summary>
    public bool Matches(ReadOnlySpan<byte> name) => InUse && name.SequenceEqual(_name.AsSpan(0, _nameLength));

    /// <summary>Fills the slot and issues a fresh token.</summary>
    public void Assign(ReadOnlySpan<byte> name, Sid server, Pid owner, uint connectionLimit, INamesEnvironment environment)
    {
        name.CopyTo(_name);
        _nameLength = name.Length;
        Server = server;
        Owner = owner;
        ConnectionLimit = connectionLimit;
        ResetConnections();
        NewToken(environment);
        InUse = true;
    }

    /// <summary>Empties the slot; the token is zeroed.</summary>
    public void Clear()
    {
        InUse = false;
        Array.Clear(_name);
        _nameLength = 0;
        Server = default;
        Owner = default;
        ConnectionLimit = 0;
        ResetConnections();
        Array.Clear(_token);
    }

    /// <summary>Counts one more connection against the quota.</summary>
    public void AddConnection() => ConnectedCount++;

    /// <summary>Forgets every counted connection.</summary>
    public void ResetConnections() => ConnectedCount = 0;

    /// <summary>Replaces the disconnect token with four fresh random words.</summary>
    public void NewToken(INamesEnvironment environment)
    {
        for (int i = 0; i < _token.Length; i++)
        {
            _token[i] = environment.NextRandom();
        }
    }

    /// <summary>Compares the token in constant time (every word is looked at, whatever differs).</summary>
    public bool TokenMatches(uint word0, uint word1, uint word2, uint word3)
    {
        uint difference = (_token[0] ^ word0) | (_token[1] ^ word1) | (_token[2] ^ word2) | (_token[3] ^ word3);
        return difference == 0;
    }

    /// <summary>Writes the token into a connect reply.</summary>
    public void WriteToken(ref ConnectRequest request)
    {
        request.Token0 = _token[0];
        request.Token1 = _token[1];
        request.Token2 = _token[2];
        request.Token3 = _token[3];
    }
}
