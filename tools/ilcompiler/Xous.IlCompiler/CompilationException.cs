namespace Xous.IlCompiler;

/// <summary>
/// The compiler cannot translate something it reached. The message names the method (when there is one) and the
/// construct, so that the build stops with a precise error instead of emitting wrong code.
/// </summary>
public sealed class CompilationException : Exception
{
    /// <summary>Creates the error for <paramref name="construct"/> found in <paramref name="method"/>.</summary>
    /// <param name="method">The method being compiled, as <c>Namespace.Type::Name(Parameters)</c>, or null.</param>
    /// <param name="construct">What could not be compiled, e.g. <c>IL_0012 callvirt (virtual call)</c>.</param>
    public CompilationException(string? method, string construct)
        : base(method == null ? construct : $"{method}: {construct}")
    {
        Method = method;
        Construct = construct;
    }

    /// <summary>The method being compiled, or null when the error is not inside a method.</summary>
    public string? Method { get; }

    /// <summary>What could not be compiled.</summary>
    public string Construct { get; }
}
