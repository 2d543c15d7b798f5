using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xous.Bench.Ctap.Programs;
using Xous.Vault;
using Xous.Vault.Ctap2;
using Xous.Vault.Environment;
using Xous.Vault.Fuzz;
using Xous.Vault.Hid;
using Xous.Vault.Host.Transports;

namespace Xous.Bench;

/// <summary>
/// <c>Xous.Bench ctap [--quick] [--root DIR]</c>: the hosted authenticator in this process (CtapAuthenticator and
/// CtapHidServer on their own thread over UdpHidPort on 127.0.0.1:0, RAM store, fixed-seed test entropy, auto-approved
/// user presence) driven by a small CTAPHID client over UDP: a 64-byte PING round trip as the baseline, makeCredential
/// (ES256, non-resident) and getAssertion (allow list of one) p50/p99, each as a ratio to the PING measured in the same
/// run. On RV32 in QEMU: instructions per ES256 signature (the crypto suite's P-256 kernels) and what the device compiler
/// says about the Vault core.
/// </summary>
internal static class CtapBench
{
    private const string CryptoProgramsProject = "tools/bench/crypto/Xous.Bench.Crypto.Programs/Xous.Bench.Crypto.Programs.csproj";
    private const string CtapProgramsProject = "tools/bench/ctap/Xous.Bench.Ctap.Programs/Xous.Bench.Ctap.Programs.csproj";

    /// <summary>Runs the suite; writes docs/benchmarks.md unless <paramref name="quick"/>. Returns the exit status.</summary>
    public static int Run(string root, bool quick)
    {
        var table = new List<string>();
        void Row(string line)
        {
            Console.WriteLine(line);
            table.Add(line);
        }

        Host(Row, quick);
        var rv32 = new List<string>();
        int status = Rv32(root, rv32);
        table.Add("");
        table.AddRange(rv32);
        if (!quick && status == 0)
        {
            string file = Path.Combine(root, "docs", "benchmarks.md");
            BenchmarkFile.Replace(file, "ctap", BenchmarkFile.Section(
                "./xous bench ctap",
                "Host: apps/vault's CtapAuthenticator and CtapHidServer (Release) in the bench process, the server loop on its own " +
                "thread over UdpHidPort bound to 127.0.0.1:0; store in RAM (not a PDDB file), fixed-seed test entropy, user " +
                "presence approved at once. A CTAPHID client in the same process, on its own UDP socket, times each request from " +
                "its first report sent to the last report of the answer (one channel, INIT once). PING with a 64-byte payload " +
                "(two reports each way) is the baseline measured in the same run; the last column is each request's p50 over it. " +
                "RV32: instructions retired for one P-256 ECDSA signature (the crypto suite's kernels, tools/bench/crypto) in QEMU " +
                "virt, and the device compiler on the Vault core (see the notes under the table).",
                table));
            Console.WriteLine("figures written to " + file);
        }

        return status;
    }

