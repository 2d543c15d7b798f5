using Xous.Abi;

namespace Xous.Kernel;

/// <summary>Destroying a server and ending a process: everything they held is answered, returned or freed.</summary>
internal sealed class Teardown
{
    private readonly KernelTables _t;

    public Teardown(KernelTables tables) => _t = tables;

    /// <summary>
    /// Destroys a live server: every queued or in-flight blocking message is answered with ServerNotFound (a lender
    /// gets its pages back, attached to the error), queued Moves are freed (also those of ended senders, whose pages
    /// the server holds), memory of ended lenders is freed, and threads receiving on it or waiting for queue space get
    /// ServerNotFound. Its connections go stale.
    /// </summary>
    public void DestroyServer(int server)
    {
        int owner = _t.Servers.Server(server).Owner;
        for (int slot = 0; slot < Layout.QueueLength; slot++)
        {
            ref MessageSlot m = ref _t.Servers.Slot(server, slot);
            switch (m.State)
            {
                case SlotState.Queued:
                    DropQueued(server, slot, answer: true);
                    break;
                case SlotState.InFlight:
                    if (MessageKindCodes.HasMemory(m.Kind))
                    {
                        _t.Memory.Unmap(owner, m.ServerPage, m.Pages, freeFrames: false);
                        _t.Memory.SetKind(m.Client, m.ClientPage, m.Pages, RegionKind.Owned);
                        _t.Processes.Fail(m.Client, m.ClientThread, XousError.ServerNotFound, MemoryRange.Create(m.Word1, m.Word2));
                    }
                    else
                    {
                        _t.Processes.Fail(m.Client, m.ClientThread, XousError.ServerNotFound);
                    }

                    _t.Servers.FreeSlot(server, slot);
                    break;
                case SlotState.Forgotten:
                    if (MessageKindCodes.HasMemory(m.Kind))
                    {
                        _t.Memory.Unmap(owner, m.ServerPage, m.Pages, freeFrames: true);
                    }

                    _t.Servers.FreeSlot(server, slot);
                    break;
                default:
                    break;
            }
        }

        while (_t.Processes.TryFindWaiter(WaitReason.Receive, server, owner, out _, out int receiver))
        {
            _t.Processes.Fail(owner, receiver, XousError.ServerNotFound);
        }

        while (_t.Processes.TryFindWaiter(WaitReason.SendRetry, server, -1, out int process, out int sender))
        {
            _t.Processes.Fail(process, sender, XousError.ServerNotFound);
        }

        _t.Servers.Release(server);
        _t.Statistics.Servers--;
    }

    /// <summary>
    /// Ends a process: its servers are destroyed, its queued blocking messages dropped (its queued Scalars and Moves
    /// are still delivered), messages of its own that servers hold are forgotten (the server's reply is accepted and
    /// only releases the pages), its connections close, its frames return to the pool and the arch is told. Nothing
    /// is delivered to its threads.
    /// </summary>
    public void EndProcess(int process, uint exitCode)
    {
        ref ProcessEntry p = ref _t.Processes.Process(process);
        if (!p.Alive || p.Dying)
        {
            return;
        }

        p.Dying = true;
        for (int server = 0; server < Layout.MaxServers; server++)
        {
            ref ServerEntry s = ref _t.Servers.Server(server);
            if (s.Live && s.Owner == process)
            {
                DestroyServer(server);
            }
        }

        for (int server = 0; server < Layout.MaxServers; server++)
        {
            if (_t.Servers.Server(server).Live)
            {
                ForgetClient(server, process);
            }
        }

        _t.Connections.Clear(process);
        _t.Memory.ReleaseAll(process);
        _t.Processes.ClearThreads(process);
        p = default;
        _t.Statistics.ProcessesEnded++;
        _t.Arch.ProcessEnded(ProcessTable.PidOf(process), exitCode);
    }

    /// <summary>
    /// The messages a dying client has in one server. Queued Scalars and Moves (already answered Ok) stay queued and
    /// are delivered as usual: a Move's pages pass to the server at once (see <see cref="TryHandOverMove"/>), and the
    /// slot no longer names the client. Queued blocking messages are dropped (nobody waits for the reply); received
    /// ones are forgotten.
    /// </summary>
    private void ForgetClient(int server, int client)
    {
        int owner = _t.Servers.Server(server).Owner;
        for (int slot = 0; slot < Layout.QueueLength; slot++)
        {
            ref MessageSlot m = ref _t.Servers.Slot(server, slot);
            if (m.Client != client || m.State is SlotState.Free or SlotState.Forgotten)
            {
                continue;
            }

            if (m.State == SlotState.Queued)
            {
                if (m.Kind == MessageKind.Scalar || (m.Kind == MessageKind.Move && TryHandOverMove(server, slot)))
                {
                    m.Client = MessageSlot.EndedClient;
                    m.ClientThread = 0;
                }
                else
                {
                    DropQueued(server, slot, answer: false);
                }

                continue;
            }

            if (MessageKindCodes.HasMemory(m.Kind))
            {
                _t.Memory.Forget(client, m.ClientPage, owner, m.ServerPage, m.Pages, ProcessTable.PidOf(owner).Value);
            }

            m.State = SlotState.Forgotten;
        }
    }

    /// <summary>
    /// The sender of a queued Move is ending: its pages go to the server now, mapped inaccessible
    /// (<see cref="RegionKind.Moving"/>) at the lowest free address of the message area, as receive would map them;
    /// receive then only makes them owned. False (the caller drops the message) when the server has no room: no free
    /// run of the message area or a full region table.
    /// </summary>
    private bool TryHandOverMove(int server, int slot)
    {
        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        int owner = _t.Servers.Server(server).Owner;
        uint pages = m.Pages;
        if (!_t.Memory.HasRoom(owner, _t.Memory.CountRegions(m.Client, m.ClientPage, pages)) ||
            !_t.Memory.TryFindGap(owner, Layout.MessageBasePage, Layout.DefaultBasePage, pages, out uint serverPage))
        {
            return false;
        }

        _t.Memory.TransferMoved(m.Client, m.ClientPage, owner, serverPage, pages, ProcessTable.PidOf(owner).Value, RegionKind.Moving);
        m.ServerPage = serverPage;
        return true;
    }

    /// <summary>
    /// Removes a queued message: a Move's pages are freed (held by the server when its sender has ended), a lend's
    /// pages return to the lender, and (when <paramref name="answer"/>) a blocked sender gets ServerNotFound.
    /// </summary>
    private void DropQueued(int server, int slot, bool answer)
    {
        ref MessageSlot m = ref _t.Servers.Slot(server, slot);
        MemoryRange buffer = default;
        if (m.Kind == MessageKind.Move)
        {
            if (m.ClientEnded)
            {
                _t.Memory.Unmap(_t.Servers.Server(server).Owner, m.ServerPage, m.Pages, freeFrames: true);
            }
            else
            {
                _t.Memory.Unmap(m.Client, m.ClientPage, m.Pages, freeFrames: true);
            }
        }
        else if (MessageKindCodes.HasMemory(m.Kind))
        {
            _t.Memory.SetKind(m.Client, m.ClientPage, m.Pages, RegionKind.Owned);
            buffer = MemoryRange.Create(m.Word1, m.Word2);
        }

        if (answer && MessageKindCodes.IsBlocking(m.Kind))
        {
            _t.Processes.Fail(m.Client, m.ClientThread, XousError.ServerNotFound, buffer);
        }

        _t.Statistics.MessagesDropped++;
        _t.Servers.FreeSlot(server, slot);
    }
}
