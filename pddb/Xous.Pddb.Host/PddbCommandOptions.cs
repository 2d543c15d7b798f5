namespace Xous.Pddb.Host;

/// <summary>The options every <c>./xous pddb</c> verb takes.</summary>
public sealed class PddbCommandOptions
{
    /// <summary>Names the environment variable read for the PIN when <see cref="Pin"/> is null.</summary>
    public const string PinVariable = "XOUS_PDDB_PIN";

    /// <summary>Names the environment variable read for the basis password when <see cref="BasisPassword"/> is null.</summary>
    public const string BasisPasswordVariable = "XOUS_PDDB_BASIS_PASSWORD";

    /// <summary>Creates the options for image <paramref name="image"/>.</summary>
    /// <param name="image">The image file (<c>--image</c>).</param>
    public PddbCommandOptions(string image)
    {
        Image = image ?? throw new ArgumentNullException(nameof(image));
    }

    /// <summary>The image file (<c>--image</c>); its key file is <c>IMAGE.keys</c>.</summary>
    public string Image { get; }

    /// <summary>
    /// The PIN (<c>--pin</c>); null reads <see cref="PinVariable"/>, then prompts. A command-line PIN is visible to
    /// other local users in the process list: prefer the prompt.
    /// </summary>
    public string? Pin { get; init; }

    /// <summary>The secret basis the verb acts on (<c>--basis</c>), unlocked after the mount; null for the union view.</summary>
    public string? Basis { get; init; }

    /// <summary>The basis password (<c>--basis-password</c>); null reads <see cref="BasisPasswordVariable"/>, then prompts.</summary>
    public string? BasisPassword { get; init; }
}