    /// <summary>The host figures: PING, makeCredential and getAssertion over CTAPHID/UDP, one row each.</summary>
    private static void Host(Action<string> row, bool quick)
    {
        Console.WriteLine("==> host: CTAPHID over UDP on 127.0.0.1 to the in-process authenticator (INSECURE test environment: RAM store, fixed-seed entropy, auto-approved presence)");
        row("| request over CTAPHID/UDP | p50 µs | p99 µs | rate/s | p50 ÷ PING p50 |");
        row("|---|---:|---:|---:|---:|");
        using (var host = new HostedAuthenticator())
        using (var client = new CtapHidUdpClient(host.Endpoint))
        {
            client.Init();
            byte[] ping = new byte[64];
            new Random(64).NextBytes(ping);
            Latency pingLatency = Latency.Measure(() => client.Ping(ping), quick ? 200 : 2_000, quick ? 1_000 : 20_000);

            byte[] makeCredential = Seeds.MakeCredentialRequest();
            byte[] first = client.Cbor(makeCredential);
            byte[] credentialId = first[0] == 0 ? Seeds.CredentialIdOf(first.AsSpan(1)) ?? throw new InvalidOperationException("makeCredential returned no credential ID")
                : throw new InvalidOperationException($"makeCredential answered CTAP status 0x{first[0]:X2}");
            byte[] getAssertion = Seeds.GetAssertionRequest(credentialId);
            Latency makeLatency = Latency.Measure(() => client.CborOk(makeCredential), quick ? 10 : 50, quick ? 100 : 1_000);
            Latency getLatency = Latency.Measure(() => client.CborOk(getAssertion), quick ? 10 : 50, quick ? 100 : 1_000);
            foreach ((string name, Latency latency) in new[] { ("PING, 64-byte payload (baseline)", pingLatency), ("makeCredential, ES256, non-resident, packed attestation", makeLatency), ("getAssertion, allow list of one", getLatency) })
            {
                row(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {latency.P50Microseconds:F1} | {latency.P99Microseconds:F1} | {latency.RatePerSecond:F0} | {latency.P50Microseconds / pingLatency.P50Microseconds:F1}× |"));
            }
        }
    }

    private static int Rv32(string root, List<string> table)
    {
        if (DevicePrograms.Prepare(root, "ctap", CryptoProgramsProject) is not DeviceSuite suite)
        {
            return 1;
        }

        table.Add("| operation on RV32 | instructions | ms at 100 MHz, 1 instruction per cycle |");
        table.Add("|---|---:|---:|");
        bool miscompiled = false;
        var measured = new Dictionary<string, (ulong Instructions, int Units)>(StringComparer.Ordinal);
        foreach (DeviceCase kernel in CryptoCases.Device.Where(c => c.Name is "p256-sign-first" or "p256-sign"))
        {
            Measurement result = DevicePrograms.Measure(suite, kernel.Name, kernel.EntryType, kernel.RunOnHost(), ref miscompiled);
            if (result.Problem is string problem)
            {
                Console.WriteLine($"    {kernel.Name,-22} {problem}");
                table.Add($"| {kernel.What} | — {problem} | |");
                return 1;
            }

            measured[kernel.Name] = (result.Instructions!.Value, kernel.Units);
            double perSignature = (double)result.Instructions.Value / kernel.Units;
            if (kernel.After is string firstName && measured.TryGetValue(firstName, out var firstRun))
            {
                perSignature = (double)(result.Instructions.Value - firstRun.Instructions) / (kernel.Units - firstRun.Units);
            }

            string what = kernel.Name == "p256-sign" ? "ES256 signature (P-256 ECDSA, RFC 6979), base-point table built" : "ES256 signature, the first after start-up (builds the base-point table)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kernel.Name,-22} {perSignature,14:N0} instructions per signature"));
            table.Add(string.Create(CultureInfo.InvariantCulture, $"| {what} | {perSignature:N0} | {perSignature / 100_000:F1} |"));
        }

