using System.Net;
using System.Net.Sockets;

namespace Xous.Vault.Tests.Host;

/// <summary>
/// `xous-vault serve` as the interop suites start it: the PORT line, a CTAPHID INIT round trip over UDP, a clean exit
/// on SIGTERM, a restart that keeps the state, and the start-up errors a user can meet.
/// </summary>
public sealed class ServeProcessTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string State => Path.Combine(_directory.Path, "state");

    [Fact]
    public async Task ServesInitOverUdpStopsCleanlyOnSigtermAndKeepsItsStateAcrossARestart()
    {
        string firstAaguid;
        byte[] firstCertificate;
        using (ServeProcess serve = ServeProcess.Start(Arguments("auto")))
        {
            Assert.True(await serve.WaitForPortAsync(s_timeout), "no PORT line; stderr:\n" + serve.Errors);
            Assert.InRange(serve.Port, 1, 65535);
            byte[] reply = await InitAsync(serve.Port, [1, 2, 3, 4, 5, 6, 7, 8]);
            AssertInitReply(reply, [1, 2, 3, 4, 5, 6, 7, 8]);

            Assert.Equal(0, await serve.TerminateAsync(s_timeout));
            Assert.Equal(string.Empty, await serve.ReadRemainingOutputAsync()); // exactly one line on stdout
            string errors = serve.Errors;
            Assert.Contains("created now", errors, StringComparison.Ordinal);
            Assert.Contains("development attestation generated for this state dir", errors, StringComparison.Ordinal);
            Assert.Contains("user presence: auto — INSECURE: every request is approved without a touch", errors, StringComparison.Ordinal);
            Assert.Contains("stopped (PDDB synced, sockets closed)", errors, StringComparison.Ordinal);
            firstAaguid = Line(errors, "aaguid: ");
            firstCertificate = File.ReadAllBytes(Path.Combine(State, "attestation", "batch-cert.der"));
        }

        using (ServeProcess serve = ServeProcess.Start(Arguments("deny")))
        {
            Assert.True(await serve.WaitForPortAsync(s_timeout), "no PORT line after the restart; stderr:\n" + serve.Errors);
            AssertInitReply(await InitAsync(serve.Port, [9, 9, 9, 9, 9, 9, 9, 9]), [9, 9, 9, 9, 9, 9, 9, 9]);
            Assert.Equal(0, await serve.TerminateAsync(s_timeout));
            string errors = serve.Errors;
            Assert.Contains("mounted", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("created now", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("generated", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("INSECURE", errors, StringComparison.Ordinal);
            Assert.Equal(firstAaguid, Line(errors, "aaguid: "));
            Assert.Equal(firstCertificate, File.ReadAllBytes(Path.Combine(State, "attestation", "batch-cert.der")));
        }
    }

    [Fact]
    public async Task ThePromptAsksOnStandardErrorAndTakesTheAnswerFromStandardInput()
    {
        using ServeProcess serve = ServeProcess.Start(["--listen", "127.0.0.1:0", "--state-dir", State, "--pddb-pin", "1234"], keepInputOpen: true);
        Assert.True(await serve.WaitForPortAsync(s_timeout), serve.Errors);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var device = new IPEndPoint(IPAddress.Loopback, serve.Port);
        byte[] channel = (await InitAsync(client, device, [1, 1, 2, 3, 5, 8, 13, 21]))[15..19];

        // authenticatorSelection (0x0B) waits for the user: KEEPALIVE UPNEEDED frames until the typed answer.
        Assert.Equal(0x00, await SelectionAsync(client, device, channel, serve, "y"));
        Assert.Equal(0x27, await SelectionAsync(client, device, channel, serve, "n")); // CTAP2_ERR_OPERATION_DENIED
        Assert.Equal(0, await serve.TerminateAsync(s_timeout));
        string errors = serve.Errors; // complete once the process has ended
        Assert.Contains("user presence: prompt", errors, StringComparison.Ordinal);
        Assert.Contains("FIDO request: select this authenticator — approve? [y/N] (30 s)", errors, StringComparison.Ordinal);
        Assert.Contains("FIDO request approved", errors, StringComparison.Ordinal);
        Assert.Contains("FIDO request declined", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPinOnRestartIsAClearErrorAndChangesNothing()
    {
        using (ServeProcess serve = ServeProcess.Start(Arguments("deny")))
        {
            Assert.True(await serve.WaitForPortAsync(s_timeout), serve.Errors);
            Assert.Equal(0, await serve.TerminateAsync(s_timeout));
        }

        byte[] before = File.ReadAllBytes(Path.Combine(State, "vault.pddb"));
        using ServeProcess wrong = ServeProcess.Start(["--listen", "127.0.0.1:0", "--state-dir", State, "--user-presence", "deny", "--pddb-pin", "4321"]);
        Assert.False(await wrong.WaitForPortAsync(s_timeout));
        Assert.Equal(4, await wrong.WaitForExitAsync(s_timeout));
        Assert.Contains("wrong PDDB PIN", wrong.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", wrong.Errors, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(State, "vault.pddb")));
    }

    [Fact]
    public async Task PinComesFromTheEnvironmentAndWithoutAnyPinOrTerminalTheStartFails()
    {
        using (ServeProcess none = ServeProcess.Start(["--listen", "127.0.0.1:0", "--state-dir", State, "--user-presence", "deny"]))
        {
            Assert.False(await none.WaitForPortAsync(s_timeout));
            Assert.Equal(4, await none.WaitForExitAsync(s_timeout));
            Assert.Contains("no PDDB PIN", none.Errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(State, "vault.pddb")));
        }

        using ServeProcess fromEnvironment = ServeProcess.Start(
            ["--listen", "127.0.0.1:0", "--state-dir", State, "--user-presence", "timeout", "--boot-clock-offset-ms", "11000"],
            new Dictionary<string, string?> { ["XOUS_PDDB_PIN"] = "2468" });
        Assert.True(await fromEnvironment.WaitForPortAsync(s_timeout), fromEnvironment.Errors);
        Assert.Equal(0, await fromEnvironment.TerminateAsync(s_timeout));
        Assert.Contains("PDDB PIN from $XOUS_PDDB_PIN", fromEnvironment.Errors, StringComparison.Ordinal);
        Assert.Contains("TEST HOOK", fromEnvironment.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--user-presence", "sometimes")]
    [InlineData("--listen", "nowhere")]
    [InlineData("--boot-clock-offset-ms", "-1")]
    public async Task BadOptionsExitWithTheUsageCode(string option, string value)
    {
        using ServeProcess serve = ServeProcess.Start(["--state-dir", State, "--pddb-pin", "1234", option, value]);
        Assert.False(await serve.WaitForPortAsync(s_timeout));
        Assert.Equal(2, await serve.WaitForExitAsync(s_timeout));
        Assert.False(Directory.Exists(State));
    }

    [Fact]
    public async Task APortInUseIsAClearError()
    {
        using var occupied = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)occupied.Client.LocalEndPoint!).Port;
        using ServeProcess serve = ServeProcess.Start(["--listen", "127.0.0.1:" + port, "--state-dir", State, "--user-presence", "deny", "--pddb-pin", "1234"]);
        Assert.False(await serve.WaitForPortAsync(s_timeout));
        Assert.Equal(6, await serve.WaitForExitAsync(s_timeout));
        Assert.Contains("cannot listen on udp", serve.Errors, StringComparison.Ordinal);
    }

    private string[] Arguments(string presence) =>
        ["--listen", "127.0.0.1:0", "--state-dir", State, "--user-presence", presence, "--pddb-pin", "1234"];

    private static string Line(string text, string prefix)
    {
        int start = text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, "no line with '" + prefix + "' in:\n" + text);
        int end = text.IndexOf('\n', start);
        return text[start..end];
    }

    private static async Task<byte[]> InitAsync(int port, byte[] nonce)
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return await InitAsync(client, new IPEndPoint(IPAddress.Loopback, port), nonce);
    }

    private static async Task<byte[]> InitAsync(UdpClient client, IPEndPoint device, byte[] nonce)
    {
        byte[] report = new byte[64];
        report[0] = report[1] = report[2] = report[3] = 0xFF;
        report[4] = 0x86;
        report[6] = 8;
        nonce.CopyTo(report, 7);
        await client.SendAsync(report, device);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        UdpReceiveResult result = await client.ReceiveAsync(cancel.Token);
        return result.Buffer;
    }

    // Sends CTAPHID_CBOR [0x0B], answers the prompt after the first KEEPALIVE, and returns the CTAP status byte.
    private static async Task<byte> SelectionAsync(UdpClient client, IPEndPoint device, byte[] channel, ServeProcess serve, string answer)
    {
        byte[] report = new byte[64];
        channel.CopyTo(report, 0);
        report[4] = 0x90;
        report[6] = 1;
        report[7] = 0x0B;
        await client.SendAsync(report, device);
        bool answered = false;
        while (true)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            byte[] reply = (await client.ReceiveAsync(cancel.Token)).Buffer;
            Assert.Equal(channel, reply[..4]);
            if (reply[4] == 0xBB)
            {
                Assert.Equal(2, reply[7]); // UPNEEDED
                if (!answered)
                {
                    serve.WriteInputLine(answer);
                    answered = true;
                }

                continue;
            }

            Assert.True(answered, "the request ended before the prompt was answered");
            Assert.Equal(0x90, reply[4]);
            return reply[7];
        }
    }

    private static void AssertInitReply(byte[] reply, byte[] nonce)
    {
        Assert.Equal(64, reply.Length);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x86, 0x00, 17 }, reply[..7]);
        Assert.Equal(nonce, reply[7..15]);
        uint channel = (uint)(reply[15] << 24 | reply[16] << 16 | reply[17] << 8 | reply[18]);
        Assert.NotEqual(0u, channel);
        Assert.NotEqual(0xFFFFFFFFu, channel);
        Assert.Equal(2, reply[19]); // CTAPHID protocol version
    }
}
