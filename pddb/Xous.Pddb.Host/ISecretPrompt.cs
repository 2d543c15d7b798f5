namespace Xous.Pddb.Host;

/// <summary>Asks the user for a PIN or password, without echo. Tests pass a scripted one.</summary>
public interface ISecretPrompt
{
    /// <summary>
    /// Shows <paramref name="prompt"/> and reads one line. Returns its UTF-8 bytes (the caller wipes them), or null
    /// when there is nobody to ask (no terminal). At most <paramref name="maxBytes"/> + 1 bytes are kept, so that an
    /// overlong answer is detected without storing all of it.
    /// </summary>
    /// <param name="prompt">What to ask, e.g. <c>PIN for t.img: </c>.</param>
    /// <param name="maxBytes">The longest acceptable answer in bytes.</param>
    /// <returns>The answer's bytes, or null.</returns>
    byte[]? Read(string prompt, int maxBytes);
}
