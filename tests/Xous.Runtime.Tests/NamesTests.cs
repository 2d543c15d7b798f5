using Xous.Abi;
using Xous.Ipc;
using Xous.Names.Api;

namespace Xous.Runtime.Tests;

public sealed class NamesTests
{
    [Fact]
    public void ConnectByName_waits_for_registrations_until_the_name_connects()
    {
        var process = new TestProcess();
        process.Names.ConnectAnswers.Enqueue((NamesStatus.NotRegistered, 0, 7));
        process.Names.ConnectAnswers.Enqueue((NamesStatus.NotRegistered, 0, 8));
        process.Names.ConnectAnswers.Enqueue((NamesStatus.Ok, 21, 9));

        NamesStatus status = process.Context.ConnectByName("gfx-server", out Cid connection);

        Assert.Equal(NamesStatus.Ok, status);
        Assert.Equal(new Cid(21), connection);
        Assert.Equal(new uint[] { 7, 8 }, process.Names.WaitedGenerations);
        Assert.Equal(Enumerable.Repeat("gfx-server", 3), process.Names.ConnectNames);
    }

    [Theory]
    [InlineData(NamesStatus.LimitReached)]
    [InlineData(NamesStatus.ServerNotFound)]
    public void ConnectByName_returns_refusals_at_once(NamesStatus refusal)
    {
        var process = new TestProcess();
        process.Names.ConnectAnswers.Enqueue((refusal, 0, 3));

        Assert.Equal(refusal, process.Context.ConnectByName("keys", out Cid connection));
        Assert.Equal(default, connection);
        Assert.Empty(process.Names.WaitedGenerations);
    }

    [Fact]
    public void TryConnectByName_does_not_wait()
    {
        var process = new TestProcess();
        process.Names.ConnectAnswers.Enqueue((NamesStatus.NotRegistered, 0, 3));

        Assert.Equal(NamesStatus.NotRegistered, process.Context.TryConnectByName("later", out _));
        Assert.Empty(process.Names.WaitedGenerations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123x")]
    [InlineData("ééééééééééééééééééééééééééééééééé")] // 33 × 2 bytes = 66.
    public void Bad_names_are_refused_without_a_message(string name)
    {
        var process = new TestProcess();

        Assert.Equal(NamesStatus.BadName, process.Context.TryConnectByName(name, out _));
        Assert.Equal(NamesStatus.BadName, process.Context.RegisterServer(name, 0, out _));
        Assert.Empty(process.Port.Calls);
    }

    [Fact]
    public void A_64_byte_name_is_accepted()
    {
        var process = new TestProcess();
        string name = new('n', INames.MaxNameBytes);
        process.Names.ConnectAnswers.Enqueue((NamesStatus.Ok, 4, 1));

        Assert.Equal(NamesStatus.Ok, process.Context.TryConnectByName(name, out _));
        Assert.Equal(name, process.Names.ConnectNames.Single());
    }

    [Fact]
    public void RegisterServer_creates_a_server_and_registers_its_sid_and_limit()
    {
        var process = new TestProcess();
        var created = new Sid(0xA, 0xB, 0xC, 0xD);
        process.Port.Script = call => call.Number == SyscallNumber.CreateServer ? SyscallResult.FromNewServer(created, new Cid(30)) : null;

        Assert.Equal(NamesStatus.Ok, process.Context.RegisterServer("vault", 2, out Sid sid));

        Assert.Equal(created, sid);
        Registration registration = process.Names.Registrations.Single();
        Assert.Equal((0xAu, 0xBu, 0xCu, 0xDu, 2u), (registration.Sid0, registration.Sid1, registration.Sid2, registration.Sid3, registration.ConnectionLimit));
        Assert.Equal("vault", process.Names.RegisteredNames.Single());
        Assert.Empty(process.Port.CallsOf(SyscallNumber.DestroyServer));
    }

    [Fact]
    public void RegisterServer_of_an_existing_server_registers_its_sid_and_keeps_it_on_refusal()
    {
        var process = new TestProcess();
        var wellKnown = new Sid(5, 6, 7, 8);
        process.Names.RegisterAnswer = NamesStatus.AlreadyRegistered;

        Assert.Equal(NamesStatus.AlreadyRegistered, process.Context.RegisterServer("ticktimer-server", 0, wellKnown));

        Registration registration = process.Names.Registrations.Single();
        Assert.Equal((5u, 6u, 7u, 8u), (registration.Sid0, registration.Sid1, registration.Sid2, registration.Sid3));
        Assert.Empty(process.Port.CallsOf(SyscallNumber.CreateServer));
        Assert.Empty(process.Port.CallsOf(SyscallNumber.DestroyServer));
    }

    [Fact]
    public void A_refused_registration_destroys_the_server()
    {
        var process = new TestProcess();
        var created = new Sid(1, 1, 1, 1);
        process.Port.Script = call => call.Number == SyscallNumber.CreateServer ? SyscallResult.FromNewServer(created, new Cid(30)) : null;
        process.Names.RegisterAnswer = NamesStatus.AlreadyRegistered;

        Assert.Equal(NamesStatus.AlreadyRegistered, process.Context.RegisterServer("vault", 0, out Sid sid));

        Assert.Equal(default, sid);
        Assert.Equal(Syscall.DestroyServer(created), Assert.Single(process.Port.CallsOf(SyscallNumber.DestroyServer)));
    }

    [Fact]
    public void A_kernel_refusal_of_CreateServer_is_an_IpcException_with_the_error()
    {
        var process = new TestProcess();
        process.Port.Script = call => call.Number == SyscallNumber.CreateServer ? SyscallResult.Failure(XousError.OutOfMemory) : null;

        IpcException exception = Assert.Throws<IpcException>(() => process.Context.RegisterServer("vault", 0, out _));

        Assert.Equal(XousError.OutOfMemory, exception.TransportError);
        Assert.Empty(process.Names.Registrations);
    }

    [Fact]
    public void Service_clients_connect_once_to_their_well_known_sids()
    {
        var process = new TestProcess();

        Assert.Same(process.Context.Names, process.Context.Names);
        Assert.Same(process.Context.Log, process.Context.Log);
        Assert.Same(process.Context.Ticktimer, process.Context.Ticktimer);

        Assert.Equal(
            new[] { Syscall.Connect(NamesServerId.Sid), Syscall.Connect(Xous.Log.Api.LogServerId.Sid), Syscall.Connect(Xous.Ticktimer.Api.TicktimerServerId.Sid) },
            process.Port.Calls);
    }

    [Fact]
    public void A_refused_service_connection_throws()
    {
        var context = new ProcessContext(new FakeKernelPort());

        Assert.Throws<InvalidOperationException>(() => context.Names);
    }
}
