namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>A coarse equality (equal modulo <c>modulus</c>), so that distinct keys collide and replace each other.</summary>
internal sealed class ModuloComparer(int modulus) : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => Mod(x) == Mod(y);

    public int GetHashCode(int obj) => Mod(obj) * 7;

    private int Mod(int value) => ((value % modulus) + modulus) % modulus;
}
