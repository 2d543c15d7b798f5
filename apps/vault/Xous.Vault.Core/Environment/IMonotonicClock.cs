namespace Xous.Vault.Environment;

/// <summary>Milliseconds since power-up (the process start when hosted). Never goes backwards.</summary>
public interface IMonotonicClock
{
    /// <summary>Milliseconds elapsed since power-up.</summary>
    long ElapsedMilliseconds { get; }
}