        GetAssertionOnDevice(root, table, ref miscompiled);
        return miscompiled ? 1 : 0;
    }

    /// <summary>
    /// getAssertion on RV32: Vault's core compiled by tools/ilcompiler, the run with <see cref="GetAssertions.ManyUnits"/>
    /// getAssertions less the run with one, each run's last response checked against the CLR's. When the device compiler
    /// cannot take the Vault core yet, the row says why (a limit of the compiler, not a failure of the bench).
    /// </summary>
    private static void GetAssertionOnDevice(string root, List<string> table, ref bool miscompiled)
    {
        const string what = "getAssertion (ES256, allow list of one, RAM store), after power-up and one makeCredential";
        if (DevicePrograms.Prepare(root, "ctap-vault", CtapProgramsProject) is not DeviceSuite suite)
        {
            table.Add($"| {what} | — the Vault programs do not build for the device | |");
            return;
        }

        TimeSpan timeout = TimeSpan.FromMinutes(5);
        const int heap = 8 * 1024 * 1024;
        Measurement once = DevicePrograms.Measure(suite, "ctap-ga-once", typeof(GetAssertionOnceProgram).FullName!, GetAssertions.Run(GetAssertions.OnceUnits), ref miscompiled, heap, timeout);
        Measurement many = once.Problem is null
            ? DevicePrograms.Measure(suite, "ctap-ga-many", typeof(GetAssertionManyProgram).FullName!, GetAssertions.Run(GetAssertions.ManyUnits), ref miscompiled, heap, timeout)
            : once;
        if ((once.Problem ?? many.Problem) is string problem)
        {
            Console.WriteLine("    ctap-ga                " + problem);
            table.Add($"| {what} | — not compiled (see below) | |");
            table.Add("");
            table.Add("getAssertion on RV32 is not measured: tools/ilcompiler stops on the Vault core (" + problem +
                      "). The request parsers of apps/vault skip unknown CBOR values with Xous.Cbor's CborReader.SkipValue, " +
                      "which reaches ReadDouble for floats, and the device compiler does not compile floating point yet. " +
                      "The ES256 signature above is the dominant cost of a getAssertion on the device.");
            return;
        }

        double perRequest = (double)(many.Instructions!.Value - once.Instructions!.Value) / (GetAssertions.ManyUnits - GetAssertions.OnceUnits);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    ctap-ga                {perRequest,14:N0} instructions per getAssertion"));
        table.Add(string.Create(CultureInfo.InvariantCulture, $"| {what} | {perRequest:N0} | {perRequest / 100_000:F1} |"));
        table.Add(string.Create(CultureInfo.InvariantCulture, $"| power-up, one makeCredential (first signature builds the table) and one getAssertion | {once.Instructions.Value:N0} | {once.Instructions.Value / 100_000.0:F1} |"));
    }

    /// <summary>The authenticator with its CTAPHID loop on a thread of its own, over UDP on 127.0.0.1:0.</summary>
    private sealed class HostedAuthenticator : IDisposable
    {
        private readonly UdpHidPort _port;
        private readonly Thread _loop;
        private volatile bool _stop;

        public HostedAuthenticator()
        {
            var clock = new StopwatchClock();
            var presence = new AutoApprovingTestUserPresence();
            var environment = new VaultEnvironment(new RamVaultStore(), new FixedSeedTestEntropy(0x42), clock, presence, TestAttestation.Create());
            var authenticator = new CtapAuthenticator(environment);
            _port = new UdpHidPort(new IPEndPoint(IPAddress.Loopback, 0));
            var server = new CtapHidServer(_port, clock, presence, authenticator);
            _loop = new Thread(() =>
            {
                while (!_stop)
                {
                    server.ProcessOne(20);
                }
            })
            { IsBackground = true, Name = "ctaphid" };
            _loop.Start();
        }

        public IPEndPoint Endpoint => (IPEndPoint)_port.LocalEndPoint;

        public void Dispose()
        {
            _stop = true;
            _loop.Join();
            _port.Dispose();
        }
    }

    /// <summary>Milliseconds since the bench started.</summary>
    private sealed class StopwatchClock : IMonotonicClock
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public long ElapsedMilliseconds => _clock.ElapsedMilliseconds;
    }
}

/// <summary>A minimal CTAPHID client over UDP (one 64-byte report per datagram) for the bench: INIT, PING, CBOR.</summary>
internal sealed class CtapHidUdpClient : IDisposable
{
    private const int ReportSize = 64;
    private const uint Broadcast = 0xFFFFFFFF;
    private readonly Socket _socket;
    private readonly byte[] _report = new byte[ReportSize];
    private readonly byte[] _payload = new byte[AuthenticatorLimits.MaxMessageSize];
    private uint _channel = Broadcast;

