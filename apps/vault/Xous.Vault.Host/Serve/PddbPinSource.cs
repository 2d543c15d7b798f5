using Xous.Pddb.Host;

namespace Xous.Vault.Host.Serve;

/// <summary>
/// Where the PDDB PIN comes from, in order: the <c>--pddb-pin</c> option, the <c>XOUS_PDDB_PIN</c> environment
/// variable, the terminal (asked without echo), else a clear start-up error. The option and the variable are visible to
/// the user's own processes (process list, /proc/PID/environ); the prompt is the safe choice on a shared machine.
/// </summary>
public static class PddbPinSource
{
    /// <summary>The environment variable (the same one <c>./xous pddb</c> reads).</summary>
    public const string Variable = PddbCommandOptions.PinVariable;

    /// <summary>The most bytes a PDDB PIN may have.</summary>
    public const int MaxPinBytes = 72;

    /// <summary>
    /// The PIN's UTF-8 bytes (the caller wipes them), or null when no source has one. <paramref name="source"/>
    /// receives which source was used ("--pddb-pin", "$XOUS_PDDB_PIN", "the terminal").
    /// </summary>
    /// <param name="option">The option's value, or null.</param>
    /// <param name="environment">Reads an environment variable (tests pass a dictionary).</param>
    /// <param name="prompt">Asks on the terminal; returns null when there is none. May be null.</param>
    /// <param name="promptText">What the terminal prompt says.</param>
    /// <param name="source">Which source gave the PIN.</param>
    /// <returns>The PIN's bytes, or null.</returns>
    public static byte[]? Resolve(string? option, Func<string, string?> environment, ISecretPrompt? prompt, string promptText, out string source)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(option))
        {
            source = "--pddb-pin";
            return System.Text.Encoding.UTF8.GetBytes(option);
        }

        string? fromEnvironment = environment(Variable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            source = "$" + Variable;
            return System.Text.Encoding.UTF8.GetBytes(fromEnvironment);
        }

        source = "the terminal";
        return prompt?.Read(promptText, MaxPinBytes);
    }

    /// <summary>The start-up error when no PIN could be found.</summary>
    public const string MissingMessage =
        "no PDDB PIN: give --pddb-pin PIN, set " + Variable + ", or start on a terminal to be asked (the PIN opens, or on first start creates, the Vault's PDDB image)";
}
