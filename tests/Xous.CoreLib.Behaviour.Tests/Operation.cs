using CsCheck;

namespace Xous.CoreLib.Behaviour.Tests;

/// <summary>One step of a model-based test: which operation, three small integer arguments and a few items.</summary>
internal sealed record Operation(int Kind, int A, int B, int C, int[] Items)
{
    /// <summary>Operations with arguments around the sizes the tests reach, so that both valid and invalid indexes occur.</summary>
    public static Gen<Operation> Generator(int kinds) =>
        Gen.Select(Gen.Int[0, kinds - 1], Gen.Int[-2, 24], Gen.Int[-2, 24], Gen.Int[-2, 24], Gen.Int[-3, 30].Array[0, 8])
            .Select((kind, a, b, c, items) => new Operation(kind, a, b, c, items));

    public override string ToString() => $"({Kind}, {A}, {B}, {C}, [{string.Join(",", Items)}])";
}
