using System.Net;
using System.Net.Sockets;

namespace Xous.Kernel.Hosted;

/// <summary>Accepts TCP connections from OS processes on its own thread and hands each stream to the host.</summary>
internal sealed class TcpAcceptor : IDisposable
{
    /// <summary>How long a write to a process may block the kernel before the process is given up.</summary>
    public const int SendTimeoutMilliseconds = 10_000;

    private readonly TcpListener _listener;
    private readonly Action<HostedConnection> _accepted;
    private readonly Action<string> _log;

    public TcpAcceptor(IPEndPoint endPoint, Action<HostedConnection> accepted, Action<string> log)
    {
        _accepted = accepted;
        _log = log;
        _listener = new TcpListener(endPoint);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        new Thread(AcceptLoop) { IsBackground = true, Name = "xous-hosted accept" }.Start();
    }

    /// <summary>The bound address (the real port when 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    public void Dispose() => _listener.Stop();

    private void AcceptLoop()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                socket.NoDelay = true;
                socket.SendTimeout = SendTimeoutMilliseconds;
                _accepted(new HostedConnection(new NetworkStream(socket, ownsSocket: true), "tcp " + socket.RemoteEndPoint?.ToString(), inline: false));
            }
            catch (SocketException e)
            {
                _log("hosted: accepting a connection failed: " + e.Message);
                socket.Dispose();
            }
        }
    }
}
