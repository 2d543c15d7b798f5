using System;
using System.Runtime.InteropServices;
using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;
using Xous.Names.Core;
using Xous.Runtime;

namespace Xous.Names.Server;

/// <summary>
/// Puts the server's side effects around <see cref="NamesCore"/>: logs each registration and removal (names only,
/// never SIDs or tokens), and holds the reply to a failed duplicate registration for the core's fixed delay, so the
/// time a probe takes tells it nothing beyond the answer.
/// </summary>
internal sealed class ReportingNamesHandler : INamesHandler
{
    private readonly NamesCore _core;
    private readonly ProcessContext _context;
    private Logger? _logger;

    public ReportingNamesHandler(NamesCore core, ProcessContext context)
    {
        _core = core;
        _context = context;
    }

    private Logger Log => _logger ??= _context.CreateLogger(NamesServer.ProgramName);

    /// <summary>Logs that the server is up.</summary>
    public void Ready() => Log.Info("serving on its well-known SID");

    public NamesStatus Register(MessageSender sender, in Registration registration)
    {
        NamesStatus status = _core.Register(sender, in registration);
        uint delay = _core.TakeReplyDelayMs();
        if (status == NamesStatus.Ok)
        {
            Log.Info("registered " + Describe(in registration.Name) + " for pid " + sender.ProcessId.Value.ToString() +
                     (registration.ConnectionLimit == 0 ? "" : ", connection limit " + registration.ConnectionLimit.ToString()));
        }

        if (delay != 0)
        {
            _context.Sleep(delay);
        }

        return status;
    }

    public bool Lookup(in ServerName name) => _core.Lookup(in name);

    public NamesStatus Unregister(MessageSender sender, in Registration registration)
    {
        NamesStatus status = _core.Unregister(sender, in registration);
        if (status == NamesStatus.Ok)
        {
            Log.Info("unregistered " + Describe(in registration.Name));
        }

        return status;
    }

    public NamesStatus Disconnect(in DisconnectRequest request) => _core.Disconnect(in request);

    public bool TrustedInitDone() => _core.TrustedInitDone();

    public void WaitForRegistration(uint seenGeneration, DeferredReply reply) => _core.WaitForRegistration(seenGeneration, reply);

    public NamesStatus TryConnect(MessageSender sender, ref ConnectRequest request) => _core.TryConnect(sender, ref request);

    private static string Describe(in ServerName name)
    {
        // The struct's bytes: the 64 name bytes, then the length (docs/ipc.md fixed layout); no unsafe code needed.
        ReadOnlySpan<byte> raw = MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in name, 1));
        uint length = name.Length;
        if (length == 0 || length > INames.MaxNameBytes)
        {
            return "(malformed name)";
        }

        Span<char> text = stackalloc char[INames.MaxNameBytes];
        for (int i = 0; i < (int)length; i++)
        {
            byte b = raw[i];
            text[i] = b is >= 0x20 and < 0x7F ? (char)b : '?';
        }

        return "'" + new string(text[..(int)length]) + "'";
    }
}
