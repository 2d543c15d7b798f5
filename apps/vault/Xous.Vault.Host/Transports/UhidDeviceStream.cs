using Microsoft.Win32.SafeHandles;

namespace Xous.Vault.Host.Transports;

/// <summary>
/// /dev/uhid as a <see cref="Stream"/>: every Read is one read(2) (one event) and every Write one write(2), with
/// no buffering, through <see cref="RandomAccess"/> on an unseekable handle so the reader thread and the writer may
/// use it at the same time.
/// </summary>
internal sealed class UhidDeviceStream : Stream
{
    private readonly SafeFileHandle _handle;

    private UhidDeviceStream(SafeFileHandle handle) => _handle = handle;

    public static UhidDeviceStream Open(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => RandomAccess.Read(_handle, buffer.AsSpan(offset, count), 0);

    public override void Write(byte[] buffer, int offset, int count) => RandomAccess.Write(_handle, buffer.AsSpan(offset, count), 0);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }
        base.Dispose(disposing);
    }
}
