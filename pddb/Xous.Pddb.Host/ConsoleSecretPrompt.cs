using System.Text;

namespace Xous.Pddb.Host;

/// <summary>
/// Reads a PIN or password from the terminal with <see cref="Console.ReadKey(bool)"/> (intercepted: nothing is
/// echoed). The prompt goes to standard error. Returns null when standard input is not a terminal.
/// </summary>
public sealed class ConsoleSecretPrompt : ISecretPrompt
{
    /// <inheritdoc/>
    public byte[]? Read(string prompt, int maxBytes)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        Console.Error.Write(prompt);
        int maxChars = maxBytes + 1;
        char[] typed = new char[maxChars];
        int count = 0;
        try
        {
            while (true)
            {
                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (count > 0)
                    {
                        typed[--count] = '\0';
                    }

                    continue;
                }

                if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar) && count < maxChars)
                {
                    typed[count++] = key.KeyChar;
                }
            }

            Console.Error.WriteLine();
            byte[] bytes = new byte[Encoding.UTF8.GetMaxByteCount(count)];
            int length = Encoding.UTF8.GetBytes(typed, 0, count, bytes, 0);
            byte[] result = bytes.AsSpan(0, Math.Min(length, maxBytes + 1)).ToArray();
            bytes.AsSpan().Clear();
            return result;
        }
        finally
        {
            typed.AsSpan().Clear();
        }
    }
}
