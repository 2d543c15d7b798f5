namespace Xous.Pddb.Host;

/// <summary>The exit codes of <c>./xous pddb</c>: one per kind of failure, so that scripts can tell them apart.</summary>
public static class PddbExitCode
{
    /// <summary>Done (for <c>check</c>: the PDDB is clean).</summary>
    public const int Ok = 0;

    /// <summary><c>check</c> found problems, or a limit was reached.</summary>
    public const int Problems = 1;

    /// <summary>The arguments are wrong (a missing option, a bad size, two value sources).</summary>
    public const int Usage = 2;

    /// <summary>The image file does not exist, or format refused to overwrite one.</summary>
    public const int ImageFile = 3;

    /// <summary>The device-secrets file is missing, malformed, or format refused to overwrite it.</summary>
    public const int KeyFile = 4;

    /// <summary>The image holds no PDDB (blank or not a PDDB): format it.</summary>
    public const int NoPddb = 5;

    /// <summary>The PIN does not open the PDDB (nothing was changed).</summary>
    public const int WrongPin = 6;

    /// <summary>The PDDB is damaged.</summary>
    public const int Corrupt = 7;

    /// <summary>No such basis (or wrong password), dictionary or key.</summary>
    public const int NotFound = 8;

    /// <summary>A name or password is empty, not UTF-8 text, or past its byte limit.</summary>
    public const int InvalidName = 9;

    /// <summary>The PDDB has no room for the write; nothing was written.</summary>
    public const int NoSpace = 10;

    /// <summary>The basis or dictionary exists already.</summary>
    public const int AlreadyExists = 11;

    /// <summary>The operating system failed to read or write a file.</summary>
    public const int IoError = 12;
}
