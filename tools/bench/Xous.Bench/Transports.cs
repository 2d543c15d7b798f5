using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Nerdbank.Streams;

namespace Xous.Bench;

/// <summary>The two stream types of hosted mode, as connected stream pairs for the baselines.</summary>
internal static class Transports
{
    /// <summary>The same pipe options as KernelHost's in-process streams.</summary>
    private static readonly PipeOptions s_pipeOptions = new(
        pauseWriterThreshold: 0,
        resumeWriterThreshold: 0,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        useSynchronizationContext: false);

    public static (Stream, Stream) Pair(bool tcp)
    {
        if (!tcp)
        {
            return FullDuplexStream.CreatePair(s_pipeOptions);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        Socket server = listener.AcceptSocket();
        server.NoDelay = true;
        return (new NetworkStream(client, ownsSocket: true), new NetworkStream(server, ownsSocket: true));
    }

    public static bool ReadExactly(Stream stream, byte[] buffer, int count)
    {
        int done = 0;
        while (done < count)
        {
            int read;
            try
            {
                read = stream.Read(buffer, done, count - done);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                return false;
            }

            if (read == 0)
            {
                return false;
            }

            done += read;
        }

        return true;
    }

    public static void Write(Stream stream, byte[] buffer, int count)
    {
        stream.Write(buffer, 0, count);
        stream.Flush();
    }
}