    public CtapHidUdpClient(IPEndPoint authenticator)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5_000 };
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.Connect(authenticator);
    }

    /// <summary>CTAPHID_INIT on the broadcast channel; keeps the channel it hands out.</summary>
    public void Init()
    {
        byte[] nonce = [1, 2, 3, 4, 5, 6, 7, 8];
        (byte command, int length) = Transact(Broadcast, 0x86, nonce);
        if (command != 0x86 || length < 17 || !_payload.AsSpan(0, 8).SequenceEqual(nonce))
        {
            throw new InvalidOperationException($"INIT answered command 0x{command:X2} with {length} bytes");
        }

        _channel = ((uint)_payload[8] << 24) | ((uint)_payload[9] << 16) | ((uint)_payload[10] << 8) | _payload[11];
    }

    /// <summary>CTAPHID_PING; checks the echo.</summary>
    public void Ping(byte[] data)
    {
        (byte command, int length) = Transact(_channel, 0x81, data);
        if (command != 0x81 || !_payload.AsSpan(0, length).SequenceEqual(data))
        {
            throw new InvalidOperationException("PING did not echo");
        }
    }

    /// <summary>CTAPHID_CBOR: the status byte and the CBOR body.</summary>
    public byte[] Cbor(byte[] request)
    {
        (byte command, int length) = Transact(_channel, 0x90, request);
        return command == 0x90 ? _payload.AsSpan(0, length).ToArray() : throw new InvalidOperationException($"CBOR answered command 0x{command:X2}");
    }

    /// <summary>CTAPHID_CBOR that must succeed (status 0).</summary>
    public void CborOk(byte[] request)
    {
        (byte command, int length) = Transact(_channel, 0x90, request);
        if (command != 0x90 || length < 1 || _payload[0] != 0)
        {
            throw new InvalidOperationException($"CBOR answered command 0x{command:X2}, status 0x{(length > 0 ? _payload[0] : 0xFF):X2}");
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>Sends one message and reads the answer into the payload buffer, skipping KEEPALIVE; returns its command and length.</summary>
    private (byte Command, int Length) Transact(uint channel, byte command, ReadOnlySpan<byte> data)
    {
        Array.Clear(_report);
        WriteChannel(channel);
        _report[4] = command;
        _report[5] = (byte)(data.Length >> 8);
        _report[6] = (byte)data.Length;
        int sent = Math.Min(data.Length, ReportSize - 7);
        data[..sent].CopyTo(_report.AsSpan(7));
        _socket.Send(_report);
        for (byte sequence = 0; sent < data.Length; sequence++)
        {
            Array.Clear(_report);
            WriteChannel(channel);
            _report[4] = sequence;
            int chunk = Math.Min(data.Length - sent, ReportSize - 5);
            data.Slice(sent, chunk).CopyTo(_report.AsSpan(5));
            sent += chunk;
            _socket.Send(_report);
        }

        while (true)
        {
            Receive(channel);
            if (_report[4] == 0xBB)
            {
                continue; // KEEPALIVE
            }

            byte answer = _report[4];
            int length = (_report[5] << 8) | _report[6];
            if (length > _payload.Length)
            {
                throw new InvalidOperationException("The answer is longer than a CTAPHID message can be");
            }

            int received = Math.Min(length, ReportSize - 7);
            _report.AsSpan(7, received).CopyTo(_payload);
            for (byte sequence = 0; received < length; sequence++)
            {
                Receive(channel);
                if (_report[4] != sequence)
                {
                    throw new InvalidOperationException($"continuation {_report[4]} where {sequence} was due");
                }

                int chunk = Math.Min(length - received, ReportSize - 5);
                _report.AsSpan(5, chunk).CopyTo(_payload.AsSpan(received));
                received += chunk;
            }

            return (answer, length);
        }
    }

    private void Receive(uint channel)
    {
        while (true)
        {
            int count = _socket.Receive(_report);
            uint from = ((uint)_report[0] << 24) | ((uint)_report[1] << 16) | ((uint)_report[2] << 8) | _report[3];
            if (count == ReportSize && from == channel)
            {
                return;
            }
        }
    }

    private void WriteChannel(uint channel)
    {
        _report[0] = (byte)(channel >> 24);
        _report[1] = (byte)(channel >> 16);
        _report[2] = (byte)(channel >> 8);
        _report[3] = (byte)channel;
    }
}
