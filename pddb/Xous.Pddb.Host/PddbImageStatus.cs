namespace Xous.Pddb.Host;

/// <summary>What opening, formatting or mounting an image file came to. Each failure has its own message and exit code.</summary>
public enum PddbImageStatus
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The image file does not exist.</summary>
    ImageMissing,

    /// <summary>Format refused: the image file exists (pass force to overwrite it).</summary>
    ImageExists,

    /// <summary>Format refused: the device-secrets file exists (pass force to overwrite it).</summary>
    KeyFileExists,

    /// <summary>The device-secrets file beside the image is missing: no PIN can open the image without it.</summary>
    KeyFileMissing,

    /// <summary>The device-secrets file is not one (wrong length, magic, version or reserved bytes).</summary>
    KeyFileInvalid,

    /// <summary>The image holds no PDDB: blank, random, or a size no PDDB has.</summary>
    NoPddb,

    /// <summary>The image holds a PDDB, and the PIN does not open it. Nothing was written.</summary>
    WrongPin,

    /// <summary>The PIN is right but the system basis is damaged.</summary>
    Corrupt,

    /// <summary>The PIN is empty or longer than 72 bytes.</summary>
    InvalidPin,
}
