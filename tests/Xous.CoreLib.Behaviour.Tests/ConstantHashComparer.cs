namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>Ordinary equality, but every hash code is the same: all entries share one bucket chain.</summary>
internal sealed class ConstantHashComparer : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => 42;
}
