namespace Xous.Bench.Compiler.Programs;

/// <summary>
/// The benchmarks' input generator: the linear congruential generator of Numerical Recipes
/// (x = x * 1664525 + 1013904223 mod 2^32), the same as <c>bench_lcg_next</c> in ../c/bench.h.
/// </summary>
public struct Lcg
{
    private uint _state;

    /// <summary>A generator that starts from <paramref name="seed"/>.</summary>
    public Lcg(uint seed) => _state = seed;

    /// <summary>Advances the generator and returns the new state.</summary>
    public uint Next()
    {
        _state = (_state * 1664525u) + 1013904223u;
        return _state;
    }
}
