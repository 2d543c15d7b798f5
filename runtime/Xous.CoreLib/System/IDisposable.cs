namespace System;

/// <summary>Releases resources; the target of <c>using</c>.</summary>
public interface IDisposable
{
    void Dispose();
}
